import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { job } from '../db/schema/index.js';
import { testDatabase } from '../../../test/harness.js';
import { backoffMs, claimDue, enqueue } from './queue.js';
import { runDueJobs } from './worker.js';

let database: Database;
const t0 = new Date('2026-12-01T12:00:00Z');
const later = (ms: number): Date => new Date(t0.getTime() + ms);

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database.close());

async function rowOf(key: string): Promise<typeof job.$inferSelect> {
  const [row] = await database.db.select().from(job).where(eq(job.idempotencyKey, key));
  if (!row) throw new Error(`no job ${key}`);
  return row;
}

describe('the job queue', () => {
  it('adds a job once per idempotency key', async () => {
    const input = { kind: 'test.ok', clinicId: null, payload: { n: 1 }, idempotencyKey: 'once', runAt: t0 };
    expect(await enqueue(database.db, input, t0)).toBe(true);
    expect(await enqueue(database.db, { ...input, payload: { n: 2 } }, t0)).toBe(false);
    expect((await rowOf('once')).payload).toEqual({ n: 1 });
  });

  it('runs a due job once and leaves a future one waiting', async () => {
    await enqueue(database.db, { kind: 'test.count', clinicId: null, payload: {}, idempotencyKey: 'future', runAt: later(3_600_000) }, t0);
    const ran: string[] = [];
    const handlers = { 'test.ok': async () => void ran.push('ok'), 'test.count': async () => void ran.push('count') };
    expect(await runDueJobs(database.db, handlers, t0)).toBe(1);
    expect(await runDueJobs(database.db, handlers, t0)).toBe(0);
    expect(ran).toEqual(['ok']);
    expect((await rowOf('once')).status).toBe('done');
    expect((await rowOf('future')).status).toBe('queued');
  });

  it('retries a failing job with growing waits, then gives up and keeps it for an administrator', async () => {
    await enqueue(database.db, { kind: 'test.flaky', clinicId: null, payload: {}, idempotencyKey: 'flaky', runAt: t0, maxAttempts: 3 }, t0);
    const handlers = { 'test.flaky': () => Promise.reject(new Error('SMTP refused')) };
    await runDueJobs(database.db, handlers, t0);
    let row = await rowOf('flaky');
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: SMTP refused' });
    expect(row.runAt.getTime() - t0.getTime()).toBe(backoffMs(1));
    expect(await runDueJobs(database.db, handlers, later(backoffMs(1) - 1))).toBe(0);
    await runDueJobs(database.db, handlers, later(backoffMs(1)));
    row = await rowOf('flaky');
    expect(row.runAt.getTime() - later(backoffMs(1)).getTime()).toBe(backoffMs(2));
    await runDueJobs(database.db, handlers, later(backoffMs(1) + backoffMs(2)));
    expect(await rowOf('flaky')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(backoffMs(30)).toBe(6 * 3_600_000);
  });

  it('fails a job of an unknown kind rather than dropping it', async () => {
    await enqueue(database.db, { kind: 'test.nobody', clinicId: null, payload: {}, idempotencyKey: 'nobody', runAt: t0 }, t0);
    await runDueJobs(database.db, {}, t0);
    expect(await rowOf('nobody')).toMatchObject({ status: 'queued', lastError: 'Error: No handler for job kind test.nobody' });
  });

  it('takes back a job whose worker died once its lease runs out, and never hands one job to two claims', async () => {
    await enqueue(database.db, { kind: 'test.lease', clinicId: null, payload: {}, idempotencyKey: 'lease', runAt: t0 }, t0);
    const first = await claimDue(database.db, t0, 50);
    expect(first.map((r) => r.idempotencyKey)).toContain('lease');
    expect((await claimDue(database.db, later(60_000), 50)).map((r) => r.idempotencyKey)).not.toContain('lease');
    const retaken = await claimDue(database.db, later(6 * 60_000), 50);
    expect(retaken.find((r) => r.idempotencyKey === 'lease')?.attempts).toBe(2);
  });
});
