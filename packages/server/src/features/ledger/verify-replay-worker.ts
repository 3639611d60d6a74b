import { parentPort, workerData } from 'node:worker_threads';
import type { ReplayRequest, ReplaySetup } from './verify-protocol.js';
import { answer, replayCheck } from './verify-replay.js';

/** The worker thread behind `replayInWorker`: one `ReplayCheck`, one answer per request, in order. */
const port = parentPort;
if (!port) throw new Error('verify-replay-worker runs as a worker thread');
const check = replayCheck(workerData as ReplaySetup);
port.on('message', (request: ReplayRequest | null) => (request === null ? port.close() : port.postMessage(answer(check, request))));
