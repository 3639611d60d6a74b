import { checkLedgerAmount, type LedgerAmount } from './amount.js';
import type { BalanceEffect } from './change.js';
import type { Lot } from './lot.js';
import type { ControlledProduct } from './product.js';
import { addMg, describeQuantity, type Mg } from './quantity.js';
import type { LedgerResult, LedgerUnmet } from './result.js';
import type { ContainerState, LedgerState } from './state.js';

/** A container with its product and lot, found at the location an entry names. */
export interface Located {
  readonly container: ContainerState;
  readonly product: ControlledProduct;
  readonly lot: Lot;
}

type Path = ReadonlyArray<string | number>;

/** Pushes a refusal's reasons into `problems` and gives back the value, or null. */
export function take<T>(problems: LedgerUnmet[], result: LedgerResult<T>): T | null {
  if (result.ok) return result.value;
  problems.push(...result.unmet);
  return null;
}

/** The container, its product and lot; refused if unknown, or kept at another location than `locationId`. */
export function locate(state: LedgerState, containerId: string, locationId: string | null, path: Path = ['containerId']): LedgerResult<Located> {
  const container = state.containers.get(containerId);
  if (!container) return { ok: false, unmet: [{ code: 'unknown_container', message: 'No container with this id has been received', path }] };
  const product = state.products.get(container.productId);
  if (!product) return { ok: false, unmet: [{ code: 'unknown_product', message: "The container's product is not in the catalogue", path }] };
  const lot = state.lots.get(container.lotId);
  if (!lot) return { ok: false, unmet: [{ code: 'unknown_lot', message: "The container's lot is not known", path }] };
  if (locationId !== null && container.locationId !== locationId) {
    return {
      ok: false,
      unmet: [{ code: 'wrong_location', message: `This container of lot ${lot.lotNumber} is kept at another location; record it there`, path: ['locationId'] }],
    };
  }
  return { ok: true, value: { container, product, lot } };
}

/** The container after a signed change to its balance; refused if that would take it below zero. */
export function shifted(container: ContainerState, delta: Mg, options: { readonly opens?: boolean; readonly path?: Path } = {}): LedgerResult<ContainerState> {
  const balance = addMg(container.balance, delta);
  if (balance.hundredths < 0) {
    return {
      ok: false,
      unmet: [
        {
          code: 'insufficient_stock',
          message: `The container holds ${describeQuantity(container.balance)}; ${describeQuantity({ unit: 'mg', hundredths: -delta.hundredths })} is more than it holds`,
          path: options.path ?? ['amount'],
        },
      ],
    };
  }
  // Spelled out rather than spread: this runs for every draw of a replayed ledger.
  const value: ContainerState = {
    containerId: container.containerId,
    lotId: container.lotId,
    productId: container.productId,
    locationId: container.locationId,
    balance,
    opened: container.opened || Boolean(options.opens),
  };
  return { ok: true, value };
}

/** The effect of a change of `delta` on a located container. */
export function effectOn(container: ContainerState, delta: Mg, locationId: string = container.locationId): BalanceEffect {
  return { containerId: container.containerId, lotId: container.lotId, locationId, delta };
}

/** The recorded amount, checked against the product (positive; volume matches mass for a solution). */
export function checkedAmount(problems: LedgerUnmet[], product: ControlledProduct, value: LedgerAmount, path: Path = ['amount']): LedgerAmount | null {
  return take(problems, checkLedgerAmount(product, value, path));
}

export function isBlank(text: string | undefined | null): boolean {
  return text === undefined || text === null || text.trim() === '';
}
