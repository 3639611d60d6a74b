import { mkdirSync } from 'node:fs';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

export { schema };
export type Schema = typeof schema;
/** The database, whichever engine is behind it (PGlite embedded, or PostgreSQL via `pg`). */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction inside it. */
export type Executor = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly engine: 'pglite' | 'postgres';
  /** Runs a raw SQL script (several statements); for migrations, maintenance and tests. */
  exec(sqlText: string): Promise<void>;
  /** Runs `fn` on one dedicated connection (session-level locks need one). */
  withConnection<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** A consistent gzipped tarball of the embedded data dir (PGlite only; PostgreSQL uses pg_dump). */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent, PGlite in `dataDir` (or in memory when `dataDir` is null). */
  readonly databaseUrl: string | null;
  readonly dataDir: string | null;
  /** A PGlite data-dir tarball to start from (tests clone a migrated template this way). */
  readonly loadDataDir?: Blob;
  readonly poolSize?: number;
}

/** Opens the database for the configured engine. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Return timestamps and bigints faithfully: timestamptz as Date (the default), int8 as number
  // (sequence values stay far below 2^53), dates as 'YYYY-MM-DD' strings.
  pg.types.setTypeParser(20, (value: string) => Number(value));
  pg.types.setTypeParser(1082, (value: string) => value);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client's connection dropped; the pool replaces it. Nothing to do here.
  });
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    async exec(sqlText) {
      await pool.query(sqlText);
    },
    async withConnection(fn) {
      const connection = await pool.connect();
      try {
        return await fn(drizzle({ client: connection, schema }) as unknown as Db);
      } finally {
        connection.release();
      }
    },
    dump() {
      return Promise.reject(new Error('A PostgreSQL server is backed up with pg_dump (lantern backup does this)'));
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // btree_gist backs the scheduling exclusion constraint (no double booking), as on PostgreSQL.
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { btree_gist },
    // Parse dates as strings like pg does above, so both engines hand back the same shapes.
    parsers: { 1082: (value: string) => value, 20: (value: string) => Number(value) },
  });
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    withConnection(fn) {
      return fn(db);
    },
    async dump() {
      const dumped = await client.dumpDataDir('gzip');
      return dumped;
    },
    async close() {
      await client.close();
    },
  };
}
