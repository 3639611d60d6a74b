import type { LedgerChange } from './change.js';
import type { LedgerEntry } from './entry.js';
import type { Lot } from './lot.js';
import { DRAW_RECORD, recordOf, type RecordedEntry } from './recorded.js';
import { planDraw, planReturnToStock, planWaste } from './plan-session.js';
import { planReversal } from './plan-reversal.js';
import { planAdjustment, planReceipt, planStockOut, planTransfer } from './plan-stock.js';
import { ok, refuseAll, type LedgerResult, type LedgerUnmet } from './result.js';
import { recorderProblems } from './roles.js';
import { recordedEntry, type ContainerState, type DrawState, type LedgerState } from './state.js';

/**
 * The balance engine. `planEntry` decides whether an entry may be recorded on a state and what it
 * changes; `applyEntry` returns the new state; `replay` recomputes a whole ledger from its entries.
 * Invariants: no container balance is ever below zero; a container's stock is at one location; each
 * administration has at most one open draw; waste plus returns never exceed their draw.
 */

function planByKind(state: LedgerState, entry: LedgerEntry): LedgerResult<LedgerChange> {
  switch (entry.kind) {
    case 'receipt':
      return planReceipt(state, entry);
    case 'transfer':
      return planTransfer(state, entry);
    case 'draw':
      return planDraw(state, entry);
    case 'waste':
      return planWaste(state, entry);
    case 'return_to_stock':
      return planReturnToStock(state, entry);
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
      return planStockOut(state, entry);
    case 'adjustment':
      return planAdjustment(state, entry);
    case 'reversal':
      return planReversal(state, entry);
  }
}

export interface PlanOptions {
  /**
   * The caller vouches that no two entries share an id (the verifier, reading a table whose primary
   * key is the id and having checked each record's id against its row's): the duplicate-id check,
   * one lookup in the largest map per entry, is then left out. Every other rule still applies.
   */
  readonly idsKnownUnique?: boolean;
}

/** Whether `entry` may be recorded on `state`, and if so exactly what it changes. Every reason is listed. */
export function planEntry(state: LedgerState, entry: LedgerEntry, options: PlanOptions = {}): LedgerResult<LedgerChange> {
  const planned = planByKind(state, entry);
  const duplicate = !options.idsKnownUnique && recordedEntry(state, entry.id) !== undefined;
  const recorder = recorderProblems(entry.actor);
  if (!duplicate && recorder.length === 0) return planned;
  const common: LedgerUnmet[] = duplicate ? [{ code: 'duplicate_entry', message: 'An entry with this id is already recorded', path: ['id'] }] : [];
  return refuseAll([...common, ...recorder, ...(planned.ok ? [] : planned.unmet)]);
}

/** The maps of a state, open for writing while a change is committed. */
interface Draft {
  lots: Map<string, Lot>;
  containers: Map<string, ContainerState>;
  draws: Map<string, DrawState>;
  drawByAdministration: Map<string, string>;
  entries: Map<string, RecordedEntry>;
  reversedBy: Map<string, string>;
}

function commit(draft: Draft, change: LedgerChange): void {
  if (change.newLot) draft.lots.set(change.newLot.id, change.newLot);
  for (const container of change.containers) draft.containers.set(container.containerId, container);
  for (const draw of change.closedDraws) {
    draft.draws.delete(draw.entryId);
    draft.drawByAdministration.delete(draw.administrationId);
    draft.entries.set(draw.entryId, DRAW_RECORD);
  }
  for (const draw of change.draws) {
    draft.draws.set(draw.entryId, draw);
    draft.drawByAdministration.set(draw.administrationId, draw.entryId);
  }
  // An open draw is known by its draw state alone (see LedgerState.entries).
  if (change.entry.kind !== 'draw') draft.entries.set(change.entry.id, recordOf(change.entry));
  if (change.reverses !== null) draft.reversedBy.set(change.reverses, change.entry.id);
}

function draftOf(state: LedgerState): Draft {
  return {
    lots: new Map(state.lots),
    containers: new Map(state.containers),
    draws: new Map(state.draws),
    drawByAdministration: new Map(state.drawByAdministration),
    entries: new Map(state.entries),
    reversedBy: new Map(state.reversedBy),
  };
}

/** The state after `change` (the input state is left untouched). */
export function applyChange(state: LedgerState, change: LedgerChange): LedgerState {
  const draft = draftOf(state);
  commit(draft, change);
  return { products: state.products, ...draft };
}

/** The state after `entry`, or every reason it is refused. Pure: `state` is not changed either way. */
export function applyEntry(state: LedgerState, entry: LedgerEntry): LedgerResult<LedgerState> {
  const planned = planEntry(state, entry);
  return planned.ok ? ok(applyChange(state, planned.value)) : planned;
}

/** Replay stopped at an entry the rules refuse: `ledger verify` names it. */
export interface ReplayRefusal {
  readonly ok: false;
  /** Zero-based position of the refused entry. */
  readonly index: number;
  readonly entryId: string;
  readonly unmet: readonly LedgerUnmet[];
  /** The state just before the refused entry. */
  readonly state: LedgerState;
}

/**
 * Recomputes every balance from the entries in order, starting from `start` (an empty ledger of the
 * clinic's products). Same result as applying the entries one by one, in time linear in their number.
 */
export function replay(start: LedgerState, entries: Iterable<LedgerEntry>): { readonly ok: true; readonly value: LedgerState } | ReplayRefusal {
  const draft = draftOf(start);
  const view: LedgerState = { products: start.products, ...draft };
  let index = 0;
  for (const entry of entries) {
    const planned = planEntry(view, entry);
    if (!planned.ok) {
      return { ok: false, index, entryId: entry.id, unmet: planned.unmet, state: { products: start.products, ...draftOf(view) } };
    }
    commit(draft, planned.value);
    index += 1;
  }
  return { ok: true, value: view };
}

/** An incremental replay, for entries that arrive in batches (the verifier streams them from the database). */
export interface Replayer {
  /** Applies the next entry, or says why the rules refuse it (the state is then unchanged). */
  apply(entry: LedgerEntry): { readonly ok: true } | { readonly ok: false; readonly unmet: readonly LedgerUnmet[] };
  /** The state so far (a live view: read it, do not keep it across `apply`). */
  readonly state: LedgerState;
}

/** `replay`, one entry at a time. */
export function replayer(start: LedgerState, options: PlanOptions = {}): Replayer {
  const draft = draftOf(start);
  const view: LedgerState = { products: start.products, ...draft };
  return {
    apply(entry) {
      const planned = planEntry(view, entry, options);
      if (!planned.ok) return planned;
      commit(draft, planned.value);
      return { ok: true };
    },
    state: view,
  };
}
