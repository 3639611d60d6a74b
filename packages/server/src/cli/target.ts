import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/index.js';
import { sealPendingAudit } from '../platform/audit/chain.js';
import { migrate } from '../platform/db/migrate.js';
import { CliError, cwdOf, EXIT, type CliIo } from './io.js';
import { DataDirInUse, holdDataDir } from './data-dir-lock.js';

/**
 * The CLI never encrypts or decrypts MFA secrets, so it does not need LANTERN_SECRET_KEY. Without
 * one, loadConfig would demand it in production and, in demo mode, generate `demo-secret.key` in
 * the data dir (creating the dir, which would make a restore target look occupied). A placeholder
 * avoids both; the server still requires the real key.
 */
const UNUSED_SECRET_KEY = '0'.repeat(64);

/** The server's configuration, read from the same environment variables (see docs/operations.md). */
export function cliConfig(io: CliIo): Config {
  try {
    return loadConfig({ ...io.env, LANTERN_SECRET_KEY: io.env.LANTERN_SECRET_KEY || UNUSED_SECRET_KEY }, cwdOf(io));
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`Configuration: ${error.message}`, EXIT.usage);
    throw error;
  }
}

/** "embedded Postgres in /srv/lantern/data" or "PostgreSQL at db.internal:5432/lantern" (never the password). */
export function describeTarget(config: Config): string {
  if (!config.databaseUrl) return `embedded Postgres in ${config.dataDir}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** True when an embedded data dir holds a Postgres cluster. */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

export interface TargetOptions {
  /** Said in the lock file, so whoever finds the dir busy knows by what. */
  readonly purpose: string;
  /** Refuse when the embedded data dir holds no database yet (instead of creating one). */
  readonly mustExist: boolean;
  readonly migrate: boolean;
}

/**
 * Opens the configured database for the length of `work`: the embedded one only when no other
 * process has it open (and marked as ours meanwhile), migrated when asked.
 */
export async function withTarget<T>(config: Config, options: TargetOptions, work: (database: Database) => Promise<T>): Promise<T> {
  if (!config.databaseUrl && options.mustExist && !hasEmbeddedDatabase(config.dataDir)) {
    throw new CliError(
      `No embedded database in ${config.dataDir}. Set LANTERN_DATA_DIR (or DATABASE_URL) to the server's, or create one with \`lantern migrate\`.`,
      EXIT.usage,
    );
  }
  const release = config.databaseUrl ? () => undefined : holdEmbedded(config.dataDir, options.purpose);
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir, poolSize: 2 });
    try {
      await reachable(database, config);
      if (options.migrate) await migrate(database);
      const result = await work(database);
      // The audit events a command wrote join the chain before it exits, as a server's do when it stops.
      if (options.migrate) await sealPendingAudit(database.db);
      return result;
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

/** A PostgreSQL server connects lazily: try it now, so a wrong DATABASE_URL reads as configuration. */
async function reachable(database: Database, config: Config): Promise<void> {
  try {
    await database.exec('SELECT 1');
  } catch (error) {
    throw new CliError(`Cannot use ${describeTarget(config)}: ${error instanceof Error ? error.message : String(error)}`, EXIT.usage);
  }
}

/** Creates the data dir if needed and holds it; a busy dir becomes a CliError. */
export function holdEmbedded(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  try {
    return holdDataDir(dataDir, purpose);
  } catch (error) {
    if (error instanceof DataDirInUse) throw new CliError(error.message);
    throw error;
  }
}
