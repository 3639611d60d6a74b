import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { CliError, EXIT, processIo, warn, type CliIo, type ExitCode } from './cli/io.js';

export type { CliIo } from './cli/io.js';

const ENVIRONMENT_HELP = `
Configuration comes from the same environment variables as the server:
  LANTERN_DATA_DIR   embedded database directory (default ./data)
  DATABASE_URL       use this PostgreSQL database instead of the embedded one
  LANTERN_MODE       demo (default) or production

The embedded database (PGlite) allows one process at a time: stop the server before running
migrate, seed-demo, create-admin, audit verify, ledger verify, backup or restore against it.

Exit codes: 0 done, 1 failed or refused (e.g. a broken audit trail), 2 bad usage or configuration.
See docs/operations.md.`;

function version(): string {
  // ../package.json from both src/cli.ts (tsx) and dist/cli.js (built).
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/**
 * The command tree; each action reports its exit code through `done`. A command's module is loaded
 * when it runs, so `lantern ledger verify` does not first load the demo seed or the backup tools.
 */
function buildProgram(io: CliIo, done: (code: ExitCode) => void): Command {
  const program = new Command('lantern')
    .description('Operate a Lantern server: database migrations, the first administrator, audit verification, backups.')
    .version(version())
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', ENVIRONMENT_HELP);

  program
    .command('migrate')
    .description('Apply pending database migrations (the server also does this at start).')
    .action(async () => done(await (await import('./cli/setup.js')).migrateCommand(io)));

  program
    .command('seed-demo')
    .description('Migrate, then seed the fictional demo clinic if the database has no clinic yet. Refused in production mode.')
    .action(async () => done(await (await import('./cli/setup.js')).seedDemoCommand(io)));

  program
    .command('create-admin')
    .description('Create an administrator (and the clinic, if there is none yet): how a production install starts.')
    .requiredOption('--email <email>', "the administrator's e-mail (their sign-in name)")
    .requiredOption('--name <name>', "the administrator's display name")
    .option('--password-stdin', 'read the password from standard input (otherwise LANTERN_ADMIN_PASSWORD, otherwise a hidden prompt)')
    .option('--clinic-id <uuid>', 'the clinic to join, when the database holds several')
    .option('--clinic-name <name>', "new clinic's name (required when there is no clinic yet)")
    .option('--address <line>', "new clinic's street address")
    .option('--city <city>', "new clinic's city")
    .option('--state <state>', "new clinic's state")
    .option('--postal-code <code>', "new clinic's postal code")
    .option('--time-zone <zone>', "new clinic's IANA time zone", 'America/Chicago')
    .addHelpText('after', '\nThe account is not exempt from two-factor authentication: its first sign-in enrols an authenticator app.')
    .action(async (options: Record<string, unknown>) => done(await (await import('./cli/create-admin.js')).createAdminCommand(io, options)));

  const audit = program.command('audit').description('Audit trail tools.');
  audit
    .command('verify')
    .description('Recompute the audit trail hash chain; exit 1 and name the first bad event if anything was edited, deleted or reordered.')
    .option('--json', 'print the verdict as JSON on stdout')
    .action(async (options: { json?: boolean }) => done(await (await import('./cli/audit-verify.js')).auditVerifyCommand(io, { json: options.json === true })));

  const ledger = program.command('ledger').description('Controlled-substance ledger tools.');
  ledger
    .command('verify')
    .description('Recompute the ledger hash chain and every balance; exit 1 and name the first bad entry if anything was edited, deleted or reordered.')
    .option('--json', 'print the verdict as JSON on stdout')
    .action(async (options: { json?: boolean }) => done(await (await import('./cli/ledger-verify.js')).ledgerVerifyCommand(io, { json: options.json === true })));

  program
    .command('backup')
    .description('Back up the database to <file>: embedded data dir as a gzipped tarball, PostgreSQL with pg_dump --format=custom.')
    .argument('<file>', 'where to write the backup')
    .option('--force', 'replace <file> if it exists')
    .action(async (file: string, options: { force?: boolean }) => done(await (await import('./cli/backup.js')).backupCommand(io, file, { force: options.force === true })));

  program
    .command('restore')
    .description('Restore a backup made by `lantern backup` into the configured database, then migrate it.')
    .argument('<file>', 'the backup to restore')
    .option('--force', 'embedded: move a non-empty data dir aside first; PostgreSQL: replace existing Lantern tables')
    .action(async (file: string, options: { force?: boolean }) => done(await (await import('./cli/restore.js')).restoreCommand(io, file, { force: options.force === true })));

  return program;
}

function exitCodeOf(error: unknown, io: CliIo): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed the help or the usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CliError) {
    warn(io, `lantern: ${error.message}`);
    return error.exitCode;
  }
  warn(io, `lantern: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.failed;
}

/**
 * Runs the `lantern` command with `argv` (the arguments after the program name) and returns the
 * exit code; it never exits the process, so tests drive it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (result) => {
    code = result;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}
