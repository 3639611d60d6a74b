import { addMg, describeQuantity, subtractMg, sumMg, ZERO_MG, type Mg } from './quantity.js';
import type { DrawState } from './state.js';

/**
 * Closing a medicine session: every milligram drawn for it is administered, wasted with a witness, or
 * returned to stock, to the 0.01 mg (issue #6, "Invariants"). Per draw:
 *   drawn = administered + wasted + returned,
 * and every administration given has its draw. A cancelled session's draws must be fully wasted or
 * returned. Anything else is a discrepancy and the session cannot be closed.
 */

/** An administration as the medicine session recorded it, in mg. */
export interface AdministrationGiven {
  readonly administrationId: string;
  readonly amount: Mg;
}

export type SessionClosing = 'completed' | 'cancelled';

export interface SessionReconciliationInput {
  readonly medicineSessionId: string;
  readonly closingAs: SessionClosing;
  /** Administrations actually given (empty for a cancelled session). */
  readonly administrations: readonly AdministrationGiven[];
  /** The session's open draws (`sessionDraws(state, id)`). */
  readonly draws: readonly DrawState[];
}

export type SessionDiscrepancy =
  | { readonly code: 'administration_without_draw'; readonly administrationId: string; readonly message: string }
  | { readonly code: 'administration_listed_twice'; readonly administrationId: string; readonly message: string }
  | { readonly code: 'draw_of_another_session'; readonly drawEntryId: string; readonly message: string }
  | {
      readonly code: 'draw_not_accounted' | 'cancelled_draw_unresolved';
      readonly drawEntryId: string;
      readonly administrationId: string;
      /** drawn - administered - wasted - returned: positive is unaccounted drug, negative is more given than drawn. */
      readonly difference: Mg;
      readonly message: string;
    };

export interface SessionReconciliation {
  readonly ok: boolean;
  readonly drawn: Mg;
  readonly administered: Mg;
  readonly wasted: Mg;
  readonly returned: Mg;
  readonly discrepancies: readonly SessionDiscrepancy[];
}

/** Whether a session's ledger balances, with every discrepancy listed. */
export function reconcileSession(input: SessionReconciliationInput): SessionReconciliation {
  const discrepancies: SessionDiscrepancy[] = [];
  const given = new Map<string, Mg>();
  for (const administration of input.administrations) {
    if (given.has(administration.administrationId)) {
      discrepancies.push({
        code: 'administration_listed_twice',
        administrationId: administration.administrationId,
        message: 'This administration is listed twice',
      });
      continue;
    }
    given.set(administration.administrationId, administration.amount);
  }
  const drawn = new Set<string>();
  for (const draw of input.draws) {
    if (draw.medicineSessionId !== input.medicineSessionId) {
      discrepancies.push({ code: 'draw_of_another_session', drawEntryId: draw.entryId, message: 'This draw belongs to another session' });
      continue;
    }
    drawn.add(draw.administrationId);
    const administered = given.get(draw.administrationId) ?? ZERO_MG;
    const difference = subtractMg(draw.amount, addMg(addMg(administered, draw.wasted), draw.returned));
    if (difference.hundredths === 0) continue;
    const cancelled = input.closingAs === 'cancelled' && difference.hundredths > 0;
    discrepancies.push({
      code: cancelled ? 'cancelled_draw_unresolved' : 'draw_not_accounted',
      drawEntryId: draw.entryId,
      administrationId: draw.administrationId,
      difference,
      message: cancelled
        ? `${describeQuantity(difference)} drawn for this cancelled session must be returned to stock or wasted with a witness`
        : difference.hundredths > 0
          ? `${describeQuantity(difference)} of this draw is neither administered, wasted nor returned`
          : `${describeQuantity({ unit: 'mg', hundredths: -difference.hundredths })} more was administered than drawn`,
    });
  }
  for (const administrationId of given.keys()) {
    if (!drawn.has(administrationId)) {
      discrepancies.push({ code: 'administration_without_draw', administrationId, message: 'This administration has no draw in the ledger' });
    }
  }
  const own = input.draws.filter((draw) => draw.medicineSessionId === input.medicineSessionId);
  return {
    ok: discrepancies.length === 0,
    drawn: sumMg(own.map((d) => d.amount)),
    administered: sumMg(given.values()),
    wasted: sumMg(own.map((d) => d.wasted)),
    returned: sumMg(own.map((d) => d.returned)),
    discrepancies,
  };
}
