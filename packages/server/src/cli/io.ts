/** Where a command reads and writes: the process's streams, or in-memory ones in tests. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean; setRawMode?(raw: boolean): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (data dir, backup files) resolve against this; the process's cwd by default. */
  readonly cwd?: string;
}

/** Exit codes: 0 done, 1 the command ran and failed or refused, 2 bad usage or configuration. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can act on: printed as its message alone (no stack), with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failed,
  ) {
    super(message);
  }
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

export function cwdOf(io: CliIo): string {
  return io.cwd ?? process.cwd();
}

/** Writes one line to stdout. */
export function say(io: CliIo, line: string): void {
  io.stdout.write(`${line}\n`);
}

/** Writes one line to stderr (warnings, prompts, progress). */
export function warn(io: CliIo, line: string): void {
  io.stderr.write(`${line}\n`);
}
