import type { StaffRole } from '../roles.js';
import { amountOfMass, type LedgerAmount } from './amount.js';
import type {
  AdjustmentEntry,
  DestructionEntry,
  DrawEntry,
  LedgerStaff,
  LossTheftEntry,
  ReceiptEntry,
  ReturnToStockEntry,
  ReturnToSupplierEntry,
  ReversalEntry,
  TransferEntry,
  WasteEntry,
} from './entry.js';
import type { DiscrepancyRecord } from './discrepancy.js';
import type { Lot } from './lot.js';
import { containerCapacity, type ControlledProduct } from './product.js';
import { mgOf, mgPerMlOf, mlOf } from './quantity.js';

/**
 * Typed factories for the ledger's tests (not exported from the package): products a KAP clinic
 * stocks (clinical.md §1.2–1.3), staff in each role, and entries with sensible defaults that a test
 * overrides field by field.
 */

let sequence = 0;

/** A fresh, valid RFC 9562 v4-shaped UUID, deterministic within a run. */
export function testId(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

export const LOCATION = { safeA: testId(), safeB: testId() } as const;
export const SESSION = testId();
export const PATIENT = testId();

/** Ketamine HCl injection 100 mg/mL, 10 mL vial (1000 mg). */
export const VIAL_100: ControlledProduct = {
  id: testId(),
  substance: 'ketamine hydrochloride',
  ndc: '0409-2051-05',
  schedule: 'III',
  form: 'injection_solution',
  concentration: mgPerMlOf(10_000),
  containerVolume: mlOf(10_000),
};

/** Ketamine HCl injection 50 mg/mL, 10 mL vial (500 mg). */
export const VIAL_50: ControlledProduct = { ...VIAL_100, id: testId(), ndc: null, concentration: mgPerMlOf(5_000) };

/** Compounded ketamine troche 100 mg, bottle of 30 (3000 mg). */
export const TROCHE_100: ControlledProduct = {
  id: testId(),
  substance: 'ketamine hydrochloride',
  ndc: null,
  schedule: 'III',
  form: 'troche',
  strength: mgOf(10_000),
  unitsPerContainer: 30,
};

export const PRODUCTS: readonly ControlledProduct[] = [VIAL_100, VIAL_50, TROCHE_100];

export function staff(...roles: StaffRole[]): LedgerStaff {
  return { id: testId(), roles };
}

export const NURSE = staff('nurse');
export const NURSE_2 = staff('nurse');
export const PHYSICIAN = staff('physician');
export const ADMIN = staff('admin');
export const THERAPIST = staff('therapist');

/** A supplier DEA number whose check digit is right: 1+3+5 + 2x(2+4+6) = 33. */
export const SUPPLIER_DEA = 'RB1234563';

export function lotOf(item: ControlledProduct, overrides: Partial<Lot> = {}): Lot {
  return {
    id: testId(),
    productId: item.id,
    lotNumber: `L${sequence}`,
    expiresOn: '2027-12-31',
    supplier: { name: 'Midwest Medical Supply', address: '100 Supply Way, Saint Paul, MN 55101', deaNumber: SUPPLIER_DEA },
    ...overrides,
  };
}

/** The recorded amount of `hundredths` of a mg of `item` (throws when a solution's volume is inexact). */
export function mgAmount(item: ControlledProduct, hundredths: number): LedgerAmount {
  const amount = amountOfMass(item, mgOf(hundredths));
  if (!amount.ok) throw new RangeError(`inexact amount ${hundredths} for ${item.id}`);
  return amount.value;
}

export const TODAY = '2025-06-02';

function meta(actor: LedgerStaff = NURSE): { id: string; at: string; localDate: string; actor: LedgerStaff } {
  return { id: testId(), at: '2025-06-02T15:00:00.000Z', localDate: TODAY, actor };
}

/** A receipt of `count` full containers of `item` into Safe A. */
export function receiptOf(item: ControlledProduct, overrides: Partial<ReceiptEntry> & { count?: number } = {}): ReceiptEntry {
  const { count = 1, ...rest } = overrides;
  const full = mgAmount(item, containerCapacity(item).hundredths);
  return {
    ...meta(),
    kind: 'receipt',
    lot: lotOf(item),
    locationId: LOCATION.safeA,
    invoiceNumber: 'INV-1001',
    receivedOn: TODAY,
    containers: Array.from({ length: count }, () => ({ containerId: testId(), amount: full })),
    ...rest,
  };
}

export function drawOf(receipt: ReceiptEntry, item: ControlledProduct, hundredths: number, overrides: Partial<DrawEntry> = {}): DrawEntry {
  return {
    ...meta(),
    kind: 'draw',
    containerId: receipt.containers[0]?.containerId ?? '',
    locationId: receipt.locationId,
    amount: mgAmount(item, hundredths),
    medicineSessionId: SESSION,
    administrationId: testId(),
    patientId: PATIENT,
    ...overrides,
  };
}

export function wasteOfDraw(draw: DrawEntry, item: ControlledProduct, hundredths: number, overrides: Partial<WasteEntry> = {}): WasteEntry {
  return {
    ...meta(),
    kind: 'waste',
    source: { from: 'draw', drawEntryId: draw.id },
    amount: mgAmount(item, hundredths),
    method: 'denaturing_container',
    witness: NURSE_2,
    ...overrides,
  };
}

export function wasteOfStock(containerId: string, item: ControlledProduct, hundredths: number, overrides: Partial<WasteEntry> = {}): WasteEntry {
  return {
    ...meta(),
    kind: 'waste',
    source: { from: 'stock', containerId, locationId: LOCATION.safeA },
    amount: mgAmount(item, hundredths),
    method: 'denaturing_container',
    reason: 'Single-dose vial remainder',
    witness: NURSE_2,
    ...overrides,
  };
}

export function returnOf(draw: DrawEntry, item: ControlledProduct, hundredths: number, overrides: Partial<ReturnToStockEntry> = {}): ReturnToStockEntry {
  return {
    ...meta(),
    kind: 'return_to_stock',
    drawEntryId: draw.id,
    containerId: draw.containerId,
    locationId: draw.locationId,
    amount: mgAmount(item, hundredths),
    reason: 'Session cancelled',
    witness: NURSE_2,
    ...overrides,
  };
}

export function transferOf(containerId: string, item: ControlledProduct, hundredths: number, overrides: Partial<TransferEntry> = {}): TransferEntry {
  return {
    ...meta(),
    kind: 'transfer',
    containerId,
    fromLocationId: LOCATION.safeA,
    toLocationId: LOCATION.safeB,
    amount: mgAmount(item, hundredths),
    ...overrides,
  };
}

export function returnToSupplierOf(containerId: string, item: ControlledProduct, hundredths: number, overrides: Partial<ReturnToSupplierEntry> = {}): ReturnToSupplierEntry {
  return {
    ...meta(),
    kind: 'return_to_supplier',
    containerId,
    locationId: LOCATION.safeA,
    amount: mgAmount(item, hundredths),
    supplier: { name: 'Midwest Medical Supply', address: '100 Supply Way, Saint Paul, MN 55101', deaNumber: SUPPLIER_DEA },
    reference: 'RA-77',
    ...overrides,
  };
}

export function destructionOf(containerId: string, item: ControlledProduct, hundredths: number, overrides: Partial<DestructionEntry> = {}): DestructionEntry {
  return {
    ...meta(),
    kind: 'destruction',
    containerId,
    locationId: LOCATION.safeA,
    amount: mgAmount(item, hundredths),
    method: 'on_site',
    form41Reference: 'F41-2025-003',
    reverseDistributor: null,
    witness: NURSE_2,
    ...overrides,
  };
}

export function lossOf(containerId: string, item: ControlledProduct, hundredths: number, overrides: Partial<LossTheftEntry> = {}): LossTheftEntry {
  return {
    ...meta(),
    kind: 'loss_theft',
    containerId,
    locationId: LOCATION.safeA,
    amount: mgAmount(item, hundredths),
    lossKind: 'loss',
    discoveredOn: TODAY,
    form106Reference: null,
    ...overrides,
  };
}

export function adjustmentOf(containerId: string, item: ControlledProduct, hundredths: number, overrides: Partial<AdjustmentEntry> = {}): AdjustmentEntry {
  return {
    ...meta(PHYSICIAN),
    kind: 'adjustment',
    containerId,
    locationId: LOCATION.safeA,
    direction: 'decrease',
    amount: mgAmount(item, hundredths),
    reason: 'End-of-day count found less than the book amount',
    countId: null,
    ...overrides,
  };
}

export function reversalOf(entryId: string, overrides: Partial<ReversalEntry> = {}): ReversalEntry {
  return { ...meta(PHYSICIAN), kind: 'reversal', reversesEntryId: entryId, reason: 'Recorded against the wrong container', ...overrides };
}

/** A count's discrepancy on `containerId`: 5 mg short, not yet resolved. */
export function discrepancyOf(containerId: string, overrides: Partial<DiscrepancyRecord> = {}): DiscrepancyRecord {
  return {
    id: testId(),
    countId: testId(),
    containerId,
    foundOn: TODAY,
    expected: mgOf(96_500),
    counted: mgOf(96_000),
    difference: mgOf(-500),
    reason: null,
    resolution: 'unresolved',
    adjustmentEntryId: null,
    lossEntryId: null,
    resolvedBy: null,
    ...overrides,
  };
}
