import type { LedgerEntry, WasteSource } from './entry.js';
import type { Mg } from './quantity.js';

/**
 * What a ledger state keeps of an applied entry: enough to refuse a second entry with its id and to
 * reverse it, nothing more. A full `LedgerEntry` is one too (each variant is a supertype of its
 * entry), so the server can hand in the entries it read; the replayer keeps `recordOf(entry)` so
 * that replaying a million entries does not hold a million parsed records (`ledger verify`).
 *
 * A draw keeps only its kind: reversing it works from its open draw (container and amount), and a
 * draw that is no longer open cannot be reversed anyway.
 */
type Moved = { readonly amount: { readonly mass: Mg } };

export type RecordedEntry =
  | { readonly kind: 'receipt'; readonly containers: ReadonlyArray<{ readonly containerId: string } & Moved> }
  | ({ readonly kind: 'transfer'; readonly containerId: string; readonly fromLocationId: string; readonly toLocationId: string } & Moved)
  | { readonly kind: 'draw' }
  | ({ readonly kind: 'waste'; readonly source: WasteSource } & Moved)
  | ({ readonly kind: 'return_to_stock'; readonly drawEntryId: string; readonly containerId: string } & Moved)
  | ({ readonly kind: 'return_to_supplier' | 'destruction' | 'loss_theft'; readonly containerId: string } & Moved)
  | ({ readonly kind: 'adjustment'; readonly containerId: string; readonly direction: 'increase' | 'decrease' } & Moved)
  | { readonly kind: 'reversal' };

export type RecordedReversible = Exclude<RecordedEntry, { readonly kind: 'reversal' }>;

/** What is kept of any draw. */
export const DRAW_RECORD: RecordedEntry = Object.freeze({ kind: 'draw' });
const REVERSAL: RecordedEntry = Object.freeze({ kind: 'reversal' });

/** The part of an entry a state keeps (a new, small object; the entry itself can then be dropped). */
export function recordOf(entry: LedgerEntry): RecordedEntry {
  switch (entry.kind) {
    case 'draw':
      return DRAW_RECORD;
    case 'reversal':
      return REVERSAL;
    case 'receipt':
      return { kind: entry.kind, containers: entry.containers.map((line) => ({ containerId: line.containerId, amount: { mass: line.amount.mass } })) };
    case 'transfer':
      return { kind: entry.kind, containerId: entry.containerId, fromLocationId: entry.fromLocationId, toLocationId: entry.toLocationId, amount: { mass: entry.amount.mass } };
    case 'waste':
      return { kind: entry.kind, source: entry.source, amount: { mass: entry.amount.mass } };
    case 'return_to_stock':
      return { kind: entry.kind, drawEntryId: entry.drawEntryId, containerId: entry.containerId, amount: { mass: entry.amount.mass } };
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
      return { kind: entry.kind, containerId: entry.containerId, amount: { mass: entry.amount.mass } };
    case 'adjustment':
      return { kind: entry.kind, containerId: entry.containerId, direction: entry.direction, amount: { mass: entry.amount.mass } };
  }
}
