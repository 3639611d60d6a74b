import { and, asc, count, gt, isNull, lte, sql } from 'drizzle-orm';
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

/**
 * Appends entries inside the caller's transaction: a plain INSERT, with no lock. They are sealed
 * into the chain (`seq` and the hashes, under the chain head's row lock) by the next batch after
 * they commit (`sealPendingAudit`, migration 0015), so writers never wait for one another and the
 * chain can never fork.
 */
export async function appendAudit(tx: Executor, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(toRow);
  if (rows.length === 1 && rows[0]) await insertOneStatement(tx).execute(rows[0]);
  else await tx.insert(auditEvent).values(rows);
}

type AuditRow = typeof auditEvent.$inferInsert;

function toRow(entry: AuditEntry): AuditRow {
  return {
    id: newId(),
    at: entry.at,
    clinicId: entry.clinicId,
    userId: entry.userId,
    userRoles: entry.userRoles,
    action: entry.action,
    outcome: entry.outcome,
    patientId: entry.patientId ?? null,
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    sourceIp: entry.sourceIp ?? null,
    userAgent: entry.userAgent ?? null,
    requestId: entry.requestId ?? null,
    breakGlassReason: entry.breakGlassReason ?? null,
    detail: entry.detail ?? null,
  };
}

/** The one-row INSERT (almost every unit of work writes exactly one), prepared once per executor. */
const insertOne = new WeakMap<Executor, { execute(row: AuditRow): Promise<unknown> }>();

function insertOneStatement(tx: Executor): { execute(row: AuditRow): Promise<unknown> } {
  const known = insertOne.get(tx);
  if (known) return known;
  const columns = Object.keys(toRow({ at: new Date(0), clinicId: null, userId: null, userRoles: '', action: 'read', outcome: 'success' })) as (keyof AuditRow)[];
  const values = Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)]));
  const statement = tx.insert(auditEvent).values(values as unknown as AuditRow).prepare('audit_insert_one');
  insertOne.set(tx, statement);
  return statement;
}

/**
 * Seals every committed, unsealed row into the chain, oldest first, in batches of `batch` (one
 * transaction, one lock and one flush each); returns how many rows it sealed.
 */
export async function sealPendingAudit(db: Executor, batch = 2_000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`SELECT audit_seal_pending(${batch}) AS sealed`);
    const sealed = Number((result as unknown as { rows: { sealed: number | string }[] }).rows[0]?.sealed ?? 0);
    total += sealed;
    if (sealed < batch) return total;
  }
}

/** One field of the hashed content: `<utf8 length>:<text>`, or `~` for null (as SQL audit_field). */
function field(value: string | null): string {
  return value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** The fields of a stored row that its hash covers; `detailText` is the database's jsonb text. */
export interface SealedContent {
  readonly id: string;
  readonly at: Date;
  readonly clinicId: string | null;
  readonly userId: string | null;
  readonly userRoles: string;
  readonly action: string;
  readonly outcome: string;
  readonly patientId: string | null;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
  readonly breakGlassReason: string | null;
  readonly detailText: string | null;
}

/** The verifier's own rebuild of SQL `audit_content(row)`: every column but the chain columns. */
export function auditContent(row: SealedContent): string {
  return [
    row.id,
    row.at.toISOString(),
    row.clinicId,
    row.userId,
    row.userRoles,
    row.action,
    row.outcome,
    row.patientId,
    row.resourceType,
    row.resourceId,
    row.sourceIp,
    row.userAgent,
    row.requestId,
    row.breakGlassReason,
    row.detailText,
  ]
    .map(field)
    .join('');
}

/** hash(n) = SHA-256(hash(n-1) ‖ content(n)), hex. */
export function chainHash(prevHash: string, content: string): string {
  return sha256Hex(prevHash + content);
}

export interface ChainVerdict {
  readonly ok: boolean;
  readonly checked: number;
  /** Rows committed but not yet sealed (the next batch seals them); not a fault. */
  readonly pending: number;
  /** The first row that does not fit, with why. */
  readonly firstBad: { readonly seq: number; readonly reason: string } | null;
}

const GENESIS = '0'.repeat(64);
const BATCH = 10_000;

/** Recomputes the whole chain in the application (independently of the database's functions). */
export async function verifyAuditChain(db: Executor): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  const fault = (seq: number, reason: string): ChainVerdict => ({ ok: false, checked, pending: 0, firstBad: { seq, reason } });
  // The server seals new batches while this runs: check the rows up to the head as read, then any
  // sealed since, until the head stands still. A row beyond a head that did not move was not sealed.
  let head = await chainHead(db);
  if (!head) return fault(0, 'the chain head row is missing');
  for (;;) {
    for (;;) {
      const rows = await chainRows(db, expectedSeq - 1, head.seq);
      for (const row of rows) {
        const seq = row.seq ?? 0;
        if (seq !== expectedSeq) return fault(expectedSeq, `row ${expectedSeq} is missing (next row is ${seq})`);
        if (row.prevHash !== prevHash) return fault(seq, 'its previous-hash does not match the row before it (rows deleted, inserted or reordered)');
        if (chainHash(prevHash, auditContent(row)) !== row.hash) return fault(seq, 'its content does not match its hash (the row was edited)');
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
      if (rows.length < BATCH) break;
    }
    if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
      return fault(expectedSeq, `the chain head expects ${head.seq} rows but ${expectedSeq - 1} are present (rows removed from the end)`);
    }
    const [beyond] = await db.select({ seq: auditEvent.seq }).from(auditEvent).where(gt(auditEvent.seq, head.seq)).orderBy(asc(auditEvent.seq)).limit(1);
    if (!beyond) break;
    const moved = await chainHead(db);
    if (!moved) return fault(0, 'the chain head row is missing');
    if (moved.seq === head.seq) return fault(beyond.seq ?? 0, 'a row stands beyond the chain head (inserted outside the sealing)');
    head = moved;
  }
  const [waiting] = await db.select({ n: count() }).from(auditEvent).where(isNull(auditEvent.seq));
  return { ok: true, checked, pending: Number(waiting?.n ?? 0), firstBad: null };
}

async function chainHead(db: Executor): Promise<{ readonly seq: number; readonly hash: string } | null> {
  const [head] = await db.select({ seq: auditChainHead.seq, hash: auditChainHead.hash }).from(auditChainHead).limit(1);
  return head ?? null;
}

/** Sealed rows after `after`, up to `upTo`, in chain order, with what their hash covers. */
function chainRows(db: Executor, after: number, upTo: number) {
  return db
    .select({
      seq: auditEvent.seq,
      id: auditEvent.id,
      at: auditEvent.at,
      clinicId: auditEvent.clinicId,
      userId: auditEvent.userId,
      userRoles: auditEvent.userRoles,
      action: auditEvent.action,
      outcome: auditEvent.outcome,
      patientId: auditEvent.patientId,
      resourceType: auditEvent.resourceType,
      resourceId: auditEvent.resourceId,
      sourceIp: auditEvent.sourceIp,
      userAgent: auditEvent.userAgent,
      requestId: auditEvent.requestId,
      breakGlassReason: auditEvent.breakGlassReason,
      detailText: sql<string | null>`${auditEvent.detail}::text`,
      prevHash: auditEvent.prevHash,
      hash: auditEvent.hash,
    })
    .from(auditEvent)
    .where(and(gt(auditEvent.seq, after), lte(auditEvent.seq, upTo)))
    .orderBy(asc(auditEvent.seq))
    .limit(BATCH);
}
