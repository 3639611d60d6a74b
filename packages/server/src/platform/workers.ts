import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

/**
 * Worker threads for CPU-bound work (the ledger verifier). A worker here answers every message with
 * exactly one message, in the order it received them, so a request is matched to its answer by
 * position: no ids travel with the data. A `null` message asks the worker to close its port and end.
 */

export interface WorkerChannel<Request, Answer> {
  /** Sends `message`; resolves with the worker's answer to it, or rejects if the worker fails or stops first. */
  request(message: Request, transfer?: readonly Transferable[]): Promise<Answer>;
  close(): Promise<void>;
}

/** The request/answer discipline over a started worker. */
export function channelTo<Request, Answer>(worker: Worker): WorkerChannel<Request, Answer> {
  const waiting: Array<{ resolve: (answer: Answer) => void; reject: (error: Error) => void }> = [];
  let stopped: Error | null = null;
  const failAll = (error: Error): void => {
    stopped ??= error;
    for (const job of waiting.splice(0)) job.reject(error);
  };
  worker.on('message', (answer: Answer) => waiting.shift()?.resolve(answer));
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('a worker thread stopped before answering')));
  return {
    request(message, transfer) {
      if (stopped) return Promise.reject(stopped);
      return new Promise<Answer>((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(message, transfer);
      });
    },
    async close() {
      // Ended from inside, the worker finishes as a program does (a CPU profile, if asked for, is written).
      if (stopped) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage(null);
      await exited;
    },
  };
}

/**
 * A worker running the module `name` beside the calling module (`callerUrl`, its `import.meta.url`):
 * the compiled `.js` in a build. When Lantern runs from source (tsx, vitest) it is the `.ts` source,
 * which the worker loads through tsx, a development dependency: Node 20 does not pass the parent's
 * module hooks to a worker, so a two-line bootstrap registers tsx in the worker first.
 */
export function siblingWorker(callerUrl: string, name: string, options: { readonly workerData?: unknown; readonly resourceLimits?: ResourceLimits } = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const source = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(tsxEsmApi(callerUrl))}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** tsx's ESM registration API, found through tsx's own export map. */
function tsxEsmApi(callerUrl: string): string {
  const manifest = createRequire(callerUrl).resolve('tsx/package.json');
  const exported = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> }).exports?.['./esm/api']?.import?.default;
  if (!exported) throw new Error('tsx does not export ./esm/api; run Lantern from a build (npm run build)');
  return pathToFileURL(path.join(path.dirname(manifest), exported)).href;
}
