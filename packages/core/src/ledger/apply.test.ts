import { describe, expect, it } from 'vitest';
import { PolicyBlocked, ValidationError } from '../errors.js';
import {
  applyEntry,
  containerBalance,
  emptyLedger,
  ledgerError,
  ledgerStateFrom,
  locationBalance,
  lotBalance,
  mgOf,
  planEntry,
  remainingVolume,
  replay,
  type LedgerEntry,
  type LedgerState,
} from './index.js';
import {
  adjustmentOf,
  ADMIN,
  destructionOf,
  drawOf,
  LOCATION,
  lossOf,
  lotOf,
  mgAmount,
  NURSE,
  NURSE_2,
  PHYSICIAN,
  PRODUCTS,
  receiptOf,
  returnOf,
  returnToSupplierOf,
  reversalOf,
  staff,
  testId,
  THERAPIST,
  transferOf,
  TROCHE_100,
  VIAL_100,
  wasteOfDraw,
  wasteOfStock,
} from './fixtures.js';

/** A ledger after `entries`, each of which must be accepted. */
function ledgerWith(...entries: LedgerEntry[]): LedgerState {
  const result = replay(emptyLedger(PRODUCTS), entries);
  if (!result.ok) throw new Error(`entry ${result.index} refused: ${result.unmet.map((u) => u.code).join(', ')}`);
  return result.value;
}

/** The codes `entry` is refused with on `state` (empty when accepted). */
function refusals(state: LedgerState, entry: LedgerEntry): string[] {
  const result = applyEntry(state, entry);
  return result.ok ? [] : result.unmet.map((u) => u.code);
}

const receipt = receiptOf(VIAL_100, { count: 2 });
const vial = receipt.containers[0]?.containerId ?? '';
const otherVial = receipt.containers[1]?.containerId ?? '';

describe('receiving stock', () => {
  it('puts each container into stock at the receiving location', () => {
    const state = ledgerWith(receipt);
    expect(containerBalance(state, vial)).toEqual(mgOf(100_000));
    expect(lotBalance(state, receipt.lot.id)).toEqual(mgOf(200_000));
    expect(locationBalance(state, LOCATION.safeA)).toEqual(mgOf(200_000));
    expect(locationBalance(state, LOCATION.safeB)).toEqual(mgOf(0));
    expect(remainingVolume(state, vial)).toEqual({ unit: 'mL', microlitres: 10_000 });
  });

  it('refuses a receipt without a valid supplier DEA number', () => {
    const bad = receiptOf(VIAL_100, { lot: lotOf(VIAL_100, { supplier: { name: 'X', address: 'Y', deaNumber: 'RB1234564' } }) });
    expect(refusals(emptyLedger(PRODUCTS), bad)).toEqual(['invalid_dea_number']);
    const blank = receiptOf(VIAL_100, { lot: lotOf(VIAL_100, { supplier: { name: 'X', address: 'Y', deaNumber: '' } }) });
    expect(refusals(emptyLedger(PRODUCTS), blank)).toEqual(['invalid_dea_number']);
  });

  it('refuses more than a container holds, but accepts exactly a full container', () => {
    const over = receiptOf(VIAL_100, { containers: [{ containerId: testId(), amount: mgAmount(VIAL_100, 100_010) }] });
    expect(refusals(emptyLedger(PRODUCTS), over)).toEqual(['exceeds_container_size']);
    const troches = receiptOf(TROCHE_100, { containers: [{ containerId: testId(), amount: mgAmount(TROCHE_100, 300_000) }] });
    expect(refusals(emptyLedger(PRODUCTS), troches)).toEqual([]);
  });

  it('refuses non-positive quantities and mg/mL that disagree', () => {
    const zero = receiptOf(VIAL_100, { containers: [{ containerId: testId(), amount: { mass: mgOf(0), volume: { unit: 'mL', microlitres: 0 } } }] });
    expect(refusals(emptyLedger(PRODUCTS), zero)).toEqual(['non_positive_quantity']);
    const confused = receiptOf(VIAL_100, { containers: [{ containerId: testId(), amount: { mass: mgOf(100_000), volume: { unit: 'mL', microlitres: 5_000 } } }] });
    expect(refusals(emptyLedger(PRODUCTS), confused)).toEqual(['unit_confusion']);
  });

  it('refuses a reused container id, a repeated line, a future receipt date, an expired lot and an unknown product', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, receiptOf(VIAL_100, { containers: [{ containerId: vial, amount: mgAmount(VIAL_100, 1000) }] }))).toEqual(['container_exists']);
    const line = { containerId: testId(), amount: mgAmount(VIAL_100, 1000) };
    expect(refusals(state, receiptOf(VIAL_100, { containers: [line, line] }))).toEqual(['duplicate_line']);
    expect(refusals(state, receiptOf(VIAL_100, { receivedOn: '2025-06-03' }))).toEqual(['received_in_future']);
    expect(refusals(state, receiptOf(VIAL_100, { lot: lotOf(VIAL_100, { expiresOn: '2025-06-01' }) }))).toEqual(['lot_expired']);
    expect(refusals(state, receiptOf(VIAL_100, { lot: lotOf({ ...VIAL_100, id: testId() }) }))).toEqual(['unknown_product']);
  });

  it('accepts a second delivery of the same lot but refuses the lot id with different details', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, receiptOf(VIAL_100, { lot: receipt.lot }))).toEqual([]);
    expect(refusals(state, receiptOf(VIAL_100, { lot: { ...receipt.lot, expiresOn: '2028-01-01' } }))).toEqual(['lot_conflict']);
  });
});

