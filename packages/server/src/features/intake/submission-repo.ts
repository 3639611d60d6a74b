import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import { inquiry } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';

export type InquiryRow = typeof inquiry.$inferSelect;
export type NewInquiry = Omit<typeof inquiry.$inferInsert, 'id'>;

/**
 * Serializes public submissions to one clinic for the rest of the transaction, so two copies of the
 * same inquiry sent at once cannot both pass the repeat check (a transaction-scoped advisory lock,
 * released at commit; PGlite has one connection and needs nothing, but takes it all the same).
 */
export async function lockClinicSubmissions(tx: Executor, clinicId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`inquiry:${clinicId}`}, 0))`);
}

export async function inquiryByIdempotencyKey(tx: Executor, clinicId: string, key: string): Promise<InquiryRow | null> {
  const [row] = await tx
    .select()
    .from(inquiry)
    .where(and(eq(inquiry.clinicId, clinicId), eq(inquiry.idempotencyKey, key)))
    .limit(1);
  return row ?? null;
}

/** The latest inquiry with the same content received after `since`, if any. */
export async function recentInquiryWithContent(tx: Executor, clinicId: string, contentHash: string, since: Date): Promise<InquiryRow | null> {
  const [row] = await tx
    .select()
    .from(inquiry)
    .where(and(eq(inquiry.clinicId, clinicId), eq(inquiry.contentHash, contentHash), gt(inquiry.createdAt, since)))
    .orderBy(desc(inquiry.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertInquiry(tx: Executor, values: NewInquiry): Promise<InquiryRow> {
  const [row] = await tx.insert(inquiry).values({ id: newId(), ...values }).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
