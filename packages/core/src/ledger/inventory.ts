import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { entryInstant, ledgerStaff } from './entry.js';
import { addClinicMonths, clinicDate, type ClinicDate } from './clinic-date.js';
import type { LedgerPolicy } from './policy.js';
import { containerCapacity, containerSizeLabel, isSolution, PRODUCT_FORMS, strengthLabel } from './product.js';
import { mgValue } from './quantity-schema.js';
import type { LedgerUnmet } from './result.js';
import { LEDGER_RECORDER_ROLES } from './roles.js';
import type { LedgerState } from './state.js';

/**
 * Initial and biennial inventories (21 CFR 1304.11; clinical.md §6.2 item 4): the date, whether taken
 * at opening or close of business, and per product the substance, form, strength, container size and
 * number of containers. An opened Schedule III container may be estimated, unless it holds more than
 * 1,000 tablets or capsules, which are counted exactly. An initial inventory with no stock records a
 * zero count (no lines). Signed.
 */
export const INVENTORY_KINDS = ['initial', 'biennial'] as const;
export const INVENTORY_TIMINGS = ['opening_of_business', 'closing_of_business'] as const;

/** Above this many units a container is counted exactly, even when opened. */
export const EXACT_COUNT_ABOVE_UNITS = 1000;

export const inventoryOpenedContainer = z.strictObject({
  containerId: uuid,
  quantity: mgValue.refine((mass) => mass.hundredths >= 0, 'A quantity is 0 or more'),
  estimated: z.boolean(),
});

export const inventoryLine = z.strictObject({
  productId: uuid,
  substance: z.string().trim().min(1).max(120),
  form: z.enum(PRODUCT_FORMS),
  /** "100 mg/mL", "100 mg". */
  strength: z.string().trim().min(1).max(60),
  /** "10 mL vial", "30 troches". */
  containerSize: z.string().trim().min(1).max(60),
  /** Units in a full container (troches, tablets), or null for a solution. */
  unitsPerContainer: z.int().min(1).max(100_000).nullable(),
  /** Unopened, full containers. */
  sealedContainers: z.int().min(0).max(100_000),
  openedContainers: z.array(inventoryOpenedContainer).max(10_000),
});
export type InventoryLine = z.output<typeof inventoryLine>;

export const inventoryRecord = z.strictObject({
  id: uuid,
  kind: z.enum(INVENTORY_KINDS),
  takenOn: clinicDate,
  timing: z.enum(INVENTORY_TIMINGS),
  /** Null for the whole registered location. */
  locationId: uuid.nullable(),
  lines: z.array(inventoryLine).max(500),
  signedBy: ledgerStaff,
  signedAt: entryInstant,
});
export type InventoryRecord = z.output<typeof inventoryRecord>;
export type InventoryDraft = Omit<InventoryRecord, 'id' | 'signedBy' | 'signedAt'>;

/**
 * The inventory as the ledger's books have it, for staff to check against the shelf and correct:
 * full, unopened containers are counted as sealed; the rest are listed with their book amounts.
 */
export function draftInventory(
  state: LedgerState,
  taken: { readonly kind: InventoryDraft['kind']; readonly takenOn: ClinicDate; readonly timing: InventoryDraft['timing']; readonly locationId: string | null },
): InventoryDraft {
  const lines = new Map<string, InventoryLine>();
  for (const container of state.containers.values()) {
    if (container.balance.hundredths === 0) continue;
    if (taken.locationId !== null && container.locationId !== taken.locationId) continue;
    const item = state.products.get(container.productId);
    if (!item) continue;
    const line = lines.get(item.id) ?? {
      productId: item.id,
      substance: item.substance,
      form: item.form,
      strength: strengthLabel(item),
      containerSize: containerSizeLabel(item),
      unitsPerContainer: isSolution(item) ? null : item.unitsPerContainer,
      sealedContainers: 0,
      openedContainers: [],
    };
    const sealed = !container.opened && container.balance.hundredths === containerCapacity(item).hundredths;
    lines.set(
      item.id,
      sealed
        ? { ...line, sealedContainers: line.sealedContainers + 1 }
        : { ...line, openedContainers: [...line.openedContainers, { containerId: container.containerId, quantity: container.balance, estimated: false }] },
    );
  }
  const ordered = [...lines.values()].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  return { kind: taken.kind, takenOn: taken.takenOn, timing: taken.timing, locationId: taken.locationId, lines: ordered };
}

/** Why a signed inventory cannot be kept as it is (empty when it can). */
export function inventoryProblems(record: InventoryRecord): LedgerUnmet[] {
  const problems: LedgerUnmet[] = [];
  if (!record.signedBy.roles.some((role) => LEDGER_RECORDER_ROLES.includes(role))) {
    problems.push({ code: 'signer_not_allowed', message: 'A physician, nurse or administrator signs the inventory', path: ['signedBy'] });
  }
  const products = new Set<string>();
  record.lines.forEach((line, index) => {
    if (products.has(line.productId)) problems.push({ code: 'duplicate_line', message: 'One line per product', path: ['lines', index, 'productId'] });
    products.add(line.productId);
    const mustBeExact = line.unitsPerContainer !== null && line.unitsPerContainer > EXACT_COUNT_ABOVE_UNITS;
    line.openedContainers.forEach((opened, openedIndex) => {
      if (opened.estimated && mustBeExact) {
        problems.push({
          code: 'estimate_not_allowed',
          message: `A container of more than ${EXACT_COUNT_ABOVE_UNITS} units is counted exactly`,
          path: ['lines', index, 'openedContainers', openedIndex, 'estimated'],
        });
      }
    });
  });
  return problems;
}

/** When the next inventory is due: at least every two years after the last (1304.11(c)), sooner by policy. */
export function nextInventoryDue(lastTakenOn: ClinicDate, policy: Pick<LedgerPolicy, 'inventoryIntervalMonths'>): ClinicDate {
  return addClinicMonths(lastTakenOn, policy.inventoryIntervalMonths);
}