describe('who may record', () => {
  it('refuses therapists and auditors, and lists every other reason too', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, drawOf(receipt, VIAL_100, 5000, { actor: THERAPIST }))).toEqual(['not_a_recorder']);
    expect(refusals(state, drawOf(receipt, VIAL_100, 5000, { actor: staff('auditor'), locationId: LOCATION.safeB }))).toEqual(['not_a_recorder', 'wrong_location']);
  });

  it('refuses an entry id that is already recorded, an open draw\'s too', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, { ...receiptOf(VIAL_100), id: receipt.id })).toEqual(['duplicate_entry']);
    const draw = drawOf(receipt, VIAL_100, 5000);
    expect(refusals(ledgerWith(receipt, draw), { ...drawOf(receipt, VIAL_100, 100), id: draw.id })).toEqual(['duplicate_entry']);
  });

  it('leaves out only the duplicate-id check when the caller vouches that ids are unique', () => {
    const state = ledgerWith(receipt);
    const codes = (entry: LedgerEntry): string[] => {
      const planned = planEntry(state, entry, { idsKnownUnique: true });
      return planned.ok ? [] : planned.unmet.map((u) => u.code);
    };
    expect(codes({ ...receiptOf(VIAL_100), id: receipt.id })).toEqual([]);
    expect(codes(drawOf(receipt, VIAL_100, 5000, { id: receipt.id, actor: THERAPIST }))).toEqual(['not_a_recorder']);
    expect(codes(drawOf(receipt, VIAL_100, 200_000, { id: receipt.id }))).toEqual(['insufficient_stock']);
  });
});

