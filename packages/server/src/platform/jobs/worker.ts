import type { Executor } from '../db/index.js';
import { claimDue, complete, fail, type JobRow } from './queue.js';

/** Runs one kind of job. Throwing means "try again later"; it must be safe to run twice. */
export type JobHandler = (row: JobRow, now: Date) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A job's failure as our own words: an error's class and message, never its data. */
function failureOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'Unknown failure';
}

/**
 * Claims the due jobs and runs each with its handler, one after another; returns how many ran.
 * A job of a kind no handler knows fails (and retries), so it is never silently dropped.
 */
export async function runDueJobs(db: Executor, handlers: JobHandlers, now: Date, limit = 20): Promise<number> {
  const claimed = await claimDue(db, now, limit);
  for (const row of claimed) {
    const handler = handlers[row.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind ${row.kind}`);
      await handler(row, now);
      await complete(db, row.id, now);
    } catch (error) {
      await fail(db, row, failureOf(error), now);
    }
  }
  return claimed.length;
}

export interface WorkerOptions {
  readonly intervalMs?: number;
  readonly clock: () => Date;
  /** Called when a whole pass fails (the database is down); the loop keeps going. */
  readonly onError?: (message: string) => void;
}

/**
 * The worker loop the server starts: a pass every `intervalMs`, and straight away again while
 * passes come back full. `stop()` resolves once the pass in flight has finished.
 */
export function startJobWorker(db: Executor, handlers: JobHandlers, options: WorkerOptions): { stop(): Promise<void> } {
  const interval = options.intervalMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const pass = async (): Promise<void> => {
    try {
      while (!stopped && (await runDueJobs(db, handlers, options.clock())) === 20);
    } catch (error) {
      options.onError?.(failureOf(error));
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(schedule);
    }, interval);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Starts the worker when the server starts listening and stops it when the server closes, so
 * `app.inject` tests run no background loop (they call `runDueJobs` with their own clock).
 */
export function installJobWorker(
  app: { addHook(name: 'onListen' | 'onClose', hook: () => Promise<void>): unknown; log: { error(obj: object, msg: string): void } },
  deps: { readonly db: Executor; readonly clock: () => Date },
  handlers: () => Promise<JobHandlers>,
): void {
  let worker: { stop(): Promise<void> } | null = null;
  app.addHook('onListen', async () => {
    worker = startJobWorker(deps.db, await handlers(), { clock: deps.clock, onError: (message) => app.log.error({ message }, 'job worker pass failed') });
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
  });
}
