import {
  Conflict,
  draftInventory,
  formatMg,
  inventoryProblems,
  ledgerError,
  ledgerStateFrom,
  nextInventoryDue,
  ValidationError,
  type InventoryLine,
  type InventoryRecord,
  type InventoryView,
  type Mg,
  type Reauthentication,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { newId } from '../../platform/ids.js';
import { clinicTime } from './clinic-time.js';
import { lockContainersAt } from './count-repo.js';
import { checkCredentials, confirm, countFailedConfirmation } from './reauth.js';
import { inventories, insertInventory, type InventoryRow } from './records-repo.js';
import * as repo from './repo.js';

/**
 * Initial and biennial inventories (21 CFR 1304.11; clinical.md §6.2 item 4). The draft comes from the
 * books (sealed containers counted, opened ones listed); staff enter what they find in opened
 * containers (an estimate is allowed for Schedule III unless a container holds more than 1,000 units)
 * and the signer confirms with their own password and code. An initial inventory with no stock is a
 * zero count. Never edited.
 */

export interface NewInventory {
  readonly kind: 'initial' | 'biennial';
  readonly timing: 'opening_of_business' | 'closing_of_business';
  readonly locationId: string | null;
  readonly openedContainers: ReadonlyArray<{ readonly containerId: string; readonly quantity: Mg; readonly estimated: boolean }>;
  readonly signature: Reauthentication;
}

function inventoryView(row: InventoryRow, intervalMonths: number): InventoryView {
  const lines = row.lines as InventoryLine[];
  return {
    id: row.id,
    kind: row.kind as InventoryView['kind'],
    takenOn: row.takenOn,
    timing: row.timing as InventoryView['timing'],
    locationId: row.locationId,
    signedByName: row.signedByName,
    signedAt: row.signedAt.toISOString(),
    lines: lines.map((line) => ({
      productId: line.productId,
      substance: line.substance,
      form: line.form,
      strength: line.strength,
      containerSize: line.containerSize,
      sealedContainers: line.sealedContainers,
      openedContainers: line.openedContainers.map((c) => ({ containerId: c.containerId, quantityMg: formatMg(c.quantity), estimated: c.estimated })),
    })),
    nextDueOn: nextInventoryDue(row.takenOn, { inventoryIntervalMonths: intervalMonths }),
  };
}

/** The draft's lines with staff's amounts for opened containers; a container not on the draft is refused. */
function withCounted(lines: readonly InventoryLine[], counted: NewInventory['openedContainers']): InventoryLine[] {
  const byId = new Map(counted.map((c) => [c.containerId, c] as const));
  const used = new Set<string>();
  const result = lines.map((line) => ({
    ...line,
    openedContainers: line.openedContainers.map((opened) => {
      const entered = byId.get(opened.containerId);
      if (!entered) return opened;
      used.add(opened.containerId);
      return { containerId: opened.containerId, quantity: entered.quantity, estimated: entered.estimated };
    }),
  }));
  const stray = counted.findIndex((c) => !used.has(c.containerId));
  if (stray >= 0) throw new ValidationError(['openedContainers', stray, 'containerId'], 'This container is not an opened container on the inventory');
  return result;
}

export async function takeInventory(deps: AppDeps, ctx: AuthedContext, input: NewInventory): Promise<InventoryView> {
  const clinicId = ctx.auth.user.clinicId;
  if (input.signature.userId !== ctx.auth.user.id) throw new ValidationError(['signature', 'userId'], 'The inventory is signed by the person taking it');
  const checked = await checkCredentials(deps, clinicId, input.signature, ctx.now);
  try {
    return await transact(deps.db, ctx, async (tx, audit) => {
      const { policy } = await deps.policies.current(clinicId, tx);
      const { today } = await clinicTime(tx, ctx);
      if (input.locationId && !(await repo.locations(tx, clinicId)).some((row) => row.id === input.locationId)) {
        throw new ValidationError(['locationId'], 'No such storage location');
      }
      if (input.kind === 'initial' && (await inventories(tx, clinicId, { kind: 'initial' })).length > 0) {
        throw new Conflict('The initial inventory has already been taken; take a biennial inventory instead', 'initial_inventory_exists');
      }
      const signer = await confirm(tx, { checked, clinicId, purpose: 'signature', audit, now: ctx.now });
      const rows = await lockContainersAt(tx, clinicId, input.locationId);
      const products = await repo.products(tx, clinicId);
      const lots = await repo.lots(tx, clinicId, [...new Set(rows.map((row) => row.lotId))]);
      const state = ledgerStateFrom({ products, lots: lots.map(repo.lotOfRow), containers: rows.map(repo.containerStateOf) });
      const draft = draftInventory(state, { kind: input.kind, takenOn: today, timing: input.timing, locationId: input.locationId });
      const record: InventoryRecord = {
        ...draft,
        lines: withCounted(draft.lines, input.openedContainers),
        id: newId(),
        signedBy: { id: signer.id, roles: signer.roles },
        signedAt: ctx.now.toISOString(),
      };
      const problems = inventoryProblems(record);
      if (problems.length > 0) throw ledgerError(problems);
      const row: InventoryRow = {
        id: record.id,
        clinicId,
        kind: record.kind,
        takenOn: record.takenOn,
        timing: record.timing,
        locationId: record.locationId,
        lines: record.lines,
        signedBy: signer.id,
        signedByName: signer.name,
        signedAt: ctx.now,
      };
      await insertInventory(tx, row);
      audit.record({ action: 'create', resourceType: 'LedgerInventory', resourceId: record.id, detail: { kind: record.kind, lines: record.lines.length } });
      return inventoryView(row, policy.ledger.inventoryIntervalMonths);
    });
  } catch (error) {
    await countFailedConfirmation(deps, error, ctx.now);
    throw error;
  }
}

export async function listInventories(deps: AppDeps, ctx: AuthedContext): Promise<InventoryView[]> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const { policy } = await deps.policies.current(clinicId, tx);
    const rows = await inventories(tx, clinicId);
    audit.record({ action: 'query', resourceType: 'LedgerInventory', detail: { returned: rows.length } });
    return rows.map((row) => inventoryView(row, policy.ledger.inventoryIntervalMonths));
  });
}