describe('drawing for an administration', () => {
  it('takes the amount out of the container and marks it opened', () => {
    const draw = drawOf(receipt, VIAL_100, 5000);
    const state = ledgerWith(receipt, draw);
    expect(containerBalance(state, vial)).toEqual(mgOf(95_000));
    expect(state.containers.get(vial)?.opened).toBe(true);
    expect(remainingVolume(state, vial)).toEqual({ unit: 'mL', microlitres: 9_500 });
    expect(state.drawByAdministration.get(draw.administrationId)).toBe(draw.id);
  });

  it('draws the last 0.01 mg but not one more', () => {
    const troches = receiptOf(TROCHE_100);
    const state = ledgerWith(troches);
    expect(refusals(state, drawOf(troches, TROCHE_100, 300_000))).toEqual([]);
    expect(refusals(state, drawOf(troches, TROCHE_100, 300_001))).toEqual(['insufficient_stock']);
  });

  it('refuses an expired lot the day after its expiry, judged on the clinic-local date', () => {
    const shortDated = receiptOf(VIAL_100, { lot: lotOf(VIAL_100, { expiresOn: '2025-06-30' }) });
    const state = ledgerWith(shortDated);
    expect(refusals(state, drawOf(shortDated, VIAL_100, 5000, { localDate: '2025-06-30' }))).toEqual([]);
    expect(refusals(state, drawOf(shortDated, VIAL_100, 5000, { localDate: '2025-07-01' }))).toEqual(['lot_expired']);
  });

  it('refuses a draw at a location other than where the container is kept', () => {
    expect(refusals(ledgerWith(receipt), drawOf(receipt, VIAL_100, 5000, { locationId: LOCATION.safeB }))).toEqual(['wrong_location']);
  });

  it('refuses a second draw for the same administration, and an unknown container', () => {
    const draw = drawOf(receipt, VIAL_100, 5000);
    const state = ledgerWith(receipt, draw);
    expect(refusals(state, drawOf(receipt, VIAL_100, 5000, { administrationId: draw.administrationId }))).toEqual(['administration_already_drawn']);
    expect(refusals(state, drawOf(receipt, VIAL_100, 5000, { containerId: testId() }))).toEqual(['unknown_container']);
  });

  it('refuses a recorded volume that does not match the mass (unit confusion)', () => {
    const confused = drawOf(receipt, VIAL_100, 5000, { amount: { mass: mgOf(5000), volume: { unit: 'mL', microlitres: 1000 } } });
    expect(refusals(ledgerWith(receipt), confused)).toEqual(['unit_confusion']);
  });
});

describe('witnessed waste', () => {
  const draw = drawOf(receipt, VIAL_100, 5000);

  it('wastes the rest of a draw without touching stock', () => {
    const state = ledgerWith(receipt, draw, wasteOfDraw(draw, VIAL_100, 1000));
    expect(containerBalance(state, vial)).toEqual(mgOf(95_000));
    expect(state.draws.get(draw.id)?.wasted).toEqual(mgOf(1000));
  });

  it('refuses a witness who is the actor or holds no licensed role', () => {
    const state = ledgerWith(receipt, draw);
    expect(refusals(state, wasteOfDraw(draw, VIAL_100, 1000, { witness: NURSE }))).toEqual(['witness_is_actor']);
    expect(refusals(state, wasteOfDraw(draw, VIAL_100, 1000, { witness: ADMIN }))).toEqual(['witness_not_licensed']);
    expect(refusals(state, wasteOfDraw(draw, VIAL_100, 1000, { witness: { ...THERAPIST, id: NURSE.id } }))).toEqual([
      'witness_is_actor',
      'witness_not_licensed',
    ]);
  });

  it('refuses wasting more than the draw has left, and an unknown draw', () => {
    const state = ledgerWith(receipt, draw, wasteOfDraw(draw, VIAL_100, 3000));
    expect(refusals(state, wasteOfDraw(draw, VIAL_100, 2000))).toEqual([]);
    expect(refusals(state, wasteOfDraw(draw, VIAL_100, 2010))).toEqual(['exceeds_draw']);
    expect(refusals(state, wasteOfDraw({ ...draw, id: testId() }, VIAL_100, 10))).toEqual(['unknown_draw']);
  });

  it('wastes from stock with a reason, and describes an "other" method', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, wasteOfStock(vial, VIAL_100, 1000))).toEqual([]);
    expect(refusals(state, wasteOfStock(vial, VIAL_100, 1000, { reason: '  ' }))).toEqual(['reason_required']);
    expect(refusals(state, wasteOfStock(vial, VIAL_100, 1000, { method: 'other' }))).toEqual(['reason_required']);
    expect(refusals(state, wasteOfStock(vial, VIAL_100, 100_010))).toEqual(['insufficient_stock']);
    const after = ledgerWith(receipt, wasteOfStock(vial, VIAL_100, 1000));
    expect(containerBalance(after, vial)).toEqual(mgOf(99_000));
  });
});

