import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import type { CountComparison } from './count.js';
import { ledgerStaff, type EntryKind, type LedgerEntry } from './entry.js';
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

/** Entries a request points at, as the ledger holds them (the clinic's own only). */
export interface EntryLookup {
  readonly entries: ReadonlyMap<string, LedgerEntry>;
  /** Entry id → the reversal that undid it. */
  readonly reversedBy: ReadonlyMap<string, string>;
}

/** What a resolution's links are checked against: the entries, and which discrepancy each already accounts for. */
export interface ResolutionLinkLookup extends EntryLookup {
  /** Entry id → the discrepancy it already accounts for (one entry explains one discrepancy). */
  readonly linkedTo: ReadonlyMap<string, string>;
}

/** Each link a resolution may carry: the resolution it belongs to and the kind of entry it points at. */
const RESOLUTION_LINKS = [
  { field: 'adjustmentEntryId', resolution: 'adjusted', kind: 'adjustment', words: 'adjustment', article: 'an' },
  { field: 'lossEntryId', resolution: 'reported_as_loss', kind: 'loss_theft', words: 'loss/theft', article: 'a' },
] as const;

/** "an adjustment entry", "a return to stock entry": an entry's kind in a sentence. */
export function entryKindWords(kind: EntryKind): string {
  const words = kind === 'loss_theft' ? 'loss/theft' : kind.replaceAll('_', ' ');
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words} entry`;
}

/** The container an adjustment or a loss/theft entry concerns. */
function containerOf(entry: LedgerEntry): string | null {
  return entry.kind === 'adjustment' || entry.kind === 'loss_theft' ? entry.containerId : null;
}

/**
 * Whether the entries a resolution links account for this discrepancy: an adjusted one links an
 * adjustment, one reported as a loss a loss/theft entry, each recorded for the discrepancy's container
 * and not reversed (a reversed entry no longer moves the books, so it explains nothing), and not
 * already the account of another discrepancy (one correction cannot explain two differences). A link the
 * resolution does not take is refused rather than stored unchecked.
 */
export function resolutionLinkProblems(
  record: Pick<DiscrepancyRecord, 'id' | 'containerId' | 'resolution' | 'adjustmentEntryId' | 'lossEntryId'>,
  lookup: ResolutionLinkLookup,
): LedgerUnmet[] {
  const problems: LedgerUnmet[] = [];
  for (const link of RESOLUTION_LINKS) {
    const entryId = record[link.field];
    if (!entryId) continue;
    const path = [link.field];
    if (record.resolution !== link.resolution) {
      problems.push({ code: 'unexpected_reference', message: `Only a discrepancy resolved as ${link.resolution.replaceAll('_', ' ')} links ${link.article} ${link.words} entry`, path, entryId });
      continue;
    }
    const entry = lookup.entries.get(entryId);
    if (!entry) {
      problems.push({ code: 'unknown_entry', message: `There is no entry ${entryId} in this ledger`, path, entryId });
      continue;
    }
    if (entry.kind !== link.kind) {
      problems.push({ code: 'wrong_entry_kind', message: `Entry ${entryId} is not ${link.article} ${link.words} entry (it is ${entryKindWords(entry.kind)})`, path, entryId });
      continue;
    }
    if (containerOf(entry) !== record.containerId) {
      problems.push({ code: 'entry_container_mismatch', message: `The ${link.words} entry ${entryId} was recorded for another container`, path, entryId });
    }
    const reversal = lookup.reversedBy.get(entryId);
    if (reversal) {
      problems.push({ code: 'entry_reversed', message: `The ${link.words} entry ${entryId} was reversed by entry ${reversal}: link an entry that stands`, path, entryId });
    }
    const linkedTo = lookup.linkedTo.get(entryId);
    if (linkedTo !== undefined && linkedTo !== record.id) {
      problems.push({ code: 'entry_already_linked', message: `The ${link.words} entry ${entryId} already accounts for another discrepancy (${linkedTo}); record one for this difference`, path, entryId });
    }
  }
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
