import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { clinicDate } from './clinic-date.js';
import { COUNT_KINDS, countRequest } from './count.js';
import { DISCREPANCY_RESOLUTIONS } from './discrepancy.js';
import { ENTRY_KINDS } from './entry.js';
import { ledgerEntryRequest } from './entry-request.js';
import { INVENTORY_KINDS, INVENTORY_TIMINGS } from './inventory.js';
import { LOSS_STEPS } from './loss.js';
import { PRODUCT_FORMS } from './product.js';
import { mgText } from './quantity-schema.js';

/**
 * The ledger's HTTP shapes (issue #6), shared by the server's routes and the web app. Quantities go
 * out as exact decimal text ("12.50" mg, "0.125" mL), never as JSON numbers.
 */

/**
 * A second person confirming on this device, at this moment, with their own password and
 * authenticator code: a waste witness, the second counter of a count, the signer of an inventory.
 */
export const reauthentication = z.strictObject({
  userId: uuid,
  password: z.string().min(1, 'Enter the password').max(200),
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code from the authenticator app')
    .optional(),
});
export type Reauthentication = z.output<typeof reauthentication>;

export const idParams = z.strictObject({ id: uuid });

export const newLocationRequest = z.strictObject({ name: z.string().trim().min(1, 'Name the location').max(80) });
export const locationView = z.object({ id: uuid, name: z.string() });
export type LocationView = z.output<typeof locationView>;

export const productView = z.object({
  id: uuid,
  /** "ketamine hydrochloride injection 100 mg/mL, 10 mL vial". */
  label: z.string(),
  substance: z.string(),
  form: z.enum(PRODUCT_FORMS),
  strength: z.string(),
  containerSize: z.string(),
  ndc: z.string().nullable(),
  schedule: z.literal('III'),
  /** What a full container holds, in mg. */
  capacityMg: z.string(),
  concentrationMgPerMl: z.string().nullable(),
  unitsPerContainer: z.number().int().nullable(),
});
export type ProductView = z.output<typeof productView>;

export const containerView = z.object({
  id: uuid,
  label: z.string(),
  productId: uuid,
  lotId: uuid,
  lotNumber: z.string(),
  expiresOn: z.string(),
  expired: z.boolean(),
  supplierName: z.string(),
  locationId: uuid,
  locationName: z.string(),
  balanceMg: z.string(),
  /** Remaining volume of a solution. */
  balanceMl: z.string().nullable(),
  opened: z.boolean(),
});
export type ContainerView = z.output<typeof containerView>;

export const openDrawView = z.object({
  entryId: uuid,
  medicineSessionId: uuid,
  administrationId: uuid,
  containerId: uuid,
  containerLabel: z.string(),
  drawnMg: z.string(),
  wastedMg: z.string(),
  returnedMg: z.string(),
  /** Drawn less wasted and returned: what the session still has to account for. */
  outstandingMg: z.string(),
});
export type OpenDrawView = z.output<typeof openDrawView>;

export const stockView = z.object({
  today: z.string(),
  locations: z.array(locationView),
  products: z.array(productView),
  containers: z.array(containerView),
  openDraws: z.array(openDrawView),
  /** Staff who may witness (licensed, not the caller): the witness picks their own name on the device. */
  witnesses: z.array(z.object({ id: uuid, name: z.string() })),
});
export type StockView = z.output<typeof stockView>;

export const stockQuery = z.strictObject({ includeEmpty: z.enum(['true', 'false']).optional() });

/** Record one entry; `witness` re-authenticates the person the entry names as its witness. */
export const recordEntryRequest = z.strictObject({
  entry: ledgerEntryRequest,
  witness: reauthentication.nullable().default(null),
});
export type RecordEntryRequest = z.output<typeof recordEntryRequest>;

export const entryView = z.object({
  id: uuid,
  seq: z.number().int().nullable(),
  kind: z.enum(ENTRY_KINDS),
  at: z.string(),
  localDate: z.string(),
  actorName: z.string(),
  witnessName: z.string().nullable(),
  containerId: uuid.nullable(),
  containerLabel: z.string().nullable(),
  lotNumber: z.string().nullable(),
  /** Signed effect on stock in mg ("-35.00"); null when the entry moves no stock (waste of a draw). */
  changeMg: z.string().nullable(),
  /** One line for people: "Draw 35 mg (0.35 mL) for a medicine session". */
  summary: z.string(),
  reversesEntryId: uuid.nullable(),
  reversedByEntryId: uuid.nullable(),
});
export type EntryView = z.output<typeof entryView>;

export const entryListQuery = z.strictObject({
  from: clinicDate.optional(),
  to: clinicDate.optional(),
  containerId: uuid.optional(),
  lotId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const sessionReconciliationRequest = z.strictObject({
  closingAs: z.enum(['completed', 'cancelled']),
  administrations: z.array(z.strictObject({ administrationId: uuid, amount: mgText })).max(50),
});

export const sessionReconciliationView = z.object({
  ok: z.boolean(),
  drawnMg: z.string(),
  administeredMg: z.string(),
  wastedMg: z.string(),
  returnedMg: z.string(),
  discrepancies: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      drawEntryId: uuid.nullable(),
      administrationId: uuid.nullable(),
      differenceMg: z.string().nullable(),
    }),
  ),
});
export type SessionReconciliationView = z.output<typeof sessionReconciliationView>;

export const countSheetQuery = z.strictObject({ locationId: uuid });
export const countSheetView = z.object({
  locationId: uuid,
  today: z.string(),
  lines: z.array(
    z.object({
      containerId: uuid,
      label: z.string(),
      productLabel: z.string(),
      lotNumber: z.string(),
      form: z.enum(PRODUCT_FORMS),
      expectedMg: z.string(),
      expectedMl: z.string().nullable(),
      opened: z.boolean(),
    }),
  ),
  /** Scheduled counts already taken today at this location. */
  takenToday: z.array(z.enum(COUNT_KINDS)),
});
export type CountSheetView = z.output<typeof countSheetView>;

