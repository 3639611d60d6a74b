import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is Postgres in one process: two processes opening the same data dir corrupt it. These
 * helpers tell whether another process has an embedded data dir open, and mark it while we do.
 *
 * Two signals: `lantern.lock`, which the CLI writes while it works (and the server can write too,
 * see docs/operations.md), and, on Linux, the open files of other processes: PGlite writes a
 * `postmaster.pid` while open (removed on a clean close, left behind by a crash), and a live one
 * keeps the dir's relation files open, which /proc/<pid>/fd shows.
 */
export const LOCK_FILE = 'lantern.lock';

interface LockRecord {
  readonly pid: number;
  readonly hostname: string;
  readonly purpose: string;
  readonly since: string;
}

function readLock(dataDir: string): LockRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return { pid: parsed.pid, hostname: parsed.hostname, purpose: String(parsed.purpose ?? 'unknown'), since: String(parsed.since ?? '') };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process other than this one with files under `dir` open (Linux only; null elsewhere or when none). */
function processWithFilesOpen(dir: string): number | null {
  if (!existsSync('/proc/self/fd')) return null;
  const prefix = `${realpathSync(dir)}${path.sep}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or another user's process we may not inspect
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`).startsWith(prefix)) return Number(entry);
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  return null;
}

/**
 * Describes who has `dataDir` open ("lantern server, pid 4242"), or null when nobody seems to.
 * A lock left by a process that has since died does not count.
 */
export function dataDirHolder(dataDir: string): string | null {
  if (!existsSync(dataDir)) return null;
  const lock = readLock(dataDir);
  if (lock && lock.pid !== process.pid) {
    if (lock.hostname !== os.hostname()) return `${lock.purpose} on host ${lock.hostname} (pid ${lock.pid}, since ${lock.since})`;
    if (isAlive(lock.pid)) return `${lock.purpose} (pid ${lock.pid}, since ${lock.since})`;
  }
  if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    const pid = processWithFilesOpen(dataDir);
    if (pid !== null) return `process ${pid}`;
  }
  return null;
}

/**
 * Marks `dataDir` as in use by this process until the returned function is called. Throws when
 * another live process holds it.
 */
export function holdDataDir(dataDir: string, purpose: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder) throw new DataDirInUse(dataDir, holder);
  const file = path.join(dataDir, LOCK_FILE);
  const record: LockRecord = { pid: process.pid, hostname: os.hostname(), purpose, since: new Date().toISOString() };
  // The holder check above found any lock stale: replace it, then create ours exclusively, so of two
  // commands started together only one gets the dir.
  if (existsSync(file)) unlinkSync(file);
  try {
    writeFileSync(file, JSON.stringify(record), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DataDirInUse(dataDir, 'another lantern command');
    throw error;
  }
  return function release(): void {
    try {
      unlinkSync(file);
    } catch {
      // already gone (a restore may have replaced the dir's contents)
    }
  };
}

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by ${holder}. Embedded Postgres (PGlite) allows one process at a time: stop the Lantern server first, then run this command again.`,
    );
  }
}
