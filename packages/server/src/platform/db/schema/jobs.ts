import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';

/**
 * Background work (reminders now; questionnaire sends and alerts later). Workers claim due rows with
 * `FOR UPDATE SKIP LOCKED`, so several server processes share the table without taking a job twice;
 * `idempotency_key` makes enqueueing the same work twice a no-op.
 */
export const job = pgTable(
  'job',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').references(() => clinic.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** queued | running | done | failed | cancelled */
    status: text('status').notNull().default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** A running job whose worker died is taken again after this instant. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** The last failure's message (our own text; never PHI). */
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('job_idempotency_uq').on(t.idempotencyKey), index('job_due_idx').on(t.status, t.runAt)],
);
