// `npm run test:pg`: the same suite against PostgreSQL. Uses TEST_DATABASE_URL when set, else a local
// server's default (postgres://lantern:lantern@127.0.0.1:5432/postgres, as .ci/run creates it).
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://lantern:lantern@127.0.0.1:5432/postgres';
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } });
process.exit(result.status ?? 1);
