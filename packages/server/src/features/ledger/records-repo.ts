import { and, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import { clinic, ledgerInventory, ledgerLossReport, ledgerLossStepDone } from '../../platform/db/schema/index.js';

/** Inventories and loss reports (append-only), and the clinic a printed report is headed with. */

export type InventoryRow = typeof ledgerInventory.$inferSelect;
export type LossReportRow = typeof ledgerLossReport.$inferSelect;
export type LossStepDoneRow = typeof ledgerLossStepDone.$inferSelect;
export type ClinicRow = typeof clinic.$inferSelect;

export async function inventories(tx: Executor, clinicId: string, filter: { readonly kind?: string; readonly from?: string; readonly to?: string } = {}): Promise<InventoryRow[]> {
  return tx
    .select()
    .from(ledgerInventory)
    .where(
      and(
        eq(ledgerInventory.clinicId, clinicId),
        filter.kind ? eq(ledgerInventory.kind, filter.kind) : undefined,
        filter.from ? gte(ledgerInventory.takenOn, filter.from) : undefined,
        filter.to ? lte(ledgerInventory.takenOn, filter.to) : undefined,
      ),
    )
    .orderBy(desc(ledgerInventory.signedAt));
}

export async function insertInventory(tx: Executor, row: InventoryRow): Promise<void> {
  await tx.insert(ledgerInventory).values(row);
}

export async function insertLossReport(tx: Executor, row: LossReportRow): Promise<void> {
  await tx.insert(ledgerLossReport).values(row);
}

export async function lossReport(tx: Executor, clinicId: string, id: string): Promise<LossReportRow | null> {
  const [row] = await tx.select().from(ledgerLossReport).where(and(eq(ledgerLossReport.clinicId, clinicId), eq(ledgerLossReport.id, id))).limit(1);
  return row ?? null;
}

export async function lossReports(tx: Executor, clinicId: string): Promise<LossReportRow[]> {
  return tx.select().from(ledgerLossReport).where(eq(ledgerLossReport.clinicId, clinicId)).orderBy(desc(ledgerLossReport.openedAt));
}

/** Entry id → the report already covering it, for those of `entryIds` on some report of the clinic. */
export async function reportsCovering(tx: Executor, clinicId: string, entryIds: readonly string[]): Promise<Map<string, { reportId: string; discoveredOn: string }>> {
  const covering = new Map<string, { reportId: string; discoveredOn: string }>();
  if (entryIds.length === 0) return covering;
  // A report keeps its entry ids as a JSON array; `@>` asks whether it holds this one.
  const rows = await tx
    .select({ id: ledgerLossReport.id, discoveredOn: ledgerLossReport.discoveredOn, lossEntryIds: ledgerLossReport.lossEntryIds })
    .from(ledgerLossReport)
    .where(and(eq(ledgerLossReport.clinicId, clinicId), or(...entryIds.map((id) => sql`${ledgerLossReport.lossEntryIds} @> ${JSON.stringify([id])}::jsonb`))))
    .orderBy(ledgerLossReport.openedAt);
  for (const row of rows) {
    for (const id of row.lossEntryIds as string[]) {
      if (entryIds.includes(id) && !covering.has(id)) covering.set(id, { reportId: row.id, discoveredOn: row.discoveredOn });
    }
  }
  return covering;
}

export async function insertLossStepDone(tx: Executor, row: LossStepDoneRow): Promise<void> {
  await tx.insert(ledgerLossStepDone).values(row);
}

export async function lossStepsDone(tx: Executor, reportIds: readonly string[]): Promise<LossStepDoneRow[]> {
  if (reportIds.length === 0) return [];
  return tx.select().from(ledgerLossStepDone).where(inArray(ledgerLossStepDone.lossReportId, [...reportIds]));
}

export async function clinicOf(tx: Executor, clinicId: string): Promise<ClinicRow | null> {
  const [row] = await tx.select().from(clinic).where(eq(clinic.id, clinicId)).limit(1);
  return row ?? null;
}
