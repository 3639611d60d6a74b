import type { StoredSession } from './sessions.js';

/**
 * Bumped by every change to a session or a user (sign-out, revocation, MFA, roles, deactivation,
 * password), anywhere in this process: a cached lookup from before the bump is never used again.
 */
let generation = 0;

/** Called by the functions that change sessions or users (sessions.ts, identity repo). */
export function sessionsChanged(): void {
  generation += 1;
}

interface Entry {
  readonly session: StoredSession;
  readonly at: number;
  readonly generation: number;
}

/**
 * Session lookups for reads, remembered for a moment (like the PolicyStore): a chart page fires
 * several requests at once, and each would otherwise look the same session up again. Only reads
 * use it; writes always look the session up afresh. A change made by this process takes effect at
 * once (the generation above); one made by another server process, within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5_000,
  ) {}

  get(tokenHash: string): StoredSession | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.generation !== generation || performance.now() - entry.at >= this.ttlMs) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.session;
  }

  set(tokenHash: string, session: StoredSession): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tokenHash, { session, at: performance.now(), generation });
  }

  /** Keeps a cached session's last-seen time in step after the guard touched it. */
  touched(tokenHash: string, lastSeenAt: Date): void {
    const entry = this.entries.get(tokenHash);
    if (entry) this.entries.set(tokenHash, { ...entry, session: { ...entry.session, lastSeenAt } });
  }
}
