import { CliError, EXIT, type CliIo } from './io.js';

/** Where create-admin takes the password from, in this order. */
export type PasswordSource = 'stdin' | 'env' | 'prompt';

export const PASSWORD_ENV = 'LANTERN_ADMIN_PASSWORD';

export function passwordSource(io: CliIo, fromStdin: boolean): PasswordSource {
  if (fromStdin) return 'stdin';
  if (io.env[PASSWORD_ENV]) return 'env';
  if (io.stdin.isTTY && io.stdin.setRawMode) return 'prompt';
  throw new CliError(`No password given: pass --password-stdin, set ${PASSWORD_ENV}, or run in a terminal to be asked.`, EXIT.usage);
}

/**
 * Reads the new password: all of stdin (one trailing newline dropped, as `echo` and heredocs add
 * one), the environment, or a hidden prompt asked twice.
 */
export async function readPassword(io: CliIo, source: PasswordSource): Promise<string> {
  switch (source) {
    case 'stdin':
      return (await readAll(io.stdin)).replace(/\r?\n$/, '');
    case 'env':
      return io.env[PASSWORD_ENV] ?? '';
    case 'prompt': {
      const first = await readHidden(io, 'Password for the new administrator: ');
      const second = await readHidden(io, 'Same password again: ');
      if (first !== second) throw new CliError('The two passwords differ; nothing was created.');
      return first;
    }
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/** Reads one line from a terminal in raw mode, echoing nothing. */
function readHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  io.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = (outcome: () => void): void => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: Buffer | string): void => {
      for (const char of chunk.toString()) {
        if (ENTER.has(char)) return finish(() => resolve(typed.join('')));
        if (char === CTRL_C || char === CTRL_D) return finish(() => reject(new CliError('Cancelled; nothing was created.')));
        typed = BACKSPACE.has(char) ? typed.slice(0, -1) : [...typed, char];
      }
    };
    stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}
