import { asc, gt, sql } from 'drizzle-orm';
import type { AuditAction, AuditOutcome } from '@lantern/core';
import { sha256Hex } from '../crypto.js';
import type { Executor } from '../db/index.js';
import { auditChainHead, auditEvent } from '../db/schema/index.js';
import { newId } from '../ids.js';

/** One audit entry as a service describes it; the actor fields come from the request context. */
export interface AuditEntry {
  readonly at: Date;
  readonly clinicId: string | null;
  readonly userId: string | null;
  readonly userRoles: string;
  readonly action: AuditAction;
  readonly outcome: AuditOutcome;
  readonly patientId?: string | null;
  readonly resourceType?: string | null;
  readonly resourceId?: string | null;
  readonly sourceIp?: string | null;
  readonly userAgent?: string | null;
  readonly requestId?: string | null;
  readonly breakGlassReason?: string | null;
  /** Non-PHI detail only. */
  readonly detail?: Readonly<Record<string, unknown>> | null;
}

/** JSON with object keys sorted at every depth, so equal content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The hashed content of a row: every field but the chain fields themselves, in a fixed order. */
export function auditContent(row: { id: string } & AuditEntry): string {
  return canonicalJson([
    row.id,
    row.at.toISOString(),
    row.clinicId,
    row.userId,
    row.userRoles,
    row.action,
    row.outcome,
    row.patientId ?? null,
    row.resourceType ?? null,
    row.resourceId ?? null,
    row.sourceIp ?? null,
    row.userAgent ?? null,
    row.requestId ?? null,
    row.breakGlassReason ?? null,
    row.detail ?? null,
  ]);
}

/** hash(n) = SHA-256(hash(n-1) ‖ content(n)), hex. The database computes the same with sha256(). */
export function chainHash(prevHash: string, content: string): string {
  return sha256Hex(prevHash + content);
}

/**
 * Appends one entry to the chain inside the caller's transaction. A single statement advances the
 * head row (which takes its row lock until commit) and inserts the event with the new sequence and
 * hashes, so concurrent writers queue on the head and can never fork the chain.
 */
export async function appendAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  const id = newId();
  const content = auditContent({ id, ...entry });
  await tx.execute(sql`
    WITH head AS (
      UPDATE audit_chain_head
         SET seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(convert_to(hash || ${content}, 'UTF8')), 'hex')
       WHERE id = 'audit'
      RETURNING seq, prev_hash, hash
    )
    INSERT INTO audit_event (seq, id, at, clinic_id, user_id, user_roles, action, outcome, patient_id,
                             resource_type, resource_id, source_ip, user_agent, request_id,
                             break_glass_reason, detail, prev_hash, hash)
    SELECT head.seq, ${id}, ${entry.at.toISOString()}, ${entry.clinicId}, ${entry.userId}, ${entry.userRoles},
           ${entry.action}, ${entry.outcome}, ${entry.patientId ?? null}, ${entry.resourceType ?? null},
           ${entry.resourceId ?? null}, ${entry.sourceIp ?? null}, ${entry.userAgent ?? null},
           ${entry.requestId ?? null}, ${entry.breakGlassReason ?? null},
           ${entry.detail ? JSON.stringify(entry.detail) : null}::jsonb, head.prev_hash, head.hash
      FROM head`);
}

export interface ChainVerdict {
  readonly ok: boolean;
  readonly checked: number;
  /** The first row that does not fit, with why. */
  readonly firstBad: { readonly seq: number; readonly reason: string } | null;
}

const GENESIS = '0'.repeat(64);
const BATCH = 5000;

/** Recomputes the whole chain; `lantern audit verify` and the auditor's screen use it. */
export async function verifyAuditChain(db: Executor): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvent)
      .where(gt(auditEvent.seq, expectedSeq - 1))
      .orderBy(asc(auditEvent.seq))
      .limit(BATCH);
    for (const row of rows) {
      const bad = (reason: string): ChainVerdict => ({ ok: false, checked, firstBad: { seq: row.seq, reason } });
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, firstBad: { seq: expectedSeq, reason: `row ${expectedSeq} is missing (next row is ${row.seq})` } };
      }
      if (row.prevHash !== prevHash) return bad('its previous-hash does not match the row before it (rows deleted, inserted or reordered)');
      const content = auditContent({
        id: row.id,
        at: row.at,
        clinicId: row.clinicId,
        userId: row.userId,
        userRoles: row.userRoles,
        action: row.action as AuditEntry['action'],
        outcome: row.outcome as AuditEntry['outcome'],
        patientId: row.patientId,
        resourceType: row.resourceType,
        resourceId: row.resourceId,
        sourceIp: row.sourceIp,
        userAgent: row.userAgent,
        requestId: row.requestId,
        breakGlassReason: row.breakGlassReason,
        detail: (row.detail as Record<string, unknown> | null) ?? null,
      });
      if (chainHash(prevHash, content) !== row.hash) return bad('its content does not match its hash (the row was edited)');
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const [head] = await db.select().from(auditChainHead).limit(1);
  if (!head) return { ok: false, checked, firstBad: { seq: 0, reason: 'the chain head row is missing' } };
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return {
      ok: false,
      checked,
      firstBad: { seq: expectedSeq, reason: `the chain head expects ${head.seq} rows but ${expectedSeq - 1} are present (rows removed from the end)` },
    };
  }
  return { ok: true, checked, firstBad: null };
}
