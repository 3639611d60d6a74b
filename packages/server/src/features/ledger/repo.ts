import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { controlledProduct, entryFromCanonical, ledgerEntry as ledgerEntrySchema, mgOf, type ContainerState, type ControlledProduct, type DrawState, type LedgerChange, type LedgerEntry, type Lot } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appUser, patient, ledgerContainer, ledgerDraw, ledgerEntry, ledgerLocation, ledgerLot, ledgerProduct } from '../../platform/db/schema/index.js';
import { entryColumns } from './entry-row.js';

/**
 * The ledger's SQL: catalogue, the rows one entry touches (locked), and the writes an accepted
 * change makes. Containers are locked in id order and draws before containers, so two requests
 * never wait on each other in opposite orders.
 */

export type LocationRow = typeof ledgerLocation.$inferSelect;
export type LotRow = typeof ledgerLot.$inferSelect;
export type ContainerRow = typeof ledgerContainer.$inferSelect;
export type DrawRow = typeof ledgerDraw.$inferSelect;
export type EntryRow = typeof ledgerEntry.$inferSelect;

export async function locations(tx: Executor, clinicId: string): Promise<LocationRow[]> {
  return tx.select().from(ledgerLocation).where(eq(ledgerLocation.clinicId, clinicId)).orderBy(asc(ledgerLocation.name));
}

export async function insertLocation(tx: Executor, row: { id: string; clinicId: string; name: string }): Promise<void> {
  await tx.insert(ledgerLocation).values(row);
}

export async function products(tx: Executor, clinicId: string): Promise<ControlledProduct[]> {
  const rows = await tx.select({ body: ledgerProduct.body }).from(ledgerProduct).where(eq(ledgerProduct.clinicId, clinicId)).orderBy(asc(ledgerProduct.createdAt), asc(ledgerProduct.id));
  return rows.map((row) => controlledProduct.parse(row.body));
}

export async function insertProduct(tx: Executor, row: { clinicId: string; product: ControlledProduct; createdBy: string }): Promise<void> {
  await tx.insert(ledgerProduct).values({ id: row.product.id, clinicId: row.clinicId, body: row.product, createdBy: row.createdBy });
}

export function lotOfRow(row: LotRow): Lot {
  return {
    id: row.id,
    productId: row.productId,
    lotNumber: row.lotNumber,
    expiresOn: row.expiresOn,
    supplier: { name: row.supplierName, address: row.supplierAddress, deaNumber: row.supplierDeaNumber },
  };
}

export async function lotByNumber(tx: Executor, clinicId: string, productId: string, lotNumber: string): Promise<LotRow | null> {
  const [row] = await tx
    .select()
    .from(ledgerLot)
    .where(and(eq(ledgerLot.clinicId, clinicId), eq(ledgerLot.productId, productId), eq(ledgerLot.lotNumber, lotNumber)))
    .limit(1);
  return row ?? null;
}

export async function lots(tx: Executor, clinicId: string, ids?: readonly string[]): Promise<LotRow[]> {
  if (ids && ids.length === 0) return [];
  return tx
    .select()
    .from(ledgerLot)
    .where(and(eq(ledgerLot.clinicId, clinicId), ids ? inArray(ledgerLot.id, [...ids]) : undefined))
    .orderBy(asc(ledgerLot.expiresOn), asc(ledgerLot.lotNumber));
}

export function containerStateOf(row: ContainerRow): ContainerState {
  return { containerId: row.id, lotId: row.lotId, productId: row.productId, locationId: row.locationId, balance: mgOf(row.balanceHundredths), opened: row.opened };
}

/** The clinic's containers with these ids, locked for the rest of the transaction (in id order). */
export async function lockContainers(tx: Executor, clinicId: string, ids: readonly string[]): Promise<ContainerRow[]> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return [];
  return tx
    .select()
    .from(ledgerContainer)
    .where(and(eq(ledgerContainer.clinicId, clinicId), inArray(ledgerContainer.id, unique)))
    .orderBy(asc(ledgerContainer.id))
    .for('update');
}

export async function containers(tx: Executor, clinicId: string, options: { readonly includeEmpty: boolean; readonly lotId?: string }): Promise<ContainerRow[]> {
  return tx
    .select()
    .from(ledgerContainer)
    .where(
      and(
        eq(ledgerContainer.clinicId, clinicId),
        options.includeEmpty ? undefined : sql`${ledgerContainer.balanceHundredths} > 0`,
        options.lotId ? eq(ledgerContainer.lotId, options.lotId) : undefined,
      ),
    )
    .orderBy(asc(ledgerContainer.label));
}

