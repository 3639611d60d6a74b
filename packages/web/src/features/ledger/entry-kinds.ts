import type { EntryView } from '@lantern/core';

/** What each kind of ledger entry is called on screen. */
export const ENTRY_KIND_LABELS: Record<EntryView['kind'], string> = {
  receipt: 'Receipt',
  transfer: 'Transfer',
  draw: 'Draw',
  waste: 'Waste',
  return_to_stock: 'Return to stock',
  return_to_supplier: 'Return to supplier',
  destruction: 'Destruction',
  loss_theft: 'Loss / theft',
  adjustment: 'Adjustment',
  reversal: 'Reversal',
};
