import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { CountKind, CountLineResult, DiscrepancyDraft } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { ledgerContainer, ledgerCount, ledgerDiscrepancy, ledgerDiscrepancyResolution } from '../../platform/db/schema/index.js';

/** Counts and their discrepancies (append-only; a resolution is a row of its own). */

export type CountRow = typeof ledgerCount.$inferSelect;
export type DiscrepancyRow = typeof ledgerDiscrepancy.$inferSelect & {
  readonly resolution: string | null;
  readonly reason: string | null;
  readonly containerLabel: string;
};

/** A count line as stored (integer hundredths). */
export interface StoredCountLine {
  readonly containerId: string;
  readonly expected: number;
  readonly counted: number;
  readonly difference: number;
  readonly estimated: boolean;
}

export function storedLine(line: CountLineResult): StoredCountLine {
  return { containerId: line.containerId, expected: line.expected.hundredths, counted: line.counted.hundredths, difference: line.difference.hundredths, estimated: line.estimated };
}

/** The containers at a location (or all), locked while a count compares against them. */
export async function lockContainersAt(tx: Executor, clinicId: string, locationId: string | null): Promise<Array<typeof ledgerContainer.$inferSelect>> {
  return tx
    .select()
    .from(ledgerContainer)
    .where(and(eq(ledgerContainer.clinicId, clinicId), locationId ? eq(ledgerContainer.locationId, locationId) : undefined, sql`${ledgerContainer.balanceHundredths} > 0`))
    .orderBy(asc(ledgerContainer.id))
    .for('update');
}

export async function scheduledCountsOn(tx: Executor, clinicId: string, locationId: string, on: string): Promise<Array<{ kind: CountKind; locationId: string; countedOn: string }>> {
  const rows = await tx
    .select({ kind: ledgerCount.kind, locationId: ledgerCount.locationId, countedOn: ledgerCount.countedOn })
    .from(ledgerCount)
    .where(and(eq(ledgerCount.clinicId, clinicId), eq(ledgerCount.locationId, locationId), eq(ledgerCount.countedOn, on)));
  return rows.map((row) => ({ ...row, kind: row.kind as CountKind }));
}

export async function insertCount(
  tx: Executor,
  row: Omit<CountRow, 'lines'> & { readonly lines: readonly StoredCountLine[] },
  discrepancies: ReadonlyArray<DiscrepancyDraft & { readonly id: string }>,
): Promise<void> {
  await tx.insert(ledgerCount).values({ ...row, lines: row.lines });
  if (discrepancies.length === 0) return;
  await tx.insert(ledgerDiscrepancy).values(
    discrepancies.map((d) => ({
      id: d.id,
      clinicId: row.clinicId,
      countId: d.countId,
      containerId: d.containerId,
      foundOn: d.foundOn,
      expectedHundredths: d.expected.hundredths,
      countedHundredths: d.counted.hundredths,
      differenceHundredths: d.difference.hundredths,
    })),
  );
}

/** Shortfalls (negative differences) found from `from` to `to`, for the small-loss pattern. */
export async function shortfallsBetween(tx: Executor, clinicId: string, from: string, to: string): Promise<Array<{ on: string; hundredths: number }>> {
  const rows = await tx
    .select({ on: ledgerDiscrepancy.foundOn, difference: ledgerDiscrepancy.differenceHundredths })
    .from(ledgerDiscrepancy)
    .where(and(eq(ledgerDiscrepancy.clinicId, clinicId), gte(ledgerDiscrepancy.foundOn, from), lte(ledgerDiscrepancy.foundOn, to), lt(ledgerDiscrepancy.differenceHundredths, 0)));
  return rows.map((row) => ({ on: row.on, hundredths: -row.difference }));
}

export async function counts(tx: Executor, clinicId: string, range: { readonly from: string; readonly to: string }): Promise<CountRow[]> {
  return tx
    .select()
    .from(ledgerCount)
    .where(and(eq(ledgerCount.clinicId, clinicId), gte(ledgerCount.countedOn, range.from), lte(ledgerCount.countedOn, range.to)))
    .orderBy(desc(ledgerCount.countedAt));
}

export async function countById(tx: Executor, clinicId: string, id: string): Promise<CountRow | null> {
  const [row] = await tx.select().from(ledgerCount).where(and(eq(ledgerCount.clinicId, clinicId), eq(ledgerCount.id, id))).limit(1);
  return row ?? null;
}

/** Discrepancies with their resolution, of some counts or (with `unresolvedOnly`) every open one. */
export async function discrepancies(tx: Executor, clinicId: string, options: { readonly countIds?: readonly string[]; readonly unresolvedOnly?: boolean; readonly id?: string }): Promise<DiscrepancyRow[]> {
  if (options.countIds && options.countIds.length === 0) return [];
  const rows = await tx
    .select({
      discrepancy: ledgerDiscrepancy,
      resolution: ledgerDiscrepancyResolution.resolution,
      reason: ledgerDiscrepancyResolution.reason,
      containerLabel: ledgerContainer.label,
    })
    .from(ledgerDiscrepancy)
    .innerJoin(ledgerContainer, eq(ledgerContainer.id, ledgerDiscrepancy.containerId))
    .leftJoin(ledgerDiscrepancyResolution, eq(ledgerDiscrepancyResolution.discrepancyId, ledgerDiscrepancy.id))
    .where(
      and(
        eq(ledgerDiscrepancy.clinicId, clinicId),
        options.countIds ? inArray(ledgerDiscrepancy.countId, [...options.countIds]) : undefined,
        options.unresolvedOnly ? sql`${ledgerDiscrepancyResolution.discrepancyId} IS NULL` : undefined,
        options.id ? eq(ledgerDiscrepancy.id, options.id) : undefined,
      ),
    )
    .orderBy(desc(ledgerDiscrepancy.foundOn), asc(ledgerDiscrepancy.id));
  return rows.map((row) => ({ ...row.discrepancy, resolution: row.resolution, reason: row.reason, containerLabel: row.containerLabel }));
}

/** [entry id, discrepancy id] for each of `entryIds` that a recorded resolution already links. */
export async function resolutionsLinking(tx: Executor, entryIds: readonly string[]): Promise<Array<readonly [string, string]>> {
  if (entryIds.length === 0) return [];
  const rows = await tx
    .select({ discrepancyId: ledgerDiscrepancyResolution.discrepancyId, adjustmentEntryId: ledgerDiscrepancyResolution.adjustmentEntryId, lossEntryId: ledgerDiscrepancyResolution.lossEntryId })
    .from(ledgerDiscrepancyResolution)
    .where(or(inArray(ledgerDiscrepancyResolution.adjustmentEntryId, [...entryIds]), inArray(ledgerDiscrepancyResolution.lossEntryId, [...entryIds])));
  return rows.flatMap((row) =>
    [row.adjustmentEntryId, row.lossEntryId].filter((entryId): entryId is string => entryId !== null && entryIds.includes(entryId)).map((entryId) => [entryId, row.discrepancyId] as const),
  );
}

export async function insertResolution(tx: Executor, row: typeof ledgerDiscrepancyResolution.$inferInsert): Promise<void> {
  await tx.insert(ledgerDiscrepancyResolution).values(row);
}
