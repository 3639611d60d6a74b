import { and, eq, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ConfigError, type Config } from './config.js';
import { openDatabase, type Database } from './db/index.js';
import { appUser } from './db/schema/index.js';
import { migrate } from './db/migrate.js';
import { systemClock, type Clock } from './ids.js';
import { PolicyStore } from './policy.js';
import { SessionCache } from './auth/session-cache.js';
import type { AppDeps } from './deps.js';
import { buildApp } from '../app.js';
import { seedDemo } from '../features/demo/seed.js';

/** Opens and migrates the configured database. */
export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  await migrate(database);
  return database;
}

/** Production refuses to run with demo accounts present (they may be exempt from MFA). */
export async function assertProductionSafe(config: Config, database: Database): Promise<void> {
  if (config.mode !== 'production') return;
  const [demo] = await database.db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(or(eq(appUser.isDemo, true), eq(appUser.mfaExempt, true))))
    .limit(1);
  if (demo) {
    throw new ConfigError('Production mode refuses to start: this database holds demo accounts. Use a fresh database (or data dir) and `lantern create-admin`.');
  }
}

/**
 * How long a session lookup serves further reads: a change made on another server process (a
 * sign-out, a deactivation) reaches this one within this time; on the same process, at once.
 */
const SESSION_CACHE_MS = 1_000;

export function depsFor(config: Config, database: Database, clock: Clock = systemClock): AppDeps {
  return { config, database, db: database.db, policies: new PolicyStore(database.db), sessions: new SessionCache(SESSION_CACHE_MS), clock };
}

export interface Started {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly seeded: boolean;
}

/** Everything `npm start` does after reading configuration: migrate, check, seed the demo, build the app. */
export async function prepare(config: Config, options: { readonly seedDemoIfEmpty: boolean } = { seedDemoIfEmpty: true }): Promise<Started> {
  const database = await openAndMigrate(config);
  try {
    await assertProductionSafe(config, database);
    const seeded = config.mode === 'demo' && options.seedDemoIfEmpty ? await seedDemo(database.db) : false;
    const app = await buildApp(depsFor(config, database));
    return { app, database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
