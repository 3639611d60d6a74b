import type { LedgerEntry } from './entry.js';
import type { Lot } from './lot.js';
import type { Mg } from './quantity.js';
import type { ContainerState, DrawState } from './state.js';

/** The signed effect of an entry on one container's balance at one location. */
export interface BalanceEffect {
  readonly containerId: string;
  readonly lotId: string;
  readonly locationId: string;
  readonly delta: Mg;
}

/**
 * What an accepted entry changes, as data: the server writes exactly these rows (container balances,
 * draw bookkeeping) in the same transaction as the entry, and `applyEntry` commits them to a state.
 */
export interface LedgerChange {
  readonly entry: LedgerEntry;
  /** Signed balance effects, in order (a transfer is out of one location, then in to another). */
  readonly effects: readonly BalanceEffect[];
  /** The new state of every container the entry touches or creates. */
  readonly containers: readonly ContainerState[];
  /** A lot this receipt is the first to bring in. */
  readonly newLot: Lot | null;
  /** Draws opened or updated (wasted/returned totals). */
  readonly draws: readonly DrawState[];
  /** Draws closed by reversing them, which frees their administration for a new draw. */
  readonly closedDraws: readonly DrawState[];
  /** The entry this one reverses. */
  readonly reverses: string | null;
}

/** A change that touches only the entry itself (used as the base for the kinds' plans). */
export function bareChange(entry: LedgerEntry): LedgerChange {
  return { entry, effects: [], containers: [], newLot: null, draws: [], closedDraws: [], reverses: null };
}
