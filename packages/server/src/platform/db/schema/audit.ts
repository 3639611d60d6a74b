import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit trail (HIPAA §164.312(b); clinical.md §7.2). Append-only: the database refuses UPDATE
 * and DELETE (triggers + REVOKE), and each row carries the SHA-256 of its content chained to the
 * previous row's hash, so `lantern audit verify` detects any edit, deletion or reordering.
 * Rows are inserted unsealed and sealed in batches a moment after they commit (`seq`, `prev_hash`,
 * `hash` assigned by `audit_seal_pending` under a row lock on `audit_chain_head`, migration 0015),
 * so writers never wait for one another; see platform/audit/chain.ts.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: uuid('id').primaryKey(),
    /** Position in the chain; null until the row's sealing batch (within a second of its commit). */
    seq: bigint('seq', { mode: 'number' }).unique(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    clinicId: uuid('clinic_id'),
    userId: uuid('user_id'),
    userRoles: text('user_roles').notNull(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    patientId: uuid('patient_id'),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    breakGlassReason: text('break_glass_reason'),
    /** Non-PHI detail (e.g. which fields changed, an export's row count). */
    detail: jsonb('detail'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_user_idx').on(t.userId, t.at),
    index('audit_event_patient_idx').on(t.patientId, t.at),
  ],
);

/** The chain's head: one row, locked by each append, so concurrent writers never fork the chain. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: text('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  prevHash: text('prev_hash').notNull(),
});
