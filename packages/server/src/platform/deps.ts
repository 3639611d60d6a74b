import type { Config } from './config.js';
import type { Database, Db } from './db/index.js';
import type { Clock } from './ids.js';
import type { PolicyStore } from './policy.js';
import type { SessionCache } from './auth/session-cache.js';

/** What services need from the platform, passed in plainly (no container). */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly policies: PolicyStore;
  /** Recent session lookups, for reads (platform/auth/session-cache.ts). */
  readonly sessions: SessionCache;
  readonly clock: Clock;
}
