import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CliError, cwdOf, EXIT, say, type CliIo, type ExitCode } from './io.js';
import { runPgTool } from './pg-tools.js';
import { cliConfig, describeTarget, withTarget } from './target.js';

/** Backups hold PHI: readable by their owner only. */
const BACKUP_MODE = 0o600;

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

async function writeBlob(file: string, blob: Blob): Promise<void> {
  const handle = await open(file, 'wx', BACKUP_MODE);
  try {
    await handle.writeFile(Buffer.from(await blob.arrayBuffer()));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * `lantern backup <file>`: the embedded data dir as PGlite's consistent gzipped tarball, or a
 * PostgreSQL database through `pg_dump --format=custom`. Written beside the target under a temporary
 * name and renamed into place, so a failed or interrupted backup never leaves a truncated file that
 * looks whole.
 */
export async function backupCommand(io: CliIo, file: string, options: { readonly force: boolean }): Promise<ExitCode> {
  const config = cliConfig(io);
  const target = path.resolve(cwdOf(io), file);
  if (existsSync(target)) {
    if ((await stat(target)).isDirectory()) throw new CliError(`${target} is a directory; give a file name.`, EXIT.usage);
    if (!options.force) throw new CliError(`${target} already exists; pass --force to replace it.`);
  }
  const partial = `${target}.partial-${process.pid}`;
  try {
    if (config.databaseUrl) {
      await runPgTool(io, 'pg_dump', ['--format=custom', '--file', partial], config.databaseUrl);
      await chmod(partial, BACKUP_MODE);
    } else {
      await withTarget(config, { purpose: 'lantern backup', mustExist: true, migrate: false }, async (database) => {
        await writeBlob(partial, await database.dump());
      });
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  say(io, `Backed up ${describeTarget(config)} to ${target} (${megabytes((await stat(target)).size)}).`);
  return EXIT.ok;
}
