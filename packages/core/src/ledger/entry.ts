import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { staffRole } from '../roles.js';
import { ledgerAmount } from './amount.js';
import { clinicDate } from './clinic-date.js';
import { lot, supplier } from './lot.js';

/**
 * Ledger entries as recorded: append-only, each with who, when and a link to its source (issue #6,
 * clinical.md §6.2–6.3). Corrections are `reversal` entries; nothing is edited or deleted.
 * Quantities here are the exact integers of quantity.ts; entry-request.ts holds the API's shapes.
 */
export const ENTRY_KINDS = [
  'receipt',
  'transfer',
  'draw',
  'waste',
  'return_to_stock',
  'return_to_supplier',
  'destruction',
  'loss_theft',
  'adjustment',
  'reversal',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A staff member as they were when the entry was made: the roles they held then decide what they could do. */
export const ledgerStaff = z.strictObject({
  id: uuid,
  roles: z.array(staffRole).min(1).max(7),
});
export type LedgerStaff = z.output<typeof ledgerStaff>;

/** An instant in the canonical form `Date.prototype.toISOString()` gives, so it hashes the same after a round trip. */
export const entryInstant = z.iso
  .datetime()
  .refine((text) => {
    const time = Date.parse(text);
    return Number.isFinite(time) && new Date(time).toISOString() === text;
  }, 'Use an ISO instant like 2025-03-01T14:05:00.000Z');

const reference = z.string().trim().min(1, 'Give the reference').max(100);
const reason = z.string().trim().min(1, 'Give a reason').max(1000);

const meta = {
  id: uuid,
  /** When it was recorded (the server's clock). */
  at: entryInstant,
  /** The clinic-local date of `at`: expiry and due dates are judged on it. */
  localDate: clinicDate,
  actor: ledgerStaff,
  note: z.string().trim().max(1000).optional(),
};

/** One container of a receipt and what it holds. */
export const receivedContainer = z.strictObject({ containerId: uuid, amount: ledgerAmount });
export type ReceivedContainer = z.output<typeof receivedContainer>;

/** Stock in from a supplier, on an invoice or packing slip (Schedule III needs no Form 222; 1304.22(a)(2)). */
export const receiptEntry = z.strictObject({
  ...meta,
  kind: z.literal('receipt'),
  lot,
  locationId: uuid,
  invoiceNumber: reference,
  receivedOn: clinicDate,
  containers: z.array(receivedContainer).min(1).max(500),
});

/** A whole container moved from one storage location to another. */
export const transferEntry = z.strictObject({
  ...meta,
  kind: z.literal('transfer'),
  containerId: uuid,
  fromLocationId: uuid,
  toLocationId: uuid,
  amount: ledgerAmount,
});

/** Drug taken from a container for one administration of a medicine session. */
export const drawEntry = z.strictObject({
  ...meta,
  kind: z.literal('draw'),
  containerId: uuid,
  locationId: uuid,
  amount: ledgerAmount,
  medicineSessionId: uuid,
  administrationId: uuid,
  /** The patient it is for: the dispensing log names them (1304.22(c)). */
  patientId: uuid,
});

export const WASTE_METHODS = ['denaturing_container', 'sharps_container', 'other'] as const;

/** Where wasted drug came from: the rest of a draw (already out of stock) or straight from a container. */
export const wasteSource = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('draw'), drawEntryId: uuid }),
  z.strictObject({ from: z.literal('stock'), containerId: uuid, locationId: uuid }),
]);
export type WasteSource = z.output<typeof wasteSource>;

/** Drug wasted in front of a second licensed person (clinical.md §6.2 item 3). */
export const wasteEntry = z.strictObject({
  ...meta,
  kind: z.literal('waste'),
  source: wasteSource,
  amount: ledgerAmount,
  method: z.enum(WASTE_METHODS),
  methodDetail: z.string().trim().max(200).optional(),
  reason: reason.optional(),
  witness: ledgerStaff,
});

/** Drawn but unused drug put back in its container (e.g. a cancelled session's troche). */
export const returnToStockEntry = z.strictObject({
  ...meta,
  kind: z.literal('return_to_stock'),
  drawEntryId: uuid,
  containerId: uuid,
  locationId: uuid,
  amount: ledgerAmount,
  reason: reason.optional(),
  witness: ledgerStaff.nullable(),
});

/** Stock sent back to the supplier, on the supplier's return authorisation or invoice. */
export const returnToSupplierEntry = z.strictObject({
  ...meta,
  kind: z.literal('return_to_supplier'),
  containerId: uuid,
  locationId: uuid,
  amount: ledgerAmount,
  supplier,
  reference,
});

export const DESTRUCTION_METHODS = ['reverse_distributor', 'on_site'] as const;

/** Stock destroyed, recorded on DEA Form 41 (21 CFR 1317): via a reverse distributor or witnessed on site. */
export const destructionEntry = z.strictObject({
  ...meta,
  kind: z.literal('destruction'),
  containerId: uuid,
  locationId: uuid,
  amount: ledgerAmount,
  method: z.enum(DESTRUCTION_METHODS),
  form41Reference: reference,
  reverseDistributor: supplier.nullable(),
  witness: ledgerStaff.nullable(),
});

/**
 * Theft or significant loss, reported on DEA Form 106 (21 CFR 1301.76(b)). The Form 106 reference is
 * null at discovery; the significant-loss checklist tracks the filing.
 */
export const lossTheftEntry = z.strictObject({
  ...meta,
  kind: z.literal('loss_theft'),
  containerId: uuid,
  locationId: uuid,
  amount: ledgerAmount,
  lossKind: z.enum(['theft', 'loss']),
  discoveredOn: clinicDate,
  form106Reference: reference.nullable(),
});

/** A correction after a count, by a physician or administrator, with a reason. */
export const adjustmentEntry = z.strictObject({
  ...meta,
  kind: z.literal('adjustment'),
  containerId: uuid,
  locationId: uuid,
  direction: z.enum(['increase', 'decrease']),
  amount: ledgerAmount,
  reason,
  countId: uuid.nullable(),
});

/** Undoes one earlier entry exactly; the only way to correct the ledger. */
export const reversalEntry = z.strictObject({
  ...meta,
  kind: z.literal('reversal'),
  reversesEntryId: uuid,
  reason,
});

/** Any recorded ledger entry. */
export const ledgerEntry = z.discriminatedUnion('kind', [
  receiptEntry,
  transferEntry,
  drawEntry,
  wasteEntry,
  returnToStockEntry,
  returnToSupplierEntry,
  destructionEntry,
  lossTheftEntry,
  adjustmentEntry,
  reversalEntry,
]);
export type LedgerEntry = z.output<typeof ledgerEntry>;
export type ReceiptEntry = z.output<typeof receiptEntry>;
export type TransferEntry = z.output<typeof transferEntry>;
export type DrawEntry = z.output<typeof drawEntry>;
export type WasteEntry = z.output<typeof wasteEntry>;
export type ReturnToStockEntry = z.output<typeof returnToStockEntry>;
export type ReturnToSupplierEntry = z.output<typeof returnToSupplierEntry>;
export type DestructionEntry = z.output<typeof destructionEntry>;
export type LossTheftEntry = z.output<typeof lossTheftEntry>;
export type AdjustmentEntry = z.output<typeof adjustmentEntry>;
export type ReversalEntry = z.output<typeof reversalEntry>;
/** Any entry but a reversal: what a reversal may point at. */
export type ReversibleEntry = Exclude<LedgerEntry, ReversalEntry>;
