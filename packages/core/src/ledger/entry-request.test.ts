import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  defaultLedgerPolicy,
  emptyLedger,
  entryFromRequest,
  ledgerEntry,
  ledgerEntryRequest,
  ledgerPolicy,
  mgOf,
  replay,
  type EntryMeta,
  type LedgerEntry,
  type LedgerState,
} from './index.js';
import { drawOf, LOCATION, lotOf, NURSE, NURSE_2, PATIENT, PRODUCTS, receiptOf, SESSION, testId, TODAY, TROCHE_100, VIAL_100 } from './fixtures.js';

function ledgerWith(...entries: LedgerEntry[]): LedgerState {
  const result = replay(emptyLedger(PRODUCTS), entries);
  if (!result.ok) throw new Error(`entry ${result.index} refused`);
  return result.value;
}

function meta(overrides: Partial<EntryMeta> = {}): EntryMeta {
  return { id: testId(), at: '2025-06-02T15:00:00.000Z', localDate: TODAY, actor: NURSE, witness: null, newId: testId, ...overrides };
}

const vials = receiptOf(VIAL_100);
const vial = vials.containers[0]?.containerId ?? '';

describe('recorded entries at the boundary', () => {
  it('parse what the factories build', () => {
    expect(ledgerEntry.parse(vials)).toEqual(vials);
  });

  it('refuse an instant not in canonical ISO form, an unknown kind, and extra fields', () => {
    expect(ledgerEntry.safeParse({ ...vials, at: '2025-06-02T15:00:00Z' }).success).toBe(false);
    expect(ledgerEntry.safeParse({ ...vials, kind: 'gift' }).success).toBe(false);
    expect(ledgerEntry.safeParse({ ...vials, edited: true }).success).toBe(false);
  });
});

describe('turning a request into an entry', () => {
  it('receives full containers by default, each with a new id', () => {
    const request = ledgerEntryRequest.parse({
      kind: 'receipt',
      lot: lotOf(VIAL_100),
      locationId: LOCATION.safeA,
      invoiceNumber: 'INV-9',
      receivedOn: TODAY,
      containerCount: 2,
    });
    const entry = entryFromRequest(emptyLedger(PRODUCTS), request, meta());
    expect(entry.ok && entry.value.kind === 'receipt' && entry.value.containers.map((c) => c.amount.mass.hundredths)).toEqual([100_000, 100_000]);
    expect(entry.ok && ledgerEntry.safeParse(entry.value).success).toBe(true);
  });

  it('draws 0.35 mL as 35 mg, and refuses mg that disagree with it', () => {
    const state = ledgerWith(vials);
    const body = { kind: 'draw', containerId: vial, locationId: LOCATION.safeA, medicineSessionId: SESSION, administrationId: testId(), patientId: PATIENT };
    const entry = entryFromRequest(state, ledgerEntryRequest.parse({ ...body, amount: { mL: '0.35' } }), meta());
    expect(entry.ok && entry.value.kind === 'draw' && entry.value.amount).toEqual({ mass: mgOf(3500), volume: { unit: 'mL', microlitres: 350 } });
    expect(entry.ok && applyEntry(state, entry.value).ok).toBe(true);
    const confused = entryFromRequest(state, ledgerEntryRequest.parse({ ...body, amount: { mL: '0.35', mg: '17.5' } }), meta());
    expect(confused.ok ? [] : confused.unmet.map((u) => u.code)).toEqual(['unit_confusion']);
  });

  it('transfers the whole balance of the container', () => {
    const state = ledgerWith(vials, drawOf(vials, VIAL_100, 5000));
    const entry = entryFromRequest(state, ledgerEntryRequest.parse({ kind: 'transfer', containerId: vial, fromLocationId: LOCATION.safeA, toLocationId: LOCATION.safeB }), meta());
    expect(entry.ok && entry.value.kind === 'transfer' && entry.value.amount.mass).toEqual(mgOf(95_000));
  });

  it('returns a troche to the container and location of its draw', () => {
    const troches = receiptOf(TROCHE_100);
    const draw = drawOf(troches, TROCHE_100, 10_000);
    const state = ledgerWith(troches, draw);
    const entry = entryFromRequest(state, ledgerEntryRequest.parse({ kind: 'return_to_stock', drawEntryId: draw.id, amount: { units: 1 }, witnessId: null }), meta());
    expect(entry.ok && entry.value.kind === 'return_to_stock' && [entry.value.containerId, entry.value.locationId]).toEqual([draw.containerId, LOCATION.safeA]);
  });

  it('takes the witness only as the server confirmed them', () => {
    const draw = drawOf(vials, VIAL_100, 5000);
    const state = ledgerWith(vials, draw);
    const request = ledgerEntryRequest.parse({
      kind: 'waste',
      source: { from: 'draw', drawEntryId: draw.id },
      amount: { mg: '10' },
      method: 'denaturing_container',
      witnessId: NURSE_2.id,
    });
    const unconfirmed = entryFromRequest(state, request, meta());
    expect(unconfirmed.ok ? [] : unconfirmed.unmet.map((u) => u.code)).toEqual(['witness_required']);
    const confirmed = entryFromRequest(state, request, meta({ witness: NURSE_2 }));
    expect(confirmed.ok && confirmed.value.kind === 'waste' && confirmed.value.witness).toEqual(NURSE_2);
  });

  it('refuses quantities sent as JSON numbers', () => {
    const parsed = ledgerEntryRequest.safeParse({ kind: 'draw', containerId: vial, locationId: LOCATION.safeA, medicineSessionId: SESSION, administrationId: testId(), patientId: PATIENT, amount: { mg: 35 } });
    expect(parsed.success).toBe(false);
  });
});

describe('the ledger policy', () => {
  it('starts from conservative defaults', () => {
    expect(defaultLedgerPolicy()).toMatchObject({ deaNotifyBusinessDays: 1, form106DueDays: 45, inventoryIntervalMonths: 24, significantLossMg: '100', countSchedule: ['start_of_day', 'end_of_day'] });
  });

  it('refuses thresholds beyond the regulation, floats and unknown fields', () => {
    expect(ledgerPolicy.safeParse({ inventoryIntervalMonths: 25 }).success).toBe(false);
    expect(ledgerPolicy.safeParse({ deaNotifyBusinessDays: 2 }).success).toBe(false);
    expect(ledgerPolicy.safeParse({ significantLossMg: 12.5 }).success).toBe(false);
    expect(ledgerPolicy.safeParse({ significantLossMg: '12.505' }).success).toBe(false);
    expect(ledgerPolicy.safeParse({ countSchedule: ['end_of_day', 'end_of_day'] }).success).toBe(false);
    expect(ledgerPolicy.safeParse({ surprise: 1 }).success).toBe(false);
  });
});
