import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';
import { appUser } from './identity.js';
import { patient } from './patients.js';

/**
 * The controlled-substance ledger (issue #6; clinical.md §6; 21 CFR 1304). `ledger_entry` is the
 * record: append-only (triggers refuse UPDATE, DELETE and TRUNCATE) and hash-chained like the audit
 * trail (sealed at commit, migration 0009's `ledger_entry_seal`). `ledger_container` and
 * `ledger_draw` are projections of the entries, updated in the same transaction under row locks, so
 * concurrent draws serialise on the container they empty; `lantern ledger verify` recomputes both
 * from the entries. Quantities are integer hundredths of a milligram.
 */

/** A storage location (e.g. "Safe A"), named by the clinic. */
export const ledgerLocation = pgTable(
  'ledger_location',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ledger_location_name_uq').on(t.clinicId, sql`lower(${t.name})`)],
);

/** A product the clinic stocks; `body` is the core `ControlledProduct`. Never edited. */
export const ledgerProduct = pgTable('ledger_product', {
  id: uuid('id').primaryKey(),
  clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
  body: jsonb('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by').references(() => appUser.id),
});

/** A manufacturer's lot, registered by its first receipt. Never edited. */
export const ledgerLot = pgTable(
  'ledger_lot',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    productId: uuid('product_id').notNull().references(() => ledgerProduct.id),
    lotNumber: text('lot_number').notNull(),
    expiresOn: date('expires_on').notNull(),
    supplierName: text('supplier_name').notNull(),
    supplierAddress: text('supplier_address').notNull(),
    supplierDeaNumber: text('supplier_dea_number').notNull(),
  },
  (t) => [uniqueIndex('ledger_lot_number_uq').on(t.clinicId, t.productId, t.lotNumber)],
);

/** One vial or bottle: where it is and what it holds now (the sum of its entries; never below 0). */
export const ledgerContainer = pgTable(
  'ledger_container',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    lotId: uuid('lot_id').notNull().references(() => ledgerLot.id),
    productId: uuid('product_id').notNull().references(() => ledgerProduct.id),
    locationId: uuid('location_id').notNull().references(() => ledgerLocation.id),
    /** "Lot KX1234 #3": how staff tell containers apart. */
    label: text('label').notNull(),
    balanceHundredths: bigint('balance_hundredths', { mode: 'number' }).notNull(),
    opened: boolean('opened').notNull().default(false),
    receiptEntryId: uuid('receipt_entry_id').notNull(),
  },
  (t) => [index('ledger_container_lot_idx').on(t.lotId), index('ledger_container_location_idx').on(t.clinicId, t.locationId), check('ledger_container_balance_ck', sql`${t.balanceHundredths} >= 0`)],
);

