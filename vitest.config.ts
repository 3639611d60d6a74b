import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests (`*.test.ts`) and database tests (`*.int.test.ts`) of every package. Database tests run
 * on PGlite, cloned per file from a migrated template, or on PostgreSQL when TEST_DATABASE_URL is set.
 */
export default defineConfig({
  resolve: {
    alias: { '@lantern/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    globalSetup: ['packages/server/test/global-setup.ts'],
    env: { NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
