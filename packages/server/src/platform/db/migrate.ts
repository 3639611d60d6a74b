import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './index.js';

/** The migration set, shared by both engines: `packages/server/drizzle`. */
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/** A fixed key for the advisory lock that keeps concurrent starts from migrating twice. */
const MIGRATION_LOCK_KEY = 7_301_451;

/** Applies every pending migration. Safe to call from several processes starting at once. */
export async function migrate(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    // PGlite is one connection in one process: nothing to race with.
    await run(database.db as never, { migrationsFolder });
    return;
  }
  const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
  await database.withConnection(async (db) => {
    await db.execute(sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await run(db as never, { migrationsFolder });
    } finally {
      await db.execute(sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}