export function drawStateOf(row: DrawRow): DrawState {
  return {
    entryId: row.entryId,
    medicineSessionId: row.medicineSessionId,
    administrationId: row.administrationId,
    containerId: row.containerId,
    amount: mgOf(row.amountHundredths),
    wasted: mgOf(row.wastedHundredths),
    returned: mgOf(row.returnedHundredths),
  };
}

/** Open draws with these entry ids, locked. */
export async function lockOpenDraws(tx: Executor, clinicId: string, entryIds: readonly string[]): Promise<DrawRow[]> {
  const unique = [...new Set(entryIds)].sort();
  if (unique.length === 0) return [];
  return tx
    .select()
    .from(ledgerDraw)
    .where(and(eq(ledgerDraw.clinicId, clinicId), inArray(ledgerDraw.entryId, unique), isNull(ledgerDraw.closedByEntryId)))
    .orderBy(asc(ledgerDraw.entryId))
    .for('update');
}

/** The open draw of an administration, if any (each administration has at most one). */
export async function openDrawOfAdministration(tx: Executor, clinicId: string, administrationId: string): Promise<DrawRow | null> {
  const [row] = await tx
    .select()
    .from(ledgerDraw)
    .where(and(eq(ledgerDraw.clinicId, clinicId), eq(ledgerDraw.administrationId, administrationId), isNull(ledgerDraw.closedByEntryId)))
    .limit(1);
  return row ?? null;
}

export async function openDraws(tx: Executor, clinicId: string, options: { readonly medicineSessionId?: string } = {}): Promise<DrawRow[]> {
  return tx
    .select()
    .from(ledgerDraw)
    .where(
      and(
        eq(ledgerDraw.clinicId, clinicId),
        isNull(ledgerDraw.closedByEntryId),
        options.medicineSessionId ? eq(ledgerDraw.medicineSessionId, options.medicineSessionId) : undefined,
      ),
    )
    .orderBy(asc(ledgerDraw.entryId));
}

/** A stored entry's record, as the rules take it. */
export function entryOfRow(row: Pick<EntryRow, 'content'>): LedgerEntry {
  return ledgerEntrySchema.parse(entryFromCanonical(row.content));
}

export async function entriesByIds(tx: Executor, clinicId: string, ids: readonly string[]): Promise<EntryRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(ledgerEntry).where(and(eq(ledgerEntry.clinicId, clinicId), inArray(ledgerEntry.id, [...ids])));
}

/** [reversed entry id, reversal id] for those of `ids` already reversed. */
export async function reversalsOf(tx: Executor, ids: readonly string[]): Promise<Array<readonly [string, string]>> {
  if (ids.length === 0) return [];
  const rows = await tx.select({ id: ledgerEntry.id, reverses: ledgerEntry.reversesEntryId }).from(ledgerEntry).where(inArray(ledgerEntry.reversesEntryId, [...ids]));
  return rows.flatMap((row) => (row.reverses ? [[row.reverses, row.id] as const] : []));
}

/** How many containers a lot has received (new containers are numbered after them). */
export async function containerCountOfLot(tx: Executor, lotId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<string>`count(*)` }).from(ledgerContainer).where(eq(ledgerContainer.lotId, lotId));
  return Number(row?.n ?? 0);
}

export interface WriteChange {
  readonly clinicId: string;
  readonly change: LedgerChange;
  /** The canonical JSON of the entry (what the chain hashes). */
  readonly content: string;
  /** Labels for containers a receipt brings in. */
  readonly labels: ReadonlyMap<string, string>;
  /** Existing container ids (the rest of `change.containers` are new). */
  readonly known: ReadonlySet<string>;
  /** The patient of a draw (the draw it opens carries it). */
  readonly patientId: string | null;
  /** The lot the entry is about (a waste of a draw: the lot drawn from). */
  readonly lotId: string | null;
}

