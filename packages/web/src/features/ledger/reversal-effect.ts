import type { EntryView } from '@lantern/core';

/** "-35.00" becomes "+35.00" and "120.00" becomes "-120.00": the opposite of a signed mg change. */
export function oppositeChange(changeMg: string): string {
  const text = changeMg.trim();
  if (text.startsWith('-')) return `+${text.slice(1)}`;
  return `-${text.replace(/^\+/, '')}`;
}

/** Whether a reversal of `entry` may be offered: not a reversal, not already reversed, adjustments only to those who may adjust. */
export function mayOfferReversal(entry: Pick<EntryView, 'kind' | 'reversedByEntryId'>, mayAdjust: boolean): boolean {
  if (entry.kind === 'reversal' || entry.reversedByEntryId !== null) return false;
  return entry.kind !== 'adjustment' || mayAdjust;
}

/**
 * What a reversal of `entry` undoes, in words, before anyone confirms it (plan-reversal.ts does the
 * same to the books): every balance effect negated, the draw bookkeeping put back.
 */
export function reversalEffect(entry: Pick<EntryView, 'kind' | 'changeMg' | 'containerLabel' | 'lotNumber'>): string[] {
  const container = entry.containerLabel ?? (entry.lotNumber ? `lot ${entry.lotNumber}` : 'the container');
  const balance = entry.changeMg ? `${container}: the balance changes by ${oppositeChange(entry.changeMg)} mg.` : null;
  const lines = (...notes: Array<string | null>): string[] => notes.filter((note): note is string => note !== null);
  switch (entry.kind) {
    case 'receipt':
      return lines(
        entry.changeMg ? `The ${entry.changeMg.replace(/^\+/, '')} mg received comes off the books again.` : null,
        'Every container of the receipt must still hold what it arrived with.',
      );
    case 'transfer':
      return lines(`${container} moves back to the location it came from.`, 'It must still hold exactly what was moved; otherwise transfer it back instead.');
    case 'draw':
      return lines(balance, 'The draw is closed. Any waste or return recorded against it must be reversed first.');
    case 'waste':
      return entry.changeMg
        ? lines(balance)
        : lines('The wasted amount counts against its draw again: the session has it to account for once more.', 'No container balance changes (waste of a draw never left stock twice).');
    case 'return_to_stock':
      return lines(balance, 'The returned amount counts against its draw again.');
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
    case 'adjustment':
      return lines(balance);
    case 'reversal':
      return ['A reversal cannot itself be reversed; record the entry again instead.'];
  }
}
