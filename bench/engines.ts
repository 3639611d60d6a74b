import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../packages/server/src/platform/config.js';
import { openDatabase, type Database } from '../packages/server/src/platform/db/index.js';
import { migrate } from '../packages/server/src/platform/db/migrate.js';

export type Engine = 'pglite' | 'postgres';

/** A freshly migrated database for one bench run, thrown away by `dispose`. */
export interface BenchDatabase {
  readonly engine: Engine;
  readonly config: Config;
  readonly database: Database;
  dispose(): Promise<void>;
}

/** The configuration the server would read, for a bench: quiet logs, a throwaway key. */
function benchConfig(env: Record<string, string>): Config {
  return loadConfig({ LOG_LEVEL: 'silent', LANTERN_SECRET_KEY: randomBytes(32).toString('hex'), ...env });
}

/** Embedded Postgres in a temporary data dir, as a clinic's single machine runs it. */
export async function pgliteDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-'));
  const config = benchConfig({ LANTERN_DATA_DIR: path.join(dir, 'data') });
  const database = await openDatabase({ databaseUrl: null, dataDir: config.dataDir });
  await migrate(database);
  return {
    engine: 'pglite',
    config,
    database,
    async dispose() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A new database on the PostgreSQL server at `serverUrl` (which must allow CREATE DATABASE). */
export async function postgresDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `lantern_bench_${randomBytes(5).toString('hex')}`;
  const adminUrl = withDatabaseName(serverUrl, 'postgres');
  const admin = await openDatabase({ databaseUrl: adminUrl, dataDir: null, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const config = benchConfig({ DATABASE_URL: withDatabaseName(serverUrl, name) });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: null });
  await migrate(database);
  return {
    engine: 'postgres',
    config,
    database,
    async dispose() {
      await database.close();
      if (process.env.BENCH_KEEP_DATABASE) {
        console.error(`bench: kept database ${name} (BENCH_KEEP_DATABASE)`);
        return;
      }
      const dropper = await openDatabase({ databaseUrl: adminUrl, dataDir: null, poolSize: 1 });
      await dropper.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.close();
    },
  };
}
