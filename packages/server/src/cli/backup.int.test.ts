import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarget, lantern, type CliTarget } from '../../test/cli-target.js';
import { openDatabase } from '../platform/db/index.js';
import { appUser, auditEvent } from '../platform/db/schema/index.js';
import { LOCK_FILE } from './data-dir-lock.js';

const ADMIN = ['create-admin', '--email', 'director@backup.example', '--name', 'Dr. Backup'];

async function tally(target: Pick<CliTarget, 'open'>): Promise<{ users: number; events: number }> {
  const database = await target.open();
  try {
    const [users] = await database.db.select({ n: count() }).from(appUser);
    const [events] = await database.db.select({ n: count() }).from(auditEvent);
    return { users: Number(users?.n), events: Number(events?.n) };
  } finally {
    await database.close();
  }
}

/** Fills a target with the demo clinic plus one administrator: a dozen users and a few audit events. */
async function populate(target: CliTarget): Promise<void> {
  expect((await lantern(['seed-demo'], target.env)).code).toBe(0);
  expect((await lantern(ADMIN, { ...target.env, LANTERN_ADMIN_PASSWORD: 'backup and restore drill' })).code).toBe(0);
}

describe.skipIf(process.env.TEST_DATABASE_URL)('lantern backup and restore, embedded', () => {
  let source: CliTarget;
  let expected: { users: number; events: number };
  beforeAll(async () => {
    source = await cliTarget();
    await populate(source);
    expected = await tally(source);
  });
  afterAll(async () => source.dispose());

  const file = (): string => path.join(source.scratch, 'lantern.tar.gz');
  const restoredDir = (): string => path.join(source.scratch, 'restored');
  const restoredEnv = (): Record<string, string> => ({ ...source.env, LANTERN_DATA_DIR: restoredDir() });
  const restored = { open: () => openDatabase({ databaseUrl: null, dataDir: restoredDir() }) };

  it('backs up to a file only its owner can read, and restores it into another data dir with the same data', async () => {
    const backup = await lantern(['backup', file()], source.env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`to ${file()}`);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(readdirSync(source.scratch).filter((name) => name.includes('.partial-'))).toEqual([]);

    const restore = await lantern(['restore', file()], restoredEnv());
    expect(restore.code).toBe(0);
    expect(await tally(restored)).toEqual(expected);
    expect(existsSync(path.join(restoredDir(), LOCK_FILE))).toBe(false);
    expect(await lantern(['audit', 'verify'], restoredEnv())).toMatchObject({ code: 0, stdout: `audit trail intact: ${expected.events} events\n` });
  });

  it('refuses to replace an existing backup file unless --force', async () => {
    const refused = await lantern(['backup', file()], source.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists; pass --force');
    expect((await lantern(['backup', '--force', file()], source.env)).code).toBe(0);
  });

  it('refuses to restore over a data dir that holds data, and with --force moves it aside first', async () => {
    const refused = await lantern(['restore', file()], restoredEnv());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds data. Pass --force to move it aside');

    const forced = await lantern(['restore', '--force', file()], restoredEnv());
    expect(forced.code).toBe(0);
    const aside = readdirSync(source.scratch).filter((name) => name.startsWith('restored.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(path.join(source.scratch, aside[0] ?? '', 'PG_VERSION'))).toBe(true);
    expect(await tally(restored)).toEqual(expected);
  });

  it('refuses a file that is not an embedded backup', async () => {
    const junk = path.join(source.scratch, 'notes.txt');
    writeFileSync(junk, 'not a backup');
    const run = await lantern(['restore', junk], { ...source.env, LANTERN_DATA_DIR: path.join(source.scratch, 'empty') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not an embedded backup');
  });

  describe('while another process has the data dir', () => {
    let holder: ChildProcess | null = null;
    afterAll(() => {
      holder?.kill('SIGKILL');
    });

    it('refuses while the lock names a live process, and ignores a lock its process left behind', async () => {
      const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
      holder = sleeper;
      const lock = path.join(source.env.LANTERN_DATA_DIR ?? '', LOCK_FILE);
      writeFileSync(lock, JSON.stringify({ pid: sleeper.pid, hostname: os.hostname(), purpose: 'lantern server', since: new Date().toISOString() }));
      const refused = await lantern(['backup', '--force', file()], source.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is in use by lantern server (pid ${sleeper.pid}`);

      sleeper.kill('SIGKILL');
      await new Promise((resolve) => sleeper.once('exit', resolve));
      expect((await lantern(['backup', '--force', file()], source.env)).code).toBe(0);
      expect(existsSync(lock)).toBe(false);
    });

    it.skipIf(!existsSync('/proc/self/fd'))('refuses while another process has it open in PGlite, and proceeds after that process crashed', async () => {
      const dataDir = source.env.LANTERN_DATA_DIR ?? '';
      const script = `import { PGlite } from '@electric-sql/pglite';
        const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)} });
        await db.query('SELECT 1');
        process.stdout.write('open\\n');
        setInterval(() => {}, 1000);`;
      const server = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
      holder = server;
      await new Promise<void>((resolve, reject) => {
        server.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
        server.once('exit', (code) => reject(new Error(`PGlite holder exited with ${code}`)));
      });
      const refused = await lantern(['audit', 'verify'], source.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is in use by process ${server.pid}`);

      // A crash leaves PGlite's postmaster.pid behind; nobody holds the files any more.
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
      expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);
      expect((await lantern(['audit', 'verify'], source.env)).code).toBe(0);
    });
  });
});

const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;

describe.runIf(process.env.TEST_DATABASE_URL && hasPgDump)('lantern backup and restore, PostgreSQL', () => {
  let source: CliTarget;
  let copy: CliTarget;
  beforeAll(async () => {
    source = await cliTarget();
    copy = await cliTarget({ empty: true });
    await populate(source);
  });
  afterAll(async () => {
    await source.dispose();
    await copy.dispose();
  });

  it('dumps with pg_dump and restores with pg_restore into an empty database, trail intact', async () => {
    const file = path.join(source.scratch, 'lantern.dump');
    const backup = await lantern(['backup', file], source.env);
    expect(backup.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restore = await lantern(['restore', file], copy.env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const expected = await tally(source);
    expect(await tally(copy)).toEqual(expected);
    expect(await lantern(['audit', 'verify'], copy.env)).toMatchObject({ code: 0, stdout: `audit trail intact: ${expected.events} events\n` });

    const again = await lantern(['restore', file], copy.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds Lantern tables. Pass --force');
    expect((await lantern(['restore', '--force', file], copy.env)).code).toBe(0);
    expect(await tally(copy)).toEqual(expected);
  });
});
