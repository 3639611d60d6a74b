import {
  Conflict,
  controlledProduct,
  drawOutstanding,
  formatMg,
  reconcileSession,
  type EntryView,
  type LocationView,
  type NewProductRequest,
  type ProductView,
  type SessionReconciliationView,
  type StockView,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/index.js';
import { transact } from '../../platform/audit/trail.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/ids.js';
import { clinicTime } from './clinic-time.js';
import * as repo from './repo.js';
import { containerView, entryView, productView } from './views.js';

/** What the ledger holds, where, and the draws still to be accounted for (every view is audited). */
export async function stock(deps: AppDeps, ctx: AuthedContext, options: { readonly includeEmpty: boolean }): Promise<StockView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const { today } = await clinicTime(tx, ctx);
    const [locations, products, containers, lots, draws, witnesses] = [
      await repo.locations(tx, clinicId),
      await repo.products(tx, clinicId),
      await repo.containers(tx, clinicId, { includeEmpty: options.includeEmpty }),
      await repo.lots(tx, clinicId),
      await repo.openDraws(tx, clinicId),
      await repo.licensedStaff(tx, clinicId),
    ];
    const byLot = new Map(lots.map((lot) => [lot.id, lot] as const));
    const byProduct = new Map(products.map((item) => [item.id, item] as const));
    const locationName = new Map(locations.map((row) => [row.id, row.name] as const));
    const labels = new Map((await repo.containersByIds(tx, draws.map((d) => d.containerId))).map((row) => [row.id, row.label] as const));
    audit.record({ action: 'read', resourceType: 'LedgerStock', detail: { containers: containers.length } });
    return {
      today,
      locations: locations.map((row) => ({ id: row.id, name: row.name })),
      products: products.map(productView),
      containers: containers.flatMap((row) => {
        const lot = byLot.get(row.lotId);
        const item = byProduct.get(row.productId);
        return lot && item ? [containerView(row, lot, item, locationName.get(row.locationId) ?? '', today)] : [];
      }),
      openDraws: draws
        .map(repo.drawStateOf)
        .filter((draw) => drawOutstanding(draw).hundredths > 0)
        .map((draw) => ({
          entryId: draw.entryId,
          medicineSessionId: draw.medicineSessionId,
          administrationId: draw.administrationId,
          containerId: draw.containerId,
          containerLabel: labels.get(draw.containerId) ?? '',
          drawnMg: formatMg(draw.amount),
          wastedMg: formatMg(draw.wasted),
          returnedMg: formatMg(draw.returned),
          outstandingMg: formatMg(drawOutstanding(draw)),
        })),
      witnesses: witnesses.filter((person) => person.id !== ctx.auth.user.id),
    };
  });
}

/** Entry views for rows, with names, container labels and reversals filled in. */
export async function entryViews(tx: Executor, clinicId: string, rows: readonly repo.EntryRow[]): Promise<EntryView[]> {
  const entries = rows.map((row) => ({ row, entry: repo.entryOfRow(row) }));
  const names = await repo.staffNames(tx, rows.flatMap((row) => [row.actorId, ...(row.witnessId ? [row.witnessId] : [])]));
  const containers = new Map((await repo.containersByIds(tx, rows.flatMap((row) => (row.containerId ? [row.containerId] : [])))).map((c) => [c.id, c] as const));
  const lots = new Map((await repo.lots(tx, clinicId)).map((lot) => [lot.id, lot] as const));
  const reversals = new Map(await repo.reversalsOf(tx, rows.map((row) => row.id)));
  const locationNames = new Map((await repo.locations(tx, clinicId)).map((row) => [row.id, row.name] as const));
  return entries.map(({ row, entry }) =>
    entryView({
      entry,
      seq: row.seq,
      actorName: names.get(row.actorId) ?? 'unknown',
      witnessName: row.witnessId ? (names.get(row.witnessId) ?? 'unknown') : null,
      containerId: row.containerId,
      containerLabel: row.containerId ? (containers.get(row.containerId)?.label ?? null) : null,
      lotNumber: row.lotId ? (lots.get(row.lotId)?.lotNumber ?? null) : null,
      reversedByEntryId: reversals.get(row.id) ?? null,
      location: (id) => locationNames.get(id) ?? 'an unknown location',
    }),
  );
}

export async function listEntries(
  deps: AppDeps,
  ctx: AuthedContext,
  query: { readonly from?: string | undefined; readonly to?: string | undefined; readonly containerId?: string | undefined; readonly lotId?: string | undefined; readonly limit: number },
): Promise<EntryView[]> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const rows = await repo.listEntryRows(tx, clinicId, {
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.containerId ? { containerId: query.containerId } : {}),
      ...(query.lotId ? { lotId: query.lotId } : {}),
      limit: query.limit,
      order: 'newest',
    });
    audit.record({ action: 'query', resourceType: 'LedgerEntry', detail: { returned: rows.length } });
    return entryViews(tx, clinicId, rows);
  });
}

/**
 * Whether a medicine session's ledger balances: every administration has exactly one draw and each
 * draw = administered + wasted + returned, to 0.01 mg (core `reconcileSession`). The session console
 * calls this before it lets a session close; a cancelled session's draws must all be wasted or returned.
 */
export async function sessionReconciliation(
  deps: AppDeps,
  ctx: AuthedContext,
  medicineSessionId: string,
  input: { readonly closingAs: 'completed' | 'cancelled'; readonly administrations: ReadonlyArray<{ readonly administrationId: string; readonly amount: { readonly unit: 'mg'; readonly hundredths: number } }> },
): Promise<SessionReconciliationView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const draws = (await repo.openDraws(tx, clinicId, { medicineSessionId })).map(repo.drawStateOf);
    const result = reconcileSession({ medicineSessionId, closingAs: input.closingAs, administrations: input.administrations, draws });
    audit.record({ action: 'execute', resourceType: 'LedgerSessionReconciliation', resourceId: medicineSessionId, detail: { ok: result.ok, discrepancies: result.discrepancies.length } });
    return {
      ok: result.ok,
      drawnMg: formatMg(result.drawn),
      administeredMg: formatMg(result.administered),
      wastedMg: formatMg(result.wasted),
      returnedMg: formatMg(result.returned),
      discrepancies: result.discrepancies.map((d) => ({
        code: d.code,
        message: d.message,
        drawEntryId: 'drawEntryId' in d ? d.drawEntryId : null,
        administrationId: 'administrationId' in d ? d.administrationId : null,
        differenceMg: 'difference' in d ? formatMg(d.difference) : null,
      })),
    };
  });
}

export async function addLocation(deps: AppDeps, ctx: AuthedContext, name: string): Promise<LocationView> {
  const clinicId = ctx.auth.user.clinicId;
  const id = newId();
  try {
    await transact(deps.db, ctx, async (tx, audit) => {
      await repo.insertLocation(tx, { id, clinicId, name });
      audit.record({ action: 'create', resourceType: 'LedgerLocation', resourceId: id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('A storage location with this name exists already', 'duplicate_location');
    throw error;
  }
  return { id, name };
}

export async function addProduct(deps: AppDeps, ctx: AuthedContext, input: NewProductRequest): Promise<ProductView> {
  const clinicId = ctx.auth.user.clinicId;
  const product = controlledProduct.parse({ ...input, id: newId() });
  await transact(deps.db, ctx, async (tx, audit) => {
    await repo.insertProduct(tx, { clinicId, product, createdBy: ctx.auth.user.id });
    audit.record({ action: 'create', resourceType: 'LedgerProduct', resourceId: product.id });
  });
  return productView(product);
}
