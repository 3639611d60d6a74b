import { describe, expect, it } from 'vitest';
import { entryKindWords, ledgerError, resolutionLinkProblems, type DiscrepancyRecord, type LedgerEntry, type ResolutionLinkLookup } from './index.js';
import { adjustmentOf, discrepancyOf, lossOf, PHYSICIAN, testId, VIAL_100, wasteOfStock } from './fixtures.js';

const vial = testId();
const otherVial = testId();
const record = discrepancyOf(vial, { reason: 'Residual in the hub', resolution: 'adjusted', resolvedBy: PHYSICIAN });
const adjustment = adjustmentOf(vial, VIAL_100, 500);
const loss = lossOf(vial, VIAL_100, 500);
const elsewhere = adjustmentOf(otherVial, VIAL_100, 500);
const waste = wasteOfStock(vial, VIAL_100, 500);

function lookup(reversedBy: ReadonlyArray<readonly [string, string]> = [], linkedTo: ReadonlyArray<readonly [string, string]> = []): ResolutionLinkLookup {
  const entries: LedgerEntry[] = [adjustment, loss, elsewhere, waste];
  return { entries: new Map(entries.map((entry) => [entry.id, entry] as const)), reversedBy: new Map(reversedBy), linkedTo: new Map(linkedTo) };
}

function codes(links: Partial<DiscrepancyRecord>, reversedBy: ReadonlyArray<readonly [string, string]> = []): Array<[string, string | undefined]> {
  return resolutionLinkProblems({ ...record, ...links }, lookup(reversedBy)).map((u) => [u.code, u.entryId]);
}

describe('the entry a discrepancy resolution links', () => {
  it('accepts an adjustment, or a loss/theft entry, of the discrepancy’s container that stands', () => {
    expect(codes({ adjustmentEntryId: adjustment.id })).toEqual([]);
    expect(codes({ resolution: 'reported_as_loss', lossEntryId: loss.id })).toEqual([]);
    expect(codes({ resolution: 'explained' })).toEqual([]);
  });

  it('refuses a reversed entry, naming it and its reversal', () => {
    const reversal = testId();
    const [problem] = resolutionLinkProblems({ ...record, adjustmentEntryId: adjustment.id }, lookup([[adjustment.id, reversal]]));
    expect(problem).toEqual({
      code: 'entry_reversed',
      message: `The adjustment entry ${adjustment.id} was reversed by entry ${reversal}: link an entry that stands`,
      path: ['adjustmentEntryId'],
      entryId: adjustment.id,
    });
    expect(codes({ resolution: 'reported_as_loss', lossEntryId: loss.id }, [[loss.id, reversal]])).toEqual([['entry_reversed', loss.id]]);
  });

  it('refuses an entry that already accounts for another discrepancy, but not one re-sent for its own', () => {
    const earlier = testId();
    const [problem] = resolutionLinkProblems({ ...record, adjustmentEntryId: adjustment.id }, lookup([], [[adjustment.id, earlier]]));
    expect(problem).toMatchObject({ code: 'entry_already_linked', entryId: adjustment.id, path: ['adjustmentEntryId'] });
    expect(problem?.message).toContain(earlier);
    expect(resolutionLinkProblems({ ...record, resolution: 'reported_as_loss', lossEntryId: loss.id }, lookup([], [[loss.id, earlier]])).map((u) => u.code)).toEqual(['entry_already_linked']);
    expect(resolutionLinkProblems({ ...record, adjustmentEntryId: adjustment.id }, lookup([], [[adjustment.id, record.id]]))).toEqual([]);
  });

  it('is not fooled by a reversal of some other entry', () => {
    expect(codes({ adjustmentEntryId: adjustment.id }, [[loss.id, testId()]])).toEqual([]);
  });

  it('refuses an entry of another kind, of another container, or not in the ledger', () => {
    const unknown = testId();
    expect(codes({ adjustmentEntryId: loss.id })).toEqual([['wrong_entry_kind', loss.id]]);
    expect(codes({ resolution: 'reported_as_loss', lossEntryId: waste.id })).toEqual([['wrong_entry_kind', waste.id]]);
    expect(codes({ adjustmentEntryId: elsewhere.id })).toEqual([['entry_container_mismatch', elsewhere.id]]);
    expect(codes({ adjustmentEntryId: elsewhere.id }, [[elsewhere.id, testId()]])).toEqual([
      ['entry_container_mismatch', elsewhere.id],
      ['entry_reversed', elsewhere.id],
    ]);
    expect(codes({ adjustmentEntryId: unknown })).toEqual([['unknown_entry', unknown]]);
  });

  it('refuses a link the resolution does not take, rather than store it unchecked', () => {
    expect(codes({ adjustmentEntryId: adjustment.id, lossEntryId: loss.id })).toEqual([['unexpected_reference', loss.id]]);
    expect(codes({ resolution: 'explained', adjustmentEntryId: adjustment.id })).toEqual([['unexpected_reference', adjustment.id]]);
  });

  it('is a 409 refusal naming the entry, except a lone stray link, which is a 400 on its field', () => {
    const reversed = resolutionLinkProblems({ ...record, adjustmentEntryId: adjustment.id }, lookup([[adjustment.id, testId()]]));
    expect(ledgerError(reversed)).toMatchObject({ kind: 'policy_blocked', unmet: [{ code: 'entry_reversed', entryId: adjustment.id }] });
    const stray = resolutionLinkProblems({ ...record, resolution: 'explained', lossEntryId: loss.id }, lookup());
    expect(ledgerError(stray)).toMatchObject({ kind: 'validation', path: ['lossEntryId'] });
  });

  it('words each kind of entry with its article', () => {
    expect([entryKindWords('adjustment'), entryKindWords('loss_theft'), entryKindWords('return_to_stock')]).toEqual(['an adjustment entry', 'a loss/theft entry', 'a return to stock entry']);
  });
});
