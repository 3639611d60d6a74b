import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { migrate } from '../platform/db/migrate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../features/demo/seed.js';
import { CliError, EXIT, say, type CliIo, type ExitCode } from './io.js';
import { cliConfig, describeTarget, withTarget } from './target.js';

/** How many migrations the database has applied (drizzle's journal; 0 before the first). */
async function appliedMigrations(db: Db): Promise<number> {
  const rowsOf = (result: unknown): Record<string, unknown>[] => (result as { rows: Record<string, unknown>[] }).rows;
  const [journal] = rowsOf(await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`));
  if (journal?.present !== true) return 0;
  const [row] = rowsOf(await db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
  return Number(row?.n ?? 0);
}

/** `lantern migrate`: applies pending migrations to the configured database. */
export async function migrateCommand(io: CliIo): Promise<ExitCode> {
  const config = cliConfig(io);
  const target = describeTarget(config);
  await withTarget(config, { purpose: 'lantern migrate', mustExist: false, migrate: false }, async (database) => {
    const before = await appliedMigrations(database.db);
    await migrate(database);
    const after = await appliedMigrations(database.db);
    say(io, after === before ? `${target}: up to date (${after} migrations applied).` : `${target}: applied ${after - before} migration(s); ${after} in all.`);
  });
  return EXIT.ok;
}

/** `lantern seed-demo`: migrates, then seeds the fictional demo clinic into an empty database. */
export async function seedDemoCommand(io: CliIo): Promise<ExitCode> {
  // Checked before the rest of the configuration, which production mode makes stricter.
  if (io.env.LANTERN_MODE === 'production') {
    throw new CliError('Refusing to seed demo accounts in production mode (LANTERN_MODE=production): they share a published password and skip MFA.', EXIT.usage);
  }
  const config = cliConfig(io);
  const target = describeTarget(config);
  await withTarget(config, { purpose: 'lantern seed-demo', mustExist: false, migrate: true }, async (database) => {
    if (!(await seedDemo(database.db))) {
      say(io, `${target} already has a clinic; nothing seeded.`);
      return;
    }
    say(io, `Seeded the demo clinic "Prairie Light Healing Collective" into ${target}.`);
    say(io, `Demo sign-ins (password: ${DEMO_PASSWORD}; demo mode only):`);
    for (const account of DEMO_ACCOUNTS) say(io, `  ${account.email.padEnd(26)} ${account.roles.join(' + ')}`);
  });
  return EXIT.ok;
}