describe('returning drawn drug to stock', () => {
  const troches = receiptOf(TROCHE_100);
  const bottle = troches.containers[0]?.containerId ?? '';
  const draw = drawOf(troches, TROCHE_100, 10_000);

  it('puts an unused troche back into its bottle', () => {
    const state = ledgerWith(troches, draw, returnOf(draw, TROCHE_100, 10_000));
    expect(containerBalance(state, bottle)).toEqual(mgOf(300_000));
    expect(state.draws.get(draw.id)?.returned).toEqual(mgOf(10_000));
  });

  it('refuses more than was drawn, another container, and an unqualified witness', () => {
    const state = ledgerWith(troches, receipt, draw);
    expect(refusals(state, returnOf(draw, TROCHE_100, 10_001))).toEqual(['exceeds_draw']);
    expect(refusals(state, returnOf(draw, TROCHE_100, 100, { containerId: vial }))).toContain('draw_container_mismatch');
    expect(refusals(state, returnOf(draw, TROCHE_100, 100, { witness: THERAPIST }))).toEqual(['witness_not_licensed']);
    expect(refusals(state, returnOf(draw, TROCHE_100, 100, { witness: NURSE_2 }))).toEqual([]);
    expect(refusals(state, returnOf(draw, TROCHE_100, 100, { witness: null }))).toEqual(['witness_required']);
  });
});

describe('transfers between locations', () => {
  it('moves the whole container, after which it is drawn only at its new location', () => {
    const state = ledgerWith(receipt, transferOf(vial, VIAL_100, 100_000));
    expect(state.containers.get(vial)?.locationId).toBe(LOCATION.safeB);
    expect(locationBalance(state, LOCATION.safeA)).toEqual(mgOf(100_000));
    expect(locationBalance(state, LOCATION.safeB)).toEqual(mgOf(100_000));
    expect(refusals(state, drawOf(receipt, VIAL_100, 500))).toEqual(['wrong_location']);
    expect(refusals(state, drawOf(receipt, VIAL_100, 500, { locationId: LOCATION.safeB }))).toEqual([]);
  });

  it('refuses a partial transfer, the same location, and the wrong origin', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, transferOf(vial, VIAL_100, 50_000))).toEqual(['partial_transfer']);
    expect(refusals(state, transferOf(vial, VIAL_100, 100_000, { toLocationId: LOCATION.safeA }))).toEqual(['same_location']);
    expect(refusals(state, transferOf(vial, VIAL_100, 100_000, { fromLocationId: LOCATION.safeB, toLocationId: testId() }))).toEqual(['wrong_location']);
  });
});

describe('stock leaving the clinic', () => {
  it('returns to the supplier with a valid DEA number and a reference', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, returnToSupplierOf(vial, VIAL_100, 100_000))).toEqual([]);
    expect(refusals(state, returnToSupplierOf(vial, VIAL_100, 100_000, { reference: ' ' }))).toEqual(['reference_required']);
    expect(refusals(state, returnToSupplierOf(vial, VIAL_100, 100_000, { supplier: { name: 'X', address: 'Y', deaNumber: 'XX0000001' } }))).toEqual([
      'invalid_dea_number',
    ]);
  });

  it('destroys on site only with a witness, and through a reverse distributor only when it is named', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, destructionOf(vial, VIAL_100, 1000))).toEqual([]);
    expect(refusals(state, destructionOf(vial, VIAL_100, 1000, { witness: null }))).toEqual(['witness_required']);
    expect(refusals(state, destructionOf(vial, VIAL_100, 1000, { method: 'reverse_distributor', witness: null }))).toEqual(['reference_required']);
    const distributor = { name: 'Return Co', address: '1 Way', deaNumber: 'RB1234563' };
    expect(refusals(state, destructionOf(vial, VIAL_100, 1000, { method: 'reverse_distributor', witness: null, reverseDistributor: distributor }))).toEqual([]);
    expect(refusals(state, destructionOf(vial, VIAL_100, 1000, { form41Reference: '' }))).toEqual(['reference_required']);
  });

  it('records a loss discovered today or earlier, never more than the container holds', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, lossOf(vial, VIAL_100, 1000, { discoveredOn: '2025-06-01' }))).toEqual([]);
    expect(refusals(state, lossOf(vial, VIAL_100, 1000, { discoveredOn: '2025-06-03' }))).toEqual(['invalid_date']);
    expect(refusals(state, lossOf(vial, VIAL_100, 100_100))).toEqual(['insufficient_stock']);
  });
});

