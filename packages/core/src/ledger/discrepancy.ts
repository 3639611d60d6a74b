import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import type { CountComparison } from './count.js';
import { ledgerStaff } from './entry.js';
import { clinicDate, type ClinicDate } from './clinic-date.js';
import { mgValue } from './quantity-schema.js';
import { mgOf, type Mg } from './quantity.js';
import type { LedgerUnmet } from './result.js';

/**
 * A count's difference, kept with its reason and resolution (clinical.md §6.3). Minor differences are
 * explained or adjusted in the records; a significant one is reported as a loss (Form 106).
 */
export const DISCREPANCY_RESOLUTIONS = ['unresolved', 'explained', 'adjusted', 'reported_as_loss'] as const;
export type DiscrepancyResolution = (typeof DISCREPANCY_RESOLUTIONS)[number];

export const discrepancyRecord = z.strictObject({
  id: uuid,
  countId: uuid,
  containerId: uuid,
  foundOn: clinicDate,
  expected: mgValue,
  counted: mgValue,
  /** counted - expected: negative is a shortfall. */
  difference: mgValue,
  reason: z.string().trim().max(1000).nullable(),
  resolution: z.enum(DISCREPANCY_RESOLUTIONS),
  /** The adjustment entry that brought the book amount to the count. */
  adjustmentEntryId: uuid.nullable(),
  /** The loss/theft entry that reported it. */
  lossEntryId: uuid.nullable(),
  resolvedBy: ledgerStaff.nullable(),
});
export type DiscrepancyRecord = z.output<typeof discrepancyRecord>;
export type DiscrepancyDraft = Omit<DiscrepancyRecord, 'id'>;

/** New, unresolved records for a count's discrepancies; the server gives each its id. */
export function discrepancyDrafts(comparison: CountComparison, count: { readonly countId: string; readonly foundOn: ClinicDate }): DiscrepancyDraft[] {
  return comparison.discrepancies.map((line) => ({
    countId: count.countId,
    containerId: line.containerId,
    foundOn: count.foundOn,
    expected: line.expected,
    counted: line.counted,
    difference: line.difference,
    reason: null,
    resolution: 'unresolved',
    adjustmentEntryId: null,
    lossEntryId: null,
    resolvedBy: null,
  }));
}

/** What a resolution needs: a reason and who resolved it; the adjustment or loss entry it points to. */
export function resolutionProblems(record: DiscrepancyRecord): LedgerUnmet[] {
  const problems: LedgerUnmet[] = [];
  switch (record.resolution) {
    case 'unresolved':
      return problems;
    case 'adjusted':
      if (!record.adjustmentEntryId) problems.push({ code: 'reference_required', message: 'Link the adjustment entry', path: ['adjustmentEntryId'] });
      break;
    case 'reported_as_loss':
      if (!record.lossEntryId) problems.push({ code: 'reference_required', message: 'Link the loss/theft entry', path: ['lossEntryId'] });
      break;
    case 'explained':
      break;
  }
  if (!record.reason || record.reason.trim() === '') problems.push({ code: 'reason_required', message: 'Say what caused the difference', path: ['reason'] });
  if (!record.resolvedBy) problems.push({ code: 'reference_required', message: 'Record who resolved it', path: ['resolvedBy'] });
  return problems;
}

/** The adjustment that brings the book amount to the count: its direction and size. */
export function adjustmentFor(record: Pick<DiscrepancyRecord, 'difference'>): { readonly direction: 'increase' | 'decrease'; readonly mass: Mg } | null {
  const hundredths = record.difference.hundredths;
  if (hundredths === 0) return null;
  return { direction: hundredths > 0 ? 'increase' : 'decrease', mass: mgOf(Math.abs(hundredths)) };
}

/** The shortfall of a discrepancy (0 for an overage). */
export function shortfallOf(record: Pick<DiscrepancyRecord, 'difference'>): Mg {
  return mgOf(Math.max(0, -record.difference.hundredths));
}