/** Writes an accepted change: the entry (sealed into the chain at commit), then the projections. */
export async function writeChange(tx: Executor, input: WriteChange): Promise<void> {
  const { change, clinicId } = input;
  const entry = change.entry;
  const lotId = input.lotId;
  if (change.newLot) {
    const lot = change.newLot;
    await tx.insert(ledgerLot).values({
      id: lot.id,
      clinicId,
      productId: lot.productId,
      lotNumber: lot.lotNumber,
      expiresOn: lot.expiresOn,
      supplierName: lot.supplier.name,
      supplierAddress: lot.supplier.address,
      supplierDeaNumber: lot.supplier.deaNumber,
    });
  }
  await tx.insert(ledgerEntry).values({ ...entryColumns(entry), clinicId, lotId, content: input.content });
  const fresh = change.containers.filter((c) => !input.known.has(c.containerId));
  if (fresh.length > 0) {
    await tx.insert(ledgerContainer).values(
      fresh.map((c) => ({
        id: c.containerId,
        clinicId,
        lotId: c.lotId,
        productId: c.productId,
        locationId: c.locationId,
        label: input.labels.get(c.containerId) ?? c.containerId.slice(0, 8),
        balanceHundredths: c.balance.hundredths,
        opened: c.opened,
        receiptEntryId: entry.id,
      })),
    );
  }
  for (const c of change.containers.filter((item) => input.known.has(item.containerId))) {
    await tx.update(ledgerContainer).set({ balanceHundredths: c.balance.hundredths, locationId: c.locationId, opened: c.opened }).where(eq(ledgerContainer.id, c.containerId));
  }
  for (const draw of change.closedDraws) {
    await tx.update(ledgerDraw).set({ closedByEntryId: entry.id }).where(eq(ledgerDraw.entryId, draw.entryId));
  }
  for (const draw of change.draws) {
    if (draw.entryId === entry.id && input.patientId) {
      await tx.insert(ledgerDraw).values({
        entryId: draw.entryId,
        clinicId,
        medicineSessionId: draw.medicineSessionId,
        administrationId: draw.administrationId,
        patientId: input.patientId,
        containerId: draw.containerId,
        amountHundredths: draw.amount.hundredths,
      });
    } else {
      await tx
        .update(ledgerDraw)
        .set({ wastedHundredths: draw.wasted.hundredths, returnedHundredths: draw.returned.hundredths })
        .where(eq(ledgerDraw.entryId, draw.entryId));
    }
  }
}

/** Active staff of the clinic holding a licensed role (who may witness), by name. */
export async function licensedStaff(tx: Executor, clinicId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await tx
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(and(eq(appUser.clinicId, clinicId), eq(appUser.kind, 'staff'), eq(appUser.active, true), sql`${appUser.roles} && ARRAY['physician','nurse']::text[]`))
    .orderBy(asc(appUser.displayName));
  return rows;
}

/** Staff names by id (a record shows who, as they are named now). */
export async function staffNames(tx: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, unique));
  return new Map(rows.map((row) => [row.id, row.name] as const));
}

export interface EntryListOptions {
  readonly from?: string;
  readonly to?: string;
  readonly containerId?: string;
  readonly lotId?: string;
  readonly kinds?: readonly string[];
  readonly limit: number;
  readonly order: 'newest' | 'oldest';
}

/** Entries of the clinic, filtered by clinic-local date, container, lot or kind. */
export async function listEntryRows(tx: Executor, clinicId: string, options: EntryListOptions): Promise<EntryRow[]> {
  return tx
    .select()
    .from(ledgerEntry)
    .where(
      and(
        eq(ledgerEntry.clinicId, clinicId),
        options.from ? sql`${ledgerEntry.localDate} >= ${options.from}` : undefined,
        options.to ? sql`${ledgerEntry.localDate} <= ${options.to}` : undefined,
        options.containerId ? eq(ledgerEntry.containerId, options.containerId) : undefined,
        options.lotId ? eq(ledgerEntry.lotId, options.lotId) : undefined,
        options.kinds ? inArray(ledgerEntry.kind, [...options.kinds]) : undefined,
      ),
    )
    .orderBy(options.order === 'newest' ? desc(ledgerEntry.at) : asc(ledgerEntry.at), options.order === 'newest' ? desc(ledgerEntry.id) : asc(ledgerEntry.id))
    .limit(options.limit);
}

export async function containersByIds(tx: Executor, ids: readonly string[]): Promise<ContainerRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return tx.select().from(ledgerContainer).where(inArray(ledgerContainer.id, unique));
}

/** Every staff name of the clinic by id (printed logs name who recorded and witnessed). */
export async function clinicStaffNames(tx: Executor, clinicId: string): Promise<Map<string, string>> {
  const rows = await tx.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(and(eq(appUser.clinicId, clinicId), eq(appUser.kind, 'staff')));
  return new Map(rows.map((row) => [row.id, row.name] as const));
}

/** A patient as the dispensing log prints them. */
export interface LogPatient {
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly line1: string | null;
  readonly line2: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly postalCode: string | null;
}

/** Names and addresses for the dispensing log (1304.22(c)); the caller audits each patient. */
export async function patientsForLog(tx: Executor, clinicId: string, ids: readonly string[]): Promise<LogPatient[]> {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: patient.id,
      given: patient.legalGivenName,
      family: patient.legalFamilyName,
      line1: patient.addressLine1,
      line2: patient.addressLine2,
      city: patient.addressCity,
      state: patient.addressState,
      postalCode: patient.addressPostalCode,
    })
    .from(patient)
    .where(and(eq(patient.clinicId, clinicId), inArray(patient.id, [...ids])));
}
