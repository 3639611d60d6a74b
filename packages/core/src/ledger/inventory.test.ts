import { describe, expect, it } from 'vitest';
import {
  controlledProductInput,
  draftInventory,
  emptyLedger,
  inventoryProblems,
  inventoryRecord,
  mgOf,
  nextInventoryDue,
  replay,
  type InventoryRecord,
  type LedgerEntry,
  type LedgerState,
} from './index.js';
import { drawOf, LOCATION, NURSE, PRODUCTS, receiptOf, testId, THERAPIST, TODAY, TROCHE_100, VIAL_100 } from './fixtures.js';

function ledgerWith(...entries: LedgerEntry[]): LedgerState {
  const result = replay(emptyLedger(PRODUCTS), entries);
  if (!result.ok) throw new Error(`entry ${result.index} refused`);
  return result.value;
}

function signed(draft: Omit<InventoryRecord, 'id' | 'signedBy' | 'signedAt'>, overrides: Partial<InventoryRecord> = {}): InventoryRecord {
  return { ...draft, id: testId(), signedBy: NURSE, signedAt: '2025-06-02T13:00:00.000Z', ...overrides };
}

describe('drafting an inventory from the books', () => {
  it('counts full, unopened containers as sealed and lists opened ones with their amounts', () => {
    const vials = receiptOf(VIAL_100, { count: 3 });
    const state = ledgerWith(vials, receiptOf(TROCHE_100), drawOf(vials, VIAL_100, 5000));
    const draft = draftInventory(state, { kind: 'biennial', takenOn: TODAY, timing: 'opening_of_business', locationId: null });
    const vialLine = draft.lines.find((line) => line.productId === VIAL_100.id);
    expect(vialLine).toMatchObject({
      substance: 'ketamine hydrochloride',
      form: 'injection_solution',
      strength: '100 mg/mL',
      containerSize: '10 mL vial',
      unitsPerContainer: null,
      sealedContainers: 2,
      openedContainers: [{ containerId: vials.containers[0]?.containerId, quantity: mgOf(95_000), estimated: false }],
    });
    expect(draft.lines.find((line) => line.productId === TROCHE_100.id)).toMatchObject({ containerSize: '30 troches', sealedContainers: 1, unitsPerContainer: 30 });
    expect(inventoryRecord.parse(signed(draft))).toBeTruthy();
    expect(inventoryProblems(signed(draft))).toEqual([]);
  });

  it('records an initial inventory of nothing as a zero count', () => {
    const draft = draftInventory(emptyLedger(PRODUCTS), { kind: 'initial', takenOn: TODAY, timing: 'closing_of_business', locationId: LOCATION.safeA });
    expect(draft.lines).toEqual([]);
    expect(inventoryProblems(signed(draft))).toEqual([]);
  });
});

describe('checking a signed inventory', () => {
  const base = { kind: 'biennial' as const, takenOn: TODAY, timing: 'closing_of_business' as const, locationId: null };
  const openedVial = { containerId: testId(), quantity: mgOf(40_000), estimated: true };

  it('allows an estimate for an opened Schedule III vial', () => {
    const line = { productId: VIAL_100.id, substance: 'ketamine hydrochloride', form: 'injection_solution' as const, strength: '100 mg/mL', containerSize: '10 mL vial', unitsPerContainer: null, sealedContainers: 0, openedContainers: [openedVial] };
    expect(inventoryProblems(signed({ ...base, lines: [line] }))).toEqual([]);
  });

  it('refuses an estimate for an opened container of more than 1,000 tablets', () => {
    const big = controlledProductInput.parse({ id: testId(), substance: 'ketamine hydrochloride', ndc: null, schedule: 'III', form: 'tablet', strength: '10', unitsPerContainer: 1001 });
    const line = { productId: big.id, substance: big.substance, form: big.form, strength: '10 mg', containerSize: '1001 tablets', unitsPerContainer: 1001, sealedContainers: 0, openedContainers: [openedVial] };
    expect(inventoryProblems(signed({ ...base, lines: [line] })).map((p) => p.code)).toEqual(['estimate_not_allowed']);
    expect(inventoryProblems(signed({ ...base, lines: [{ ...line, unitsPerContainer: 1000 }] }))).toEqual([]);
  });

  it('refuses two lines for one product and a signer without a recording role', () => {
    const line = { productId: VIAL_100.id, substance: 's', form: 'injection_solution' as const, strength: '100 mg/mL', containerSize: '10 mL vial', unitsPerContainer: null, sealedContainers: 1, openedContainers: [] };
    expect(inventoryProblems(signed({ ...base, lines: [line, line] }, { signedBy: THERAPIST })).map((p) => p.code)).toEqual(['signer_not_allowed', 'duplicate_line']);
  });

  it('falls due two years after the last, or sooner by policy', () => {
    expect(nextInventoryDue('2024-02-29', { inventoryIntervalMonths: 24 })).toBe('2026-02-28');
    expect(nextInventoryDue('2025-06-02', { inventoryIntervalMonths: 12 })).toBe('2026-06-02');
  });
});
