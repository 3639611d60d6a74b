import type { LedgerEntry } from './entry.js';
import { DRAW_RECORD, recordOf, type RecordedEntry } from './recorded.js';
import type { Lot } from './lot.js';
import { isSolution, type ControlledProduct } from './product.js';
import { mgToMl, sumMg, ZERO_MG, type Mg, type Ml } from './quantity.js';

/**
 * The ledger's state: what the entries so far add up to. Rules read it and return a new one; nothing
 * here changes in place (apply.ts copies before it writes).
 */

/** One container (vial, bottle) and what it holds now. A container's stock is at one location at a time. */
export interface ContainerState {
  readonly containerId: string;
  readonly lotId: string;
  readonly productId: string;
  readonly locationId: string;
  readonly balance: Mg;
  /** Drawn or wasted from at least once; an opened Schedule III container may be estimated at inventory. */
  readonly opened: boolean;
}

/** A draw that is not reversed, with what has since been wasted from it or returned to stock. */
export interface DrawState {
  readonly entryId: string;
  readonly medicineSessionId: string;
  readonly administrationId: string;
  readonly containerId: string;
  readonly amount: Mg;
  readonly wasted: Mg;
  readonly returned: Mg;
}

export interface LedgerState {
  readonly products: ReadonlyMap<string, ControlledProduct>;
  readonly lots: ReadonlyMap<string, Lot>;
  readonly containers: ReadonlyMap<string, ContainerState>;
  /** Open (unreversed) draws by entry id. */
  readonly draws: ReadonlyMap<string, DrawState>;
  /** Administration id -> the draw entry for it: each administration has exactly one. */
  readonly drawByAdministration: ReadonlyMap<string, string>;
  /**
   * What is kept of every applied entry, by id, except open draws: those are known by `draws` alone
   * (a ledger is mostly draws, and replaying a million of them then fills one large map fewer). A
   * reversed draw is kept here. Look entries up with `recordedEntry`.
   */
  readonly entries: ReadonlyMap<string, RecordedEntry>;
  /** Entry id -> the reversal that undid it. */
  readonly reversedBy: ReadonlyMap<string, string>;
}

/** The parts a state can be rebuilt from; the server may load only the rows a request touches. */
export interface LedgerStateParts {
  readonly products: Iterable<ControlledProduct>;
  readonly lots?: Iterable<Lot>;
  readonly containers?: Iterable<ContainerState>;
  readonly draws?: Iterable<DrawState>;
  readonly entries?: Iterable<LedgerEntry>;
  /** [reversed entry id, reversal entry id] pairs. */
  readonly reversals?: Iterable<readonly [string, string]>;
}

/** A state from its parts (indexes such as draw-by-administration are derived). */
export function ledgerStateFrom(parts: LedgerStateParts): LedgerState {
  const draws = new Map([...(parts.draws ?? [])].map((draw) => [draw.entryId, draw] as const));
  return {
    products: new Map([...parts.products].map((item) => [item.id, item] as const)),
    lots: new Map([...(parts.lots ?? [])].map((item) => [item.id, item] as const)),
    containers: new Map([...(parts.containers ?? [])].map((item) => [item.containerId, item] as const)),
    draws,
    drawByAdministration: new Map([...draws.values()].map((draw) => [draw.administrationId, draw.entryId] as const)),
    entries: new Map([...(parts.entries ?? [])].map((item) => [item.id, recordOf(item)] as const)),
    reversedBy: new Map(parts.reversals ?? []),
  };
}

/** The kept part of an applied entry (an open draw's included), or undefined for an unknown id. */
export function recordedEntry(state: LedgerState, entryId: string): RecordedEntry | undefined {
  return state.entries.get(entryId) ?? (state.draws.has(entryId) ? DRAW_RECORD : undefined);
}

/** A ledger with no entries yet, knowing the clinic's products. */
export function emptyLedger(products: Iterable<ControlledProduct>): LedgerState {
  return ledgerStateFrom({ products });
}

export function containerBalance(state: LedgerState, containerId: string): Mg {
  return state.containers.get(containerId)?.balance ?? ZERO_MG;
}

/** The sum over a lot's containers. */
export function lotBalance(state: LedgerState, lotId: string): Mg {
  return sumMg([...state.containers.values()].filter((c) => c.lotId === lotId).map((c) => c.balance));
}

/** The sum over the containers kept at a location, optionally of one product. */
export function locationBalance(state: LedgerState, locationId: string, productId?: string): Mg {
  return sumMg(
    [...state.containers.values()]
      .filter((c) => c.locationId === locationId && (productId === undefined || c.productId === productId))
      .map((c) => c.balance),
  );
}

/** What is left in a solution container, in mL (null for troches and tablets). */
export function remainingVolume(state: LedgerState, containerId: string): Ml | null {
  const container = state.containers.get(containerId);
  const item = container && state.products.get(container.productId);
  if (!container || !item || !isSolution(item)) return null;
  const volume = mgToMl(container.balance, item.concentration);
  // Every solution amount is checked to convert exactly, so a balance always does.
  if (!volume.ok) throw new RangeError(`container ${containerId} holds an inexact volume`);
  return volume.value;
}

/** The open draws of one medicine session. */
export function sessionDraws(state: LedgerState, medicineSessionId: string): DrawState[] {
  return [...state.draws.values()].filter((draw) => draw.medicineSessionId === medicineSessionId);
}

/** One non-empty holding: a container's stock at its location. */
export interface Holding {
  readonly containerId: string;
  readonly lotId: string;
  readonly locationId: string;
  readonly balance: Mg;
}

/**
 * Every non-empty holding, ordered by container id: two states with equal snapshots hold the same
 * stock in the same places (used by replay checks and property tests).
 */
export function holdings(state: LedgerState): Holding[] {
  return [...state.containers.values()]
    .filter((c) => c.balance.hundredths !== 0)
    .map((c) => ({ containerId: c.containerId, lotId: c.lotId, locationId: c.locationId, balance: c.balance }))
    .sort((a, b) => (a.containerId < b.containerId ? -1 : a.containerId > b.containerId ? 1 : 0));
}
