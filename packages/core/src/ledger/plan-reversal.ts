import { bareChange, type BalanceEffect, type LedgerChange } from './change.js';
import type { ReversalEntry } from './entry.js';
import type { RecordedReversible } from './recorded.js';
import { describeQuantity, negateMg, subtractMg, type Mg } from './quantity.js';
import { ok, refuse, refuseAll, type LedgerResult, type LedgerUnmet } from './result.js';
import { adjusterProblems } from './roles.js';
import { effectOn, isBlank, locate, shifted, take } from './plan-helpers.js';
import { recordedEntry, type ContainerState, type DrawState, type LedgerState } from './state.js';

/**
 * A reversal undoes one earlier entry exactly: every balance effect negated, the draw bookkeeping put
 * back. It is refused when that would take a balance below zero (the stock has since moved on), when
 * the target is itself a reversal, or when the target was already reversed.
 */

interface Undo {
  readonly effects: BalanceEffect[];
  readonly containers: ContainerState[];
  readonly draws: DrawState[];
  readonly closedDraws: DrawState[];
}

const emptyUndo = (): Undo => ({ effects: [], containers: [], draws: [], closedDraws: [] });

/** Applies `delta` to a container where it is now kept, accumulating over the containers of one undo. */
function shiftInPlace(state: LedgerState, undo: Undo, problems: LedgerUnmet[], containerId: string, delta: Mg): void {
  const pending = undo.containers.find((c) => c.containerId === containerId);
  const current = pending ?? take(problems, locate(state, containerId, null))?.container;
  if (!current) return;
  const after = take(problems, shifted(current, delta, { path: ['reversesEntryId'] }));
  if (!after) return;
  undo.effects.push(effectOn(after, delta));
  if (pending) undo.containers.splice(undo.containers.indexOf(pending), 1, after);
  else undo.containers.push(after);
}

function openDraw(state: LedgerState, problems: LedgerUnmet[], drawEntryId: string): DrawState | null {
  const draw = state.draws.get(drawEntryId);
  if (!draw) problems.push({ code: 'unknown_draw', message: 'The draw this entry belongs to is not open', path: ['reversesEntryId'] });
  return draw ?? null;
}

function undoOf(state: LedgerState, targetId: string, target: RecordedReversible, problems: LedgerUnmet[]): Undo {
  const undo = emptyUndo();
  switch (target.kind) {
    case 'receipt':
      for (const line of target.containers) shiftInPlace(state, undo, problems, line.containerId, negateMg(line.amount.mass));
      return undo;
    case 'transfer': {
      const found = take(problems, locate(state, target.containerId, target.toLocationId, ['reversesEntryId']));
      if (!found) return undo;
      const { container } = found;
      if (container.balance.hundredths !== target.amount.mass.hundredths) {
        problems.push({
          code: 'partial_transfer',
          message: `The container now holds ${describeQuantity(container.balance)}, not the ${describeQuantity(target.amount.mass)} transferred; transfer it back instead`,
          path: ['reversesEntryId'],
        });
        return undo;
      }
      const back = { ...container, locationId: target.fromLocationId };
      undo.effects.push(effectOn(container, negateMg(container.balance), target.toLocationId), effectOn(back, container.balance, target.fromLocationId));
      undo.containers.push(back);
      return undo;
    }
    case 'draw': {
      const draw = openDraw(state, problems, targetId);
      if (!draw) return undo;
      if (draw.wasted.hundredths !== 0 || draw.returned.hundredths !== 0) {
        problems.push({ code: 'draw_has_dispositions', message: 'Reverse the waste and returns recorded against this draw first', path: ['reversesEntryId'] });
        return undo;
      }
      shiftInPlace(state, undo, problems, draw.containerId, draw.amount);
      undo.closedDraws.push(draw);
      return undo;
    }
    case 'waste': {
      const source = target.source;
      if (source.from === 'stock') {
        shiftInPlace(state, undo, problems, source.containerId, target.amount.mass);
        return undo;
      }
      // Waste from a draw never touched stock: only the draw's bookkeeping is undone.
      const draw = openDraw(state, problems, source.drawEntryId);
      if (draw) undo.draws.push({ ...draw, wasted: subtractMg(draw.wasted, target.amount.mass) });
      return undo;
    }
    case 'return_to_stock': {
      const draw = openDraw(state, problems, target.drawEntryId);
      if (draw) undo.draws.push({ ...draw, returned: subtractMg(draw.returned, target.amount.mass) });
      shiftInPlace(state, undo, problems, target.containerId, negateMg(target.amount.mass));
      return undo;
    }
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
      shiftInPlace(state, undo, problems, target.containerId, target.amount.mass);
      return undo;
    case 'adjustment':
      shiftInPlace(state, undo, problems, target.containerId, target.direction === 'increase' ? negateMg(target.amount.mass) : target.amount.mass);
      return undo;
  }
}

export function planReversal(state: LedgerState, entry: ReversalEntry): LedgerResult<LedgerChange> {
  const targetId = entry.reversesEntryId;
  const target = recordedEntry(state, targetId);
  if (!target) return refuse('unknown_entry', 'There is no entry with this id to reverse', ['reversesEntryId']);
  if (target.kind === 'reversal') return refuse('reversal_of_reversal', 'A reversal cannot itself be reversed; record the entry again', ['reversesEntryId']);
  if (state.reversedBy.has(targetId)) return refuse('already_reversed', 'This entry has already been reversed', ['reversesEntryId']);
  const problems: LedgerUnmet[] = [];
  if (isBlank(entry.reason)) problems.push({ code: 'reason_required', message: 'Give the reason for the reversal', path: ['reason'] });
  if (target.kind === 'adjustment') {
    problems.push(...adjusterProblems(entry.actor).map((p) => ({ ...p, code: 'reversal_role' as const, message: 'Only a physician or administrator may reverse an adjustment' })));
  }
  const undo = undoOf(state, targetId, target, problems);
  if (problems.length > 0) return refuseAll(problems);
  return ok({ ...bareChange(entry), ...undo, reverses: targetId });
}
