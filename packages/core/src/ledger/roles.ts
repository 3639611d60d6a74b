import { LICENSED_ROLES, type StaffRole } from '../roles.js';
import type { LedgerStaff } from './entry.js';
import type { LedgerUnmet } from './result.js';

/** Who may record ledger entries (issue #6, "Access"); auditors read but never write. */
export const LEDGER_RECORDER_ROLES: readonly StaffRole[] = ['physician', 'nurse', 'admin'];
/** Who may adjust a balance after a count, or undo such an adjustment. */
export const LEDGER_ADJUSTER_ROLES: readonly StaffRole[] = ['physician', 'admin'];

const NONE: readonly LedgerUnmet[] = Object.freeze([]);

function holdsAny(person: LedgerStaff, roles: readonly StaffRole[]): boolean {
  return person.roles.some((role) => roles.includes(role));
}

/** The actor holds a recording role. */
export function recorderProblems(actor: LedgerStaff): readonly LedgerUnmet[] {
  return holdsAny(actor, LEDGER_RECORDER_ROLES)
    ? NONE
    : [{ code: 'not_a_recorder', message: 'Only a physician, nurse or administrator may record controlled-substance entries', path: ['actor'] }];
}

/** The actor may adjust balances. */
export function adjusterProblems(actor: LedgerStaff): LedgerUnmet[] {
  return holdsAny(actor, LEDGER_ADJUSTER_ROLES)
    ? []
    : [{ code: 'adjustment_role', message: 'Only a physician or administrator may adjust a balance', path: ['actor'] }];
}

/**
 * A witness is a second person holding a licensed role (physician or nurse). Their fresh password and
 * MFA check is the server's job; this rule sees who they are and what they hold.
 */
export function witnessProblems(actor: LedgerStaff, witness: LedgerStaff | null, required: boolean): LedgerUnmet[] {
  if (!witness) {
    return required ? [{ code: 'witness_required', message: 'A second licensed staff member must witness this', path: ['witness'] }] : [];
  }
  const problems: LedgerUnmet[] = [];
  if (witness.id === actor.id) {
    problems.push({ code: 'witness_is_actor', message: 'The witness must be a different person from the one recording', path: ['witness'] });
  }
  if (!holdsAny(witness, LICENSED_ROLES)) {
    problems.push({ code: 'witness_not_licensed', message: 'The witness must be a physician or nurse', path: ['witness'] });
  }
  return problems;
}
