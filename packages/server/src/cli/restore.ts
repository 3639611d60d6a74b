import { existsSync, readdirSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../platform/db/index.js';
import { migrate } from '../platform/db/migrate.js';
import { CliError, cwdOf, EXIT, say, type CliIo, type ExitCode } from './io.js';
import { dataDirHolder } from './data-dir-lock.js';
import { runPgTool } from './pg-tools.js';
import { cliConfig, describeTarget, holdEmbedded } from './target.js';

type BackupKind = 'embedded' | 'pg_dump' | 'unknown';

/** Tells the two backup formats apart by their first bytes: gzip (PGlite) or PGDMP (pg_dump custom). */
async function backupKind(file: string): Promise<BackupKind> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded';
    if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
    return 'unknown';
  } finally {
    await handle.close();
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * `lantern restore <file>`: into the embedded data dir (refusing one that holds data unless
 * --force, which moves it aside rather than deleting it) or into the PostgreSQL database with
 * `pg_restore --clean`; then applies any migrations newer than the backup.
 */
export async function restoreCommand(io: CliIo, file: string, options: { readonly force: boolean }): Promise<ExitCode> {
  const config = cliConfig(io);
  const source = path.resolve(cwdOf(io), file);
  if (!existsSync(source)) throw new CliError(`No such backup file: ${source}`, EXIT.usage);
  const kind = await backupKind(source);
  if (config.databaseUrl) {
    if (kind !== 'pg_dump') throw new CliError(`${source} is not a pg_dump archive${kind === 'embedded' ? ' (it is an embedded backup: unset DATABASE_URL and set LANTERN_DATA_DIR to restore it)' : ''}.`, EXIT.usage);
    await restorePostgres(io, config.databaseUrl, source, options.force);
  } else {
    if (kind !== 'embedded') throw new CliError(`${source} is not an embedded backup${kind === 'pg_dump' ? ' (it is a pg_dump archive: set DATABASE_URL to restore it into PostgreSQL)' : ''}.`, EXIT.usage);
    await restoreEmbedded(io, config.dataDir, source, options.force);
  }
  say(io, `Restored ${source} into ${describeTarget(config)}. Check it with \`lantern audit verify\`.`);
  return EXIT.ok;
}

async function restoreEmbedded(io: CliIo, dataDir: string, source: string, force: boolean): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    const aside = `${dataDir}.before-restore-${timestamp(new Date())}`;
    if (!force) throw new CliError(`${dataDir} already holds data. Pass --force to move it aside (to ${aside}) and restore in its place.`);
    const holder = dataDirHolder(dataDir);
    if (holder) throw new CliError(`${dataDir} is in use by ${holder}; stop the Lantern server first.`);
    await rename(dataDir, aside);
    say(io, `Moved the existing data dir aside to ${aside}.`);
  }
  const release = holdEmbedded(dataDir, 'lantern restore');
  try {
    const database = await openDatabase({ databaseUrl: null, dataDir, loadDataDir: new Blob([await readFile(source)]) });
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
  } finally {
    // Also removes the lock file the backup itself carried (it was taken while the backup ran).
    release();
  }
}

async function restorePostgres(io: CliIo, databaseUrl: string, source: string, force: boolean): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir: null, poolSize: 1 });
  try {
    const result = await database.db.execute(sql`SELECT to_regclass('public.clinic') IS NOT NULL AS present`);
    const occupied = (result as unknown as { rows: { present: boolean }[] }).rows[0]?.present === true;
    if (occupied && !force) {
      throw new CliError('The target database already holds Lantern tables. Pass --force to replace them (pg_restore --clean drops and recreates every object in the backup).');
    }
  } finally {
    await database.close();
  }
  await runPgTool(io, 'pg_restore', ['--clean', '--if-exists', '--no-owner', source], databaseUrl);
  const restored = await openDatabase({ databaseUrl, dataDir: null, poolSize: 1 });
  try {
    await migrate(restored);
  } finally {
    await restored.close();
  }
}
