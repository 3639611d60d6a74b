import { bareChange, type LedgerChange } from './change.js';
import type { DrawEntry, ReturnToStockEntry, WasteEntry } from './entry.js';
import { isExpired } from './lot.js';
import { addMg, describeQuantity, negateMg, subtractMg, ZERO_MG, type Mg } from './quantity.js';
import { ok, refuseAll, type LedgerResult, type LedgerUnmet } from './result.js';
import { witnessProblems } from './roles.js';
import { checkedAmount, effectOn, isBlank, locate, shifted, take, type Located } from './plan-helpers.js';
import type { DrawState, LedgerState } from './state.js';

/** Plans for the entries tied to a medicine session: draw, waste and return to stock. */

/** What a draw still has to account for: drawn, less wasted and returned. */
export function drawOutstanding(draw: DrawState): Mg {
  return subtractMg(subtractMg(draw.amount, draw.wasted), draw.returned);
}

/**
 * A draw for one administration: from a lot that has not expired on the clinic-local date, at the
 * location where the container is kept, no more than it holds, and one draw per administration.
 */
export function planDraw(state: LedgerState, entry: DrawEntry): LedgerResult<LedgerChange> {
  const problems: LedgerUnmet[] = [];
  const claimedBy = state.drawByAdministration.get(entry.administrationId);
  if (claimedBy !== undefined) {
    problems.push({ code: 'administration_already_drawn', message: 'This administration already has its draw; reverse that one first', path: ['administrationId'] });
  }
  const found = take(problems, locate(state, entry.containerId, entry.locationId));
  if (found && isExpired(found.lot, entry.localDate)) {
    problems.push({ code: 'lot_expired', message: `Lot ${found.lot.lotNumber} expired on ${found.lot.expiresOn}; it cannot be drawn from`, path: ['containerId'] });
  }
  const amount = found && checkedAmount(problems, found.product, entry.amount);
  const after = found && amount && take(problems, shifted(found.container, negateMg(amount.mass), { opens: true }));
  if (!after || problems.length > 0) return refuseAll(problems);
  const draw: DrawState = {
    entryId: entry.id,
    medicineSessionId: entry.medicineSessionId,
    administrationId: entry.administrationId,
    // The state's own id string: a replayed draw then shares it instead of keeping the parsed copy.
    containerId: after.containerId,
    amount: entry.amount.mass,
    wasted: ZERO_MG,
    returned: ZERO_MG,
  };
  return ok({ ...bareChange(entry), effects: [effectOn(after, negateMg(entry.amount.mass))], containers: [after], draws: [draw] });
}

/** The open draw an entry disposes of, checked for room: waste plus returns never exceed the draw. */
function drawWithRoom(state: LedgerState, problems: LedgerUnmet[], drawEntryId: string, mass: Mg, path: ReadonlyArray<string | number>): DrawState | null {
  const draw = state.draws.get(drawEntryId);
  if (!draw) {
    problems.push({ code: 'unknown_draw', message: 'No open draw with this id', path });
    return null;
  }
  const left = drawOutstanding(draw);
  if (mass.hundredths > left.hundredths) {
    problems.push({
      code: 'exceeds_draw',
      message: `Only ${describeQuantity(left)} of this draw is unaccounted for; ${describeQuantity(mass)} is more`,
      path: ['amount'],
    });
  }
  return draw;
}

/**
 * Witnessed waste: the rest of a draw (already out of stock, so no balance moves) or straight from a
 * container (a single-dose vial's remainder, a dropped troche), which debits it.
 */
export function planWaste(state: LedgerState, entry: WasteEntry): LedgerResult<LedgerChange> {
  const problems = witnessProblems(entry.actor, entry.witness, true);
  if (entry.method === 'other' && isBlank(entry.methodDetail)) {
    problems.push({ code: 'reason_required', message: 'Describe how it was wasted', path: ['methodDetail'] });
  }
  const source = entry.source;
  switch (source.from) {
    case 'draw': {
      const draw = drawWithRoom(state, problems, source.drawEntryId, entry.amount.mass, ['source', 'drawEntryId']);
      const found = draw && take(problems, locate(state, draw.containerId, null));
      if (found) checkedAmount(problems, found.product, entry.amount);
      if (!draw || problems.length > 0) return refuseAll(problems);
      return ok({ ...bareChange(entry), draws: [{ ...draw, wasted: addMg(draw.wasted, entry.amount.mass) }] });
    }
    case 'stock': {
      if (isBlank(entry.reason)) problems.push({ code: 'reason_required', message: 'Say why stock is wasted', path: ['reason'] });
      const found: Located | null = take(problems, locate(state, source.containerId, source.locationId, ['source', 'containerId']));
      const amount = found && checkedAmount(problems, found.product, entry.amount);
      const after = found && amount && take(problems, shifted(found.container, negateMg(amount.mass), { opens: true }));
      if (!after || problems.length > 0) return refuseAll(problems);
      return ok({ ...bareChange(entry), effects: [effectOn(after, negateMg(entry.amount.mass))], containers: [after] });
    }
  }
}

/**
 * Drawn but unadministered drug back into the container it came from (a cancelled session's troche).
 * Witnessed, like waste: a cancelled session's draw is either wasted or returned before a second
 * licensed person (issue #6).
 */
export function planReturnToStock(state: LedgerState, entry: ReturnToStockEntry): LedgerResult<LedgerChange> {
  const problems = witnessProblems(entry.actor, entry.witness, true);
  const draw = drawWithRoom(state, problems, entry.drawEntryId, entry.amount.mass, ['drawEntryId']);
  if (draw && draw.containerId !== entry.containerId) {
    problems.push({ code: 'draw_container_mismatch', message: 'Return drug to the container it was drawn from', path: ['containerId'] });
  }
  const found = take(problems, locate(state, entry.containerId, entry.locationId));
  const amount = found && checkedAmount(problems, found.product, entry.amount);
  const after = found && amount && take(problems, shifted(found.container, amount.mass));
  if (!draw || !after || problems.length > 0) return refuseAll(problems);
  return ok({
    ...bareChange(entry),
    effects: [effectOn(after, entry.amount.mass)],
    containers: [after],
    draws: [{ ...draw, returned: addMg(draw.returned, entry.amount.mass) }],
  });
}
