import { ConfigError, loadConfig } from './platform/config.js';
import { prepare } from './platform/bootstrap.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './features/demo/seed.js';

/** `npm start`: read configuration, migrate, seed the demo clinic on first run, serve. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const { app, database, seeded } = await prepare(config);
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded Postgres in ${config.dataDir}`;
  const lines = [`Lantern is up at http://localhost:${config.port} (${config.mode} mode, ${where}) in ${Date.now() - started} ms`];
  if (config.mode === 'demo') {
    lines.push(seeded ? 'Seeded the demo clinic "Prairie Light Healing Collective".' : 'Demo clinic: not for real patient data.');
    lines.push(`Demo sign-ins (password: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.email.padEnd(26)} ${account.roles.join(' + ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Lantern cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`Lantern failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
