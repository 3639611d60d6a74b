import { spawn } from 'node:child_process';
import { CliError, type CliIo } from './io.js';

export type PgTool = 'pg_dump' | 'pg_restore';

/**
 * Splits the password out of a postgres:// URL so it travels in PGPASSWORD, not in the command
 * line (which other users of the machine can read in `ps`). Other connection strings pass as given.
 */
export function connectionArgs(databaseUrl: string): { readonly dbname: string; readonly env: Record<string, string> } {
  try {
    const url = new URL(databaseUrl);
    if (!url.password) return { dbname: databaseUrl, env: {} };
    const password = decodeURIComponent(url.password);
    url.password = '';
    return { dbname: url.toString(), env: { PGPASSWORD: password } };
  } catch {
    return { dbname: databaseUrl, env: {} };
  }
}

/** Runs pg_dump or pg_restore from PATH and waits; its errors become a CliError with its own words. */
export function runPgTool(io: CliIo, tool: PgTool, args: readonly string[], databaseUrl: string): Promise<void> {
  const { dbname, env } = connectionArgs(databaseUrl);
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, '--dbname', dbname], { env: { ...io.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      errors += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new CliError(`${tool} was not found on PATH. Install the PostgreSQL client tools, the same major version as the server or newer (e.g. apt-get install postgresql-client).`)
          : error,
      );
    });
    child.on('close', (code) => {
      if (code === 0) {
        if (errors.trim()) io.stderr.write(errors);
        resolve();
      } else {
        reject(new CliError(`${tool} failed (exit ${code ?? 'signal'}):\n${errors.trim()}`));
      }
    });
  });
}
