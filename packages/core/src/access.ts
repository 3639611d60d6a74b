import type { StaffRole } from './roles.js';

/**
 * Which patients a request may reach, decided from who is asking. Repositories turn a scope into
 * SQL, so no handler can forget it (architecture.md: "Access control lives in the data path").
 *
 * Two questions, answered separately because roles differ on them:
 * - demographics (the chart header: name, contact, MRN): front desk, billing, admins, physicians and
 *   nurses see the clinic's patients; a therapist sees their care-team patients;
 * - the clinical chart: physicians and nurses see the clinic's active patients; a therapist sees their
 *   care-team patients; front desk, billing, admins and auditors see none.
 * A patient (portal) sees only their own record. A break-glass grant opens one patient's clinical
 * chart for a limited time, with a reason, whatever the role; repositories add it to the scope.
 */
export type PatientScope =
  | { readonly kind: 'clinic'; readonly activeOnly: boolean }
  | { readonly kind: 'care_team'; readonly userId: string }
  | { readonly kind: 'self'; readonly patientId: string }
  | { readonly kind: 'none' };

export interface Principal {
  readonly userId: string;
  readonly kind: 'staff' | 'patient';
  readonly roles: readonly StaffRole[];
  readonly patientId: string | null;
}

const CLINICAL_ROLES: readonly StaffRole[] = ['physician', 'nurse'];
const OFFICE_ROLES: readonly StaffRole[] = ['admin', 'front_desk', 'billing'];

function hasAny(roles: readonly StaffRole[], wanted: readonly StaffRole[]): boolean {
  return roles.some((role) => wanted.includes(role));
}

function selfScope(principal: Principal): PatientScope {
  return principal.patientId ? { kind: 'self', patientId: principal.patientId } : { kind: 'none' };
}

/** The patients whose demographic header this principal may list and read. */
export function demographicScope(principal: Principal): PatientScope {
  if (principal.kind === 'patient') return selfScope(principal);
  if (hasAny(principal.roles, [...CLINICAL_ROLES, ...OFFICE_ROLES])) return { kind: 'clinic', activeOnly: false };
  if (principal.roles.includes('therapist')) return { kind: 'care_team', userId: principal.userId };
  return { kind: 'none' };
}

/** The patients whose clinical chart this principal may read without break-glass. */
export function clinicalScope(principal: Principal): PatientScope {
  if (principal.kind === 'patient') return selfScope(principal);
  if (hasAny(principal.roles, CLINICAL_ROLES)) return { kind: 'clinic', activeOnly: true };
  if (principal.roles.includes('therapist')) return { kind: 'care_team', userId: principal.userId };
  return { kind: 'none' };
}

/** The facts about one patient that a scope is checked against. */
export interface PatientAccessFacts {
  readonly id: string;
  readonly active: boolean;
  readonly careTeam: readonly string[];
}

/** Whether `scope` admits `patient`; the in-memory twin of the SQL the repositories build. */
export function scopeAdmits(scope: PatientScope, patient: PatientAccessFacts): boolean {
  switch (scope.kind) {
    case 'clinic':
      return !scope.activeOnly || patient.active;
    case 'care_team':
      return patient.careTeam.includes(scope.userId);
    case 'self':
      return scope.patientId === patient.id;
    case 'none':
      return false;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/** Break-glass may be asked for by licensed and therapy staff only, never by office or audit roles. */
export function mayBreakGlass(principal: Principal): boolean {
  return principal.kind === 'staff' && hasAny(principal.roles, ['physician', 'nurse', 'therapist']);
}