describe('adjustments after a count', () => {
  it('are made by a physician or administrator, never by a nurse', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, adjustmentOf(vial, VIAL_100, 100))).toEqual([]);
    expect(refusals(state, adjustmentOf(vial, VIAL_100, 100, { actor: ADMIN }))).toEqual([]);
    expect(refusals(state, adjustmentOf(vial, VIAL_100, 100, { actor: NURSE }))).toEqual(['adjustment_role']);
  });

  it('need a reason and never take a balance below zero', () => {
    const state = ledgerWith(receipt);
    expect(refusals(state, adjustmentOf(vial, VIAL_100, 100, { reason: '' }))).toEqual(['reason_required']);
    expect(refusals(state, adjustmentOf(vial, VIAL_100, 100_010))).toEqual(['insufficient_stock']);
    const up = ledgerWith(receipt, adjustmentOf(vial, VIAL_100, 200, { direction: 'increase', reason: 'Vial overfill found at count' }));
    expect(containerBalance(up, vial)).toEqual(mgOf(100_200));
  });
});

describe('reversals', () => {
  const draw = drawOf(receipt, VIAL_100, 5000);

  it('restore the balance and free the administration for a new draw', () => {
    const reversal = reversalOf(draw.id);
    const state = ledgerWith(receipt, draw, reversal);
    expect(containerBalance(state, vial)).toEqual(mgOf(100_000));
    expect(state.drawByAdministration.has(draw.administrationId)).toBe(false);
    expect(state.reversedBy.get(draw.id)).toBe(reversal.id);
    expect(refusals(state, drawOf(receipt, VIAL_100, 5000, { administrationId: draw.administrationId }))).toEqual([]);
  });

  it('refuse reversing a reversal, reversing twice, and an unknown entry', () => {
    const reversal = reversalOf(draw.id);
    const state = ledgerWith(receipt, draw, reversal);
    expect(refusals(state, reversalOf(reversal.id))).toEqual(['reversal_of_reversal']);
    expect(refusals(state, reversalOf(draw.id))).toEqual(['already_reversed']);
    expect(refusals(state, reversalOf(testId()))).toEqual(['unknown_entry']);
    expect(refusals(state, reversalOf(receipt.id, { reason: ' ' }))).toEqual(['reason_required']);
  });

  it('refuse undoing a draw while its waste stands', () => {
    const waste = wasteOfDraw(draw, VIAL_100, 1000);
    const state = ledgerWith(receipt, draw, waste);
    expect(refusals(state, reversalOf(draw.id))).toEqual(['draw_has_dispositions']);
    const unwasted = ledgerWith(receipt, draw, waste, reversalOf(waste.id));
    expect(unwasted.draws.get(draw.id)?.wasted).toEqual(mgOf(0));
    expect(refusals(unwasted, reversalOf(draw.id))).toEqual([]);
  });

  it('refuse undoing a receipt whose stock has since been drawn', () => {
    expect(refusals(ledgerWith(receipt, draw), reversalOf(receipt.id))).toEqual(['insufficient_stock']);
    expect(containerBalance(ledgerWith(receipt, reversalOf(receipt.id)), otherVial)).toEqual(mgOf(0));
  });

  it('refuse undoing a transfer once the moved stock has changed', () => {
    const transfer = transferOf(vial, VIAL_100, 100_000);
    const drawn = drawOf(receipt, VIAL_100, 500, { locationId: LOCATION.safeB });
    expect(refusals(ledgerWith(receipt, transfer, drawn), reversalOf(transfer.id))).toEqual(['partial_transfer']);
    const back = ledgerWith(receipt, transfer, reversalOf(transfer.id));
    expect(back.containers.get(vial)?.locationId).toBe(LOCATION.safeA);
  });

  it('of an adjustment are for a physician or administrator only', () => {
    const adjustment = adjustmentOf(vial, VIAL_100, 100);
    const state = ledgerWith(receipt, adjustment);
    expect(refusals(state, reversalOf(adjustment.id, { actor: NURSE }))).toEqual(['reversal_role']);
    expect(refusals(state, reversalOf(adjustment.id, { actor: PHYSICIAN }))).toEqual([]);
  });

  it('undo a draw at the container\'s current location after it has moved', () => {
    const drawn = drawOf(receipt, VIAL_100, 500);
    const state = ledgerWith(receipt, drawn, transferOf(vial, VIAL_100, 99_500), reversalOf(drawn.id));
    expect(state.containers.get(vial)).toMatchObject({ locationId: LOCATION.safeB, balance: mgOf(100_000) });
  });
});

