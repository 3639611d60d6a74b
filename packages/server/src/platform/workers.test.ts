import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { channelTo } from './workers.js';

/** A worker that answers n with n * 2 after a delay shrinking with n (so answers would cross if unordered), throws on 'boom', and ends on null. */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (message) => {
  if (message === null) return parentPort.close();
  if (message === 'boom') throw new Error('worker failed');
  const until = Date.now() + Math.max(0, 20 - message);
  while (Date.now() < until) {}
  parentPort.postMessage(message * 2);
});
`;

const started = () => channelTo<number | 'boom', number>(new Worker(SOURCE, { eval: true }));

describe('a worker channel', () => {
  it('matches each answer to its request, in order', async () => {
    const channel = started();
    try {
      expect(await Promise.all([1, 2, 3, 20, 5].map((n) => channel.request(n)))).toEqual([2, 4, 6, 40, 10]);
    } finally {
      await channel.close();
    }
  });

  it('rejects every waiting request when the worker fails, and any request after', async () => {
    const channel = started();
    const waiting = [channel.request('boom'), channel.request(4)];
    for (const request of waiting) await expect(request).rejects.toThrow('worker failed');
    await expect(channel.request(1)).rejects.toThrow('worker failed');
    await channel.close();
  });

  it('ends the worker from inside on close, after the requests already sent', async () => {
    const channel = started();
    const answer = channel.request(7);
    await channel.close();
    expect(await answer).toBe(14);
    await expect(channel.request(1)).rejects.toThrow('a worker thread stopped before answering');
  });
});
