import type { LedgerEntry } from '@lantern/core';

/** The indexed columns of a stored entry, all derived from its record (`content`). */
export interface EntryColumns {
  readonly id: string;
  readonly kind: LedgerEntry['kind'];
  readonly at: Date;
  readonly localDate: string;
  readonly actorId: string;
  readonly witnessId: string | null;
  readonly containerId: string | null;
  readonly patientId: string | null;
  readonly sourceType: string | null;
  readonly sourceId: string | null;
  readonly reversesEntryId: string | null;
}

/** The container an entry is about: null for a receipt (several) and a reversal (its target's). */
export function containerOf(entry: LedgerEntry): string | null {
  switch (entry.kind) {
    case 'receipt':
    case 'reversal':
      return null;
    case 'waste':
      return entry.source.from === 'stock' ? entry.source.containerId : null;
    case 'transfer':
    case 'draw':
    case 'return_to_stock':
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
    case 'adjustment':
      return entry.containerId;
  }
}

function sourceOf(entry: LedgerEntry): { sourceType: string | null; sourceId: string | null } {
  switch (entry.kind) {
    case 'draw':
      return { sourceType: 'medicine_session', sourceId: entry.medicineSessionId };
    case 'waste':
      return entry.source.from === 'draw' ? { sourceType: 'draw', sourceId: entry.source.drawEntryId } : { sourceType: null, sourceId: null };
    case 'return_to_stock':
      return { sourceType: 'draw', sourceId: entry.drawEntryId };
    case 'adjustment':
      return entry.countId ? { sourceType: 'count', sourceId: entry.countId } : { sourceType: null, sourceId: null };
    case 'receipt':
      return { sourceType: 'invoice', sourceId: entry.invoiceNumber };
    case 'transfer':
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
    case 'reversal':
      return { sourceType: null, sourceId: null };
  }
}

/** The witness an entry names, if any. */
export function witnessOf(entry: LedgerEntry): string | null {
  switch (entry.kind) {
    case 'waste':
      return entry.witness.id;
    case 'return_to_stock':
    case 'destruction':
      return entry.witness?.id ?? null;
    case 'receipt':
    case 'transfer':
    case 'draw':
    case 'return_to_supplier':
    case 'loss_theft':
    case 'adjustment':
    case 'reversal':
      return null;
  }
}

export function entryColumns(entry: LedgerEntry): EntryColumns {
  return {
    id: entry.id,
    kind: entry.kind,
    at: new Date(entry.at),
    localDate: entry.localDate,
    actorId: entry.actor.id,
    witnessId: witnessOf(entry),
    containerId: containerOf(entry),
    patientId: entry.kind === 'draw' ? entry.patientId : null,
    ...sourceOf(entry),
    reversesEntryId: entry.kind === 'reversal' ? entry.reversesEntryId : null,
  };
}