export const recordCountRequest = z.strictObject({ count: countRequest, secondCounter: reauthentication });

export const discrepancyView = z.object({
  id: uuid,
  countId: uuid,
  containerId: uuid,
  containerLabel: z.string(),
  foundOn: z.string(),
  expectedMg: z.string(),
  countedMg: z.string(),
  differenceMg: z.string(),
  resolution: z.enum(DISCREPANCY_RESOLUTIONS),
  reason: z.string().nullable(),
});
export type DiscrepancyView = z.output<typeof discrepancyView>;

export const countView = z.object({
  id: uuid,
  kind: z.enum(COUNT_KINDS),
  locationId: uuid,
  countedOn: z.string(),
  countedAt: z.string(),
  counters: z.array(z.string()),
  lines: z.array(
    z.object({ containerId: uuid, containerLabel: z.string(), expectedMg: z.string(), countedMg: z.string(), differenceMg: z.string(), estimated: z.boolean() }),
  ),
  discrepancies: z.array(discrepancyView),
  /** The policy's small-loss pattern, judged as of this count. */
  smallLossPattern: z.object({ flagged: z.boolean(), count: z.number().int(), totalMg: z.string(), reasons: z.array(z.string()) }),
  /** A shortfall this count found that is a significant loss: open the loss checklist. */
  significantLoss: z.object({ significant: z.boolean(), reasons: z.array(z.string()) }),
});
export type CountView = z.output<typeof countView>;

export const resolveDiscrepancyRequest = z.strictObject({
  resolution: z.enum(['explained', 'adjusted', 'reported_as_loss']),
  reason: z.string().trim().min(1, 'Say what caused the difference').max(1000),
  adjustmentEntryId: uuid.nullable().default(null),
  lossEntryId: uuid.nullable().default(null),
});

export const newInventoryRequest = z.strictObject({
  kind: z.enum(INVENTORY_KINDS),
  timing: z.enum(INVENTORY_TIMINGS),
  locationId: uuid.nullable(),
  /** Counted or estimated amounts of opened containers, where the shelf differs from the books. */
  openedContainers: z.array(z.strictObject({ containerId: uuid, quantity: mgText, estimated: z.boolean() })).max(2000).default([]),
  /** The signer confirms with their own password (and code): this is their signature. */
  signature: reauthentication,
});

export const inventoryView = z.object({
  id: uuid,
  kind: z.enum(INVENTORY_KINDS),
  takenOn: z.string(),
  timing: z.enum(INVENTORY_TIMINGS),
  locationId: uuid.nullable(),
  signedByName: z.string(),
  signedAt: z.string(),
  lines: z.array(
    z.object({
      productId: uuid,
      substance: z.string(),
      form: z.enum(PRODUCT_FORMS),
      strength: z.string(),
      containerSize: z.string(),
      sealedContainers: z.number().int(),
      openedContainers: z.array(z.object({ containerId: uuid, quantityMg: z.string(), estimated: z.boolean() })),
    }),
  ),
  nextDueOn: z.string(),
});
export type InventoryView = z.output<typeof inventoryView>;

export const newLossReportRequest = z.strictObject({
  lossKind: z.enum(['theft', 'loss']),
  discoveredOn: clinicDate,
  lossEntryIds: z.array(uuid).min(1, 'Name the loss/theft entries').max(100),
});

export const completeLossStepRequest = z.strictObject({
  completedOn: clinicDate,
  reference: z.string().trim().max(100).nullable().default(null),
});
export const lossStepParams = z.strictObject({ id: uuid, step: z.enum(LOSS_STEPS) });

export const lossReportView = z.object({
  id: uuid,
  discoveredOn: z.string(),
  lossKind: z.enum(['theft', 'loss']),
  amountMg: z.string(),
  /** The loss/theft entries the report covers; each entry is on one report at most. */
  lossEntryIds: z.array(uuid),
  reasons: z.array(z.string()),
  steps: z.array(
    z.object({
      step: z.enum(LOSS_STEPS),
      label: z.string(),
      dueOn: z.string(),
      completedOn: z.string().nullable(),
      reference: z.string().nullable(),
      completedByName: z.string().nullable(),
      status: z.enum(['open', 'overdue', 'done', 'done_late']),
    }),
  ),
});
export type LossReportView = z.output<typeof lossReportView>;

export const LEDGER_REPORTS = ['receipts', 'dispensing', 'waste', 'counts', 'inventories', 'lot-history'] as const;
export type LedgerReportKind = (typeof LEDGER_REPORTS)[number];

export const LEDGER_REPORT_TITLES: Record<LedgerReportKind, string> = {
  receipts: 'Receipts log',
  dispensing: 'Dispensing / administration log',
  waste: 'Waste log',
  counts: 'Count and discrepancy log',
  inventories: 'Inventories',
  'lot-history': 'Per-lot history',
};

export const reportParams = z.strictObject({ report: z.enum(LEDGER_REPORTS) });
export const reportQuery = z
  .strictObject({
    from: clinicDate,
    to: clinicDate,
    format: z.enum(['csv', 'pdf']).default('csv'),
    /** For the per-lot history. */
    lotId: uuid.optional(),
  })
  .refine((value) => value.from <= value.to, { path: ['to'], message: 'The end date is on or after the start date' });

export const ledgerVerifyView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBad: z.object({ seq: z.number().int(), entryId: z.string().nullable(), reason: z.string() }).nullable(),
});
export type LedgerVerifyView = z.output<typeof ledgerVerifyView>;
