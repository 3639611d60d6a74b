import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { inject } from 'vitest';
import { runCli, type CliIo } from '../src/cli.js';
import { openDatabase, type Database } from '../src/platform/db/index.js';
import { ENGINE } from './harness.js';
import { adminUrl } from './pg-url.js';

/**
 * A database the `lantern` command can be pointed at through its environment: a file-backed PGlite
 * data dir, or a PostgreSQL database of its own when TEST_DATABASE_URL is set. `open()` gives the
 * test its own connection; close it before running a command (PGlite allows one user at a time).
 */
export interface CliTarget {
  readonly engine: 'pglite' | 'postgres';
  readonly env: Readonly<Record<string, string>>;
  /** A scratch directory for backups and other files; removed by dispose(). */
  readonly scratch: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

const BASE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', LOG_LEVEL: 'silent' };

/** A migrated database (cloned from the run's template), or an empty one with `{ empty: true }`. */
export async function cliTarget(options: { readonly empty?: boolean } = {}): Promise<CliTarget> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'lantern-cli-'));
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dataDir = path.join(scratch, 'data');
    if (!options.empty) {
      const seeded = await openDatabase({ databaseUrl: null, dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
      await seeded.close();
    }
    return {
      engine: 'pglite',
      env: { ...BASE_ENV, LANTERN_DATA_DIR: dataDir },
      scratch,
      open: () => openDatabase({ databaseUrl: null, dataDir }),
      async dispose() {
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  }
  const name = `lantern_cli_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null, poolSize: 1 });
  await admin.exec(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.close();
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  const databaseUrl = parsed.toString();
  return {
    engine: ENGINE,
    env: { ...BASE_ENV, DATABASE_URL: databaseUrl },
    scratch,
    open: () => openDatabase({ databaseUrl, dataDir: null, poolSize: 2 }),
    async dispose() {
      rmSync(scratch, { recursive: true, force: true });
      const dropper = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null, poolSize: 1 });
      await dropper.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.close();
    },
  };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `lantern <argv>` in-process with the given environment and piped stdin; captures its output. */
export async function lantern(argv: readonly string[], env: Readonly<Record<string, string>>, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: Readable.from(stdin ? [Buffer.from(stdin)] : []),
    env,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
