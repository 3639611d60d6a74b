import { describe, expect, it } from 'vitest';
import { emptyLedger, mgOf, reconcileSession, replay, sessionDraws, type LedgerEntry, type LedgerState } from './index.js';
import { drawOf, NURSE_2, PRODUCTS, receiptOf, returnOf, SESSION, testId, TROCHE_100, VIAL_100, wasteOfDraw } from './fixtures.js';

function ledgerWith(...entries: LedgerEntry[]): LedgerState {
  const result = replay(emptyLedger(PRODUCTS), entries);
  if (!result.ok) throw new Error(`entry ${result.index} refused: ${result.unmet.map((u) => u.code).join(', ')}`);
  return result.value;
}

const vials = receiptOf(VIAL_100);
const troches = receiptOf(TROCHE_100);

describe('closing a medicine session', () => {
  it('balances when the draw equals the dose given plus witnessed waste, to the 0.01 mg', () => {
    const draw = drawOf(vials, VIAL_100, 5000);
    const state = ledgerWith(vials, draw, wasteOfDraw(draw, VIAL_100, 1000));
    const result = reconcileSession({
      medicineSessionId: SESSION,
      closingAs: 'completed',
      administrations: [{ administrationId: draw.administrationId, amount: mgOf(4000) }],
      draws: sessionDraws(state, SESSION),
    });
    expect(result).toEqual({ ok: true, drawn: mgOf(5000), administered: mgOf(4000), wasted: mgOf(1000), returned: mgOf(0), discrepancies: [] });
  });

  it('names a draw that is off by 0.01 mg either way', () => {
    const draw = drawOf(vials, VIAL_100, 5000);
    const state = ledgerWith(vials, draw, wasteOfDraw(draw, VIAL_100, 1000));
    const short = reconcileSession({
      medicineSessionId: SESSION,
      closingAs: 'completed',
      administrations: [{ administrationId: draw.administrationId, amount: mgOf(3999) }],
      draws: sessionDraws(state, SESSION),
    });
    expect(short.ok).toBe(false);
    expect(short.discrepancies).toEqual([expect.objectContaining({ code: 'draw_not_accounted', drawEntryId: draw.id, difference: mgOf(1) })]);
    const over = reconcileSession({
      medicineSessionId: SESSION,
      closingAs: 'completed',
      administrations: [{ administrationId: draw.administrationId, amount: mgOf(4001) }],
      draws: sessionDraws(state, SESSION),
    });
    expect(over.discrepancies[0]).toMatchObject({ code: 'draw_not_accounted', difference: mgOf(-1) });
    expect(over.discrepancies[0]?.message).toContain('more was administered than drawn');
  });

  it('names an administration with no draw and one listed twice', () => {
    const draw = drawOf(vials, VIAL_100, 5000);
    const state = ledgerWith(vials, draw);
    const booster = testId();
    const result = reconcileSession({
      medicineSessionId: SESSION,
      closingAs: 'completed',
      administrations: [
        { administrationId: draw.administrationId, amount: mgOf(5000) },
        { administrationId: draw.administrationId, amount: mgOf(5000) },
        { administrationId: booster, amount: mgOf(2500) },
      ],
      draws: sessionDraws(state, SESSION),
    });
    expect(result.discrepancies.map((d) => d.code)).toEqual(['administration_listed_twice', 'administration_without_draw']);
  });

  it('refuses to close a cancelled session until its draw is returned or wasted with a witness', () => {
    const draw = drawOf(troches, TROCHE_100, 10_000);
    const open = ledgerWith(troches, draw);
    const pending = reconcileSession({ medicineSessionId: SESSION, closingAs: 'cancelled', administrations: [], draws: sessionDraws(open, SESSION) });
    expect(pending.discrepancies).toEqual([expect.objectContaining({ code: 'cancelled_draw_unresolved', difference: mgOf(10_000) })]);

    const returned = ledgerWith(troches, draw, returnOf(draw, TROCHE_100, 10_000));
    expect(reconcileSession({ medicineSessionId: SESSION, closingAs: 'cancelled', administrations: [], draws: sessionDraws(returned, SESSION) }).ok).toBe(true);

    const wasted = ledgerWith(troches, draw, wasteOfDraw(draw, TROCHE_100, 10_000, { witness: NURSE_2 }));
    expect(reconcileSession({ medicineSessionId: SESSION, closingAs: 'cancelled', administrations: [], draws: sessionDraws(wasted, SESSION) }).ok).toBe(true);
  });

  it('ignores reversed draws, and names a draw of another session handed in by mistake', () => {
    const other = drawOf(vials, VIAL_100, 1000, { medicineSessionId: testId() });
    const state = ledgerWith(vials, other);
    expect(sessionDraws(state, SESSION)).toEqual([]);
    const result = reconcileSession({ medicineSessionId: SESSION, closingAs: 'completed', administrations: [], draws: [...state.draws.values()] });
    expect(result.discrepancies.map((d) => d.code)).toEqual(['draw_of_another_session']);
  });
});
