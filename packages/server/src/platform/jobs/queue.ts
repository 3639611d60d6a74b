import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/index.js';
import { job } from '../db/schema/index.js';
import { newId } from '../ids.js';

export type JobRow = typeof job.$inferSelect;

/** How long a claimed job is ours before another worker may take it (a crashed worker's job). */
export const LEASE_MS = 5 * 60_000;
/** First retry after this long; each later one waits twice as long (capped at six hours). */
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 6 * 3_600_000;

export interface EnqueueInput {
  readonly kind: string;
  readonly clinicId: string | null;
  readonly payload: Record<string, unknown>;
  /** The same key twice is one job: enqueueing is idempotent, so retries of a request add nothing. */
  readonly idempotencyKey: string;
  readonly runAt: Date;
  readonly maxAttempts?: number;
}

/** Adds a job unless one with the same idempotency key exists; true when it was added. */
export async function enqueue(tx: Executor, input: EnqueueInput, now: Date): Promise<boolean> {
  const rows = await tx
    .insert(job)
    .values({
      id: newId(),
      clinicId: input.clinicId,
      kind: input.kind,
      payload: input.payload,
      idempotencyKey: input.idempotencyKey,
      runAt: input.runAt,
      maxAttempts: input.maxAttempts ?? 5,
      createdAt: now,
    })
    .onConflictDoNothing({ target: job.idempotencyKey })
    .returning({ id: job.id });
  return rows.length > 0;
}

/**
 * Claims up to `limit` due jobs: queued ones whose time has come, and running ones whose lease ran
 * out. `FOR UPDATE SKIP LOCKED` lets several workers claim at once without taking the same row.
 */
export async function claimDue(db: Executor, now: Date, limit: number): Promise<JobRow[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const result = await db.execute(sql`
    UPDATE "job" SET "status" = 'running', "attempts" = "attempts" + 1, "locked_until" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "job"
      WHERE ("status" = 'queued' AND "run_at" <= ${at}) OR ("status" = 'running' AND "locked_until" < ${at})
      ORDER BY "run_at", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const rows = await db.select().from(job).where(inArray(job.id, ids));
  return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
}

/** Marks a claimed job done. */
export async function complete(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(job).set({ status: 'done', finishedAt: now, lockedUntil: null, lastError: null }).where(and(eq(job.id, id), eq(job.status, 'running')));
}

/** The wait before retry number `attempt` (1-based): 30 s, 1 min, 2 min… capped at six hours. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * Records a failed attempt: queued again after the backoff, or failed for good once the attempts
 * are used up (it stays in the table for an administrator to see). `message` is our own text.
 */
export async function fail(db: Executor, row: JobRow, message: string, now: Date): Promise<void> {
  const finalAttempt = row.attempts >= row.maxAttempts;
  await db
    .update(job)
    .set(
      finalAttempt
        ? { status: 'failed', finishedAt: now, lockedUntil: null, lastError: message.slice(0, 500) }
        : { status: 'queued', runAt: new Date(now.getTime() + backoffMs(row.attempts)), lockedUntil: null, lastError: message.slice(0, 500) },
    )
    .where(and(eq(job.id, row.id), eq(job.status, 'running')));
}