/** A draw and what has since been wasted from it or returned; closed when the draw is reversed. */
export const ledgerDraw = pgTable(
  'ledger_draw',
  {
    entryId: uuid('entry_id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    medicineSessionId: uuid('medicine_session_id').notNull(),
    administrationId: uuid('administration_id').notNull(),
    patientId: uuid('patient_id').notNull().references(() => patient.id),
    containerId: uuid('container_id').notNull().references(() => ledgerContainer.id),
    amountHundredths: bigint('amount_hundredths', { mode: 'number' }).notNull(),
    wastedHundredths: bigint('wasted_hundredths', { mode: 'number' }).notNull().default(0),
    returnedHundredths: bigint('returned_hundredths', { mode: 'number' }).notNull().default(0),
    closedByEntryId: uuid('closed_by_entry_id'),
  },
  (t) => [
    // One open draw per administration, even under concurrent requests.
    uniqueIndex('ledger_draw_administration_uq').on(t.administrationId).where(sql`${t.closedByEntryId} IS NULL`),
    index('ledger_draw_session_idx').on(t.medicineSessionId),
    check('ledger_draw_accounted_ck', sql`${t.wastedHundredths} >= 0 AND ${t.returnedHundredths} >= 0 AND ${t.wastedHundredths} + ${t.returnedHundredths} <= ${t.amountHundredths}`),
  ],
);

/**
 * One ledger entry. `content` is the canonical JSON of the core `LedgerEntry` (canonical.ts): the
 * record itself, and exactly what the chain hashes. The other columns index it for queries and are
 * checked against it by `lantern ledger verify`.
 */
export const ledgerEntry = pgTable(
  'ledger_entry',
  {
    id: uuid('id').primaryKey(),
    /** Position in the chain; assigned at commit. */
    seq: bigint('seq', { mode: 'number' }).unique(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    localDate: date('local_date').notNull(),
    actorId: uuid('actor_id').notNull().references(() => appUser.id),
    witnessId: uuid('witness_id').references(() => appUser.id),
    /** The container the entry is about (null for a receipt, which brings several, and a reversal). */
    containerId: uuid('container_id'),
    lotId: uuid('lot_id'),
    patientId: uuid('patient_id').references(() => patient.id),
    /** The record the entry serves, e.g. 'medicine_session' and its id. */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    reversesEntryId: uuid('reverses_entry_id'),
    content: text('content').notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('ledger_entry_clinic_at_idx').on(t.clinicId, t.at),
    index('ledger_entry_container_idx').on(t.containerId),
    index('ledger_entry_lot_idx').on(t.lotId),
    index('ledger_entry_source_idx').on(t.sourceType, t.sourceId),
    // An entry is reversed at most once, even under concurrent requests.
    uniqueIndex('ledger_entry_reverses_uq').on(t.reversesEntryId),
  ],
);

/** The ledger chain's head: one row, updated as each entry is sealed at commit. */
export const ledgerChainHead = pgTable('ledger_chain_head', {
  id: text('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  prevHash: text('prev_hash').notNull(),
});

/** A count by two signed-in people: per container, expected and counted (core `CountLineResult`). Never edited. */
export const ledgerCount = pgTable(
  'ledger_count',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    kind: text('kind').notNull(),
    locationId: uuid('location_id').notNull().references(() => ledgerLocation.id),
    countedOn: date('counted_on').notNull(),
    countedAt: timestamp('counted_at', { withTimezone: true, precision: 3 }).notNull(),
    firstCounterId: uuid('first_counter_id').notNull().references(() => appUser.id),
    secondCounterId: uuid('second_counter_id').notNull().references(() => appUser.id),
    lines: jsonb('lines').notNull(),
  },
  (t) => [
    // A scheduled count is taken once per location per day (core isDuplicateCount).
    uniqueIndex('ledger_count_scheduled_uq').on(t.clinicId, t.locationId, t.kind, t.countedOn).where(sql`${t.kind} <> 'ad_hoc'`),
    index('ledger_count_on_idx').on(t.clinicId, t.countedOn),
  ],
);

/** A count's difference beyond tolerance. Never edited; its resolution is a row of its own. */
export const ledgerDiscrepancy = pgTable(
  'ledger_discrepancy',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    countId: uuid('count_id').notNull().references(() => ledgerCount.id),
    containerId: uuid('container_id').notNull().references(() => ledgerContainer.id),
    foundOn: date('found_on').notNull(),
    expectedHundredths: bigint('expected_hundredths', { mode: 'number' }).notNull(),
    countedHundredths: bigint('counted_hundredths', { mode: 'number' }).notNull(),
    differenceHundredths: bigint('difference_hundredths', { mode: 'number' }).notNull(),
  },
  (t) => [index('ledger_discrepancy_found_idx').on(t.clinicId, t.foundOn)],
);

/** How a discrepancy was resolved (once): explained, adjusted, or reported as a loss. */
export const ledgerDiscrepancyResolution = pgTable('ledger_discrepancy_resolution', {
  discrepancyId: uuid('discrepancy_id').primaryKey().references(() => ledgerDiscrepancy.id),
  resolution: text('resolution').notNull(),
  reason: text('reason').notNull(),
  adjustmentEntryId: uuid('adjustment_entry_id').references(() => ledgerEntry.id),
  lossEntryId: uuid('loss_entry_id').references(() => ledgerEntry.id),
  resolvedBy: uuid('resolved_by').notNull().references(() => appUser.id),
  resolvedAt: timestamp('resolved_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** An initial or biennial inventory, signed (core `InventoryRecord`). Never edited. */
export const ledgerInventory = pgTable(
  'ledger_inventory',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    kind: text('kind').notNull(),
    takenOn: date('taken_on').notNull(),
    timing: text('timing').notNull(),
    locationId: uuid('location_id').references(() => ledgerLocation.id),
    lines: jsonb('lines').notNull(),
    signedBy: uuid('signed_by').notNull().references(() => appUser.id),
    signedByName: text('signed_by_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('ledger_inventory_taken_idx').on(t.clinicId, t.takenOn)],
);

/** A theft or significant loss and its reporting checklist (due dates fixed when it is opened). Never edited. */
export const ledgerLossReport = pgTable('ledger_loss_report', {
  id: uuid('id').primaryKey(),
  clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
  discoveredOn: date('discovered_on').notNull(),
  lossKind: text('loss_kind').notNull(),
  amountHundredths: bigint('amount_hundredths', { mode: 'number' }).notNull(),
  lossEntryIds: jsonb('loss_entry_ids').notNull(),
  reasons: jsonb('reasons').notNull(),
  /** Core `LossChecklistStep[]` as opened (nothing completed). */
  steps: jsonb('steps').notNull(),
  openedBy: uuid('opened_by').notNull().references(() => appUser.id),
  openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** One completed checklist step (once per step). */
export const ledgerLossStepDone = pgTable(
  'ledger_loss_step_done',
  {
    id: uuid('id').primaryKey(),
    lossReportId: uuid('loss_report_id').notNull().references(() => ledgerLossReport.id),
    step: text('step').notNull(),
    completedOn: date('completed_on').notNull(),
    reference: text('reference'),
    completedBy: uuid('completed_by').notNull().references(() => appUser.id),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('ledger_loss_step_done_uq').on(t.lossReportId, t.step)],
);