describe('the pure shell around the engine', () => {
  it('leaves the input state untouched whether an entry is accepted or refused', () => {
    const state = ledgerWith(receipt);
    const before = JSON.stringify([...state.containers.values()]);
    expect(applyEntry(state, drawOf(receipt, VIAL_100, 5000)).ok).toBe(true);
    expect(applyEntry(state, drawOf(receipt, VIAL_100, 500_000)).ok).toBe(false);
    expect(JSON.stringify([...state.containers.values()])).toBe(before);
  });

  it('describes an accepted entry as the rows it changes', () => {
    const planned = planEntry(ledgerWith(receipt), transferOf(vial, VIAL_100, 100_000));
    expect(planned.ok && planned.value.effects.map((e) => [e.locationId, e.delta.hundredths])).toEqual([
      [LOCATION.safeA, -100_000],
      [LOCATION.safeB, 100_000],
    ]);
  });

  it('plans against a partial state rebuilt from the rows a request touches', () => {
    const full = ledgerWith(receipt);
    const container = full.containers.get(vial);
    const partial = ledgerStateFrom({ products: PRODUCTS, lots: [receipt.lot], containers: container ? [container] : [] });
    expect(refusals(partial, drawOf(receipt, VIAL_100, 5000))).toEqual([]);
    expect(refusals(partial, drawOf(receipt, VIAL_100, 100_010))).toEqual(['insufficient_stock']);
  });

  it('replays to the first refused entry and names it', () => {
    const bad = drawOf(receipt, VIAL_100, 500_000);
    const result = replay(emptyLedger(PRODUCTS), [receipt, drawOf(receipt, VIAL_100, 5000), bad, drawOf(receipt, VIAL_100, 5000)]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result).toMatchObject({ index: 2, entryId: bad.id });
      expect(result.unmet.map((u) => u.code)).toEqual(['insufficient_stock']);
      expect(containerBalance(result.state, vial)).toEqual(mgOf(95_000));
    }
  });

  it('maps a lone input problem to a ValidationError and stock refusals to PolicyBlocked', () => {
    expect(ledgerError([{ code: 'unit_confusion', message: 'm', path: ['amount'] }])).toBeInstanceOf(ValidationError);
    const blocked = ledgerError([{ code: 'insufficient_stock', message: 'm' }]);
    expect(blocked).toBeInstanceOf(PolicyBlocked);
    expect(blocked.kind).toBe('policy_blocked');
  });
});
