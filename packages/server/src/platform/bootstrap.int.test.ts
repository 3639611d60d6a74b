import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/index.js';
import { testConfig, testDatabase } from '../../test/harness.js';
import { assertProductionSafe } from './bootstrap.js';
import { seedDemo } from '../features/demo/seed.js';
import { verifyAuditChain } from './audit/chain.js';

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database.close());

describe('start-up checks', () => {
  it('lets production start on a database without demo accounts', async () => {
    await expect(assertProductionSafe(testConfig({ mode: 'production' }), database)).resolves.toBeUndefined();
  });

  it('seeds the demo clinic once, with a verifiable trail', async () => {
    expect(await seedDemo(database.db)).toBe(true);
    expect(await seedDemo(database.db)).toBe(false);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('refuses production with demo accounts present', async () => {
    await expect(assertProductionSafe(testConfig({ mode: 'production' }), database)).rejects.toThrow(/demo accounts/);
    await expect(assertProductionSafe(testConfig({ mode: 'demo' }), database)).resolves.toBeUndefined();
  });
});
