import { parentPort, workerData } from 'node:worker_threads';
import { answer, replayCheck, type ReplayRequest, type ReplaySetup } from './verify-replay.js';

/** The worker thread behind `replayInWorker`: one `ReplayCheck`, one answer per request, in order. */
const port = parentPort;
if (!port) throw new Error('verify-replay-worker runs as a worker thread');
const check = replayCheck(workerData as ReplaySetup);
port.on('message', (request: ReplayRequest | null) => (request === null ? port.close() : port.postMessage(answer(check, request))));
