import { Worker } from 'node:worker_threads';

/**
 * The ledger chain's hashes recomputed on a worker thread while `verifyLedger` replays the same rows
 * on the main one. Once each row's stored hash is known, SHA-256(previous hash ‖ content) of one row
 * does not depend on checking the others, so only the link (a row's prev_hash is the hash of the row
 * before it) has to be checked in order; the verifier does that itself.
 *
 * The worker runs the formula of `chainHash` (platform/audit/chain.ts): sha256 hex of the previous
 * hash followed by the canonical content, as UTF-8. It is plain JavaScript evaluated from this
 * string, so it runs the same under tsx, vitest and the built CLI (no loader for a .ts worker file).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ prevHash, contents, hashes }) => {
  let prev = prevHash;
  for (let index = 0; index < contents.length; index += 1) {
    const hash = hashes[index];
    if (hash === null || createHash('sha256').update(prev + contents[index], 'utf8').digest('hex') !== hash) {
      parentPort.postMessage(index);
      return;
    }
    prev = hash;
  }
  parentPort.postMessage(-1);
});
`;

export interface ChainHasher {
  /**
   * The index of the first row whose hash is not SHA-256 of the hash before it (`prevHash` for the
   * first row, the stored hash of the row before it after that) and its content; -1 when all match.
   */
  firstMismatch(prevHash: string, rows: ReadonlyArray<{ readonly content: string; readonly hash: string | null }>): Promise<number>;
  close(): Promise<void>;
}

/** One worker for one verification; batches are answered in the order they were sent. */
export function chainHasher(): ChainHasher {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const waiting: Array<{ resolve: (index: number) => void; reject: (error: Error) => void }> = [];
  const failAll = (error: Error): void => {
    for (const job of waiting.splice(0)) job.reject(error);
  };
  worker.on('message', (index: number) => waiting.shift()?.resolve(index));
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the ledger hashing worker stopped')));
  return {
    firstMismatch(prevHash, rows) {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage({ prevHash, contents: rows.map((row) => row.content), hashes: rows.map((row) => row.hash) });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
