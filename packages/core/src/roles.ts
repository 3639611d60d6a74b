import { z } from 'zod';

/** Staff roles (issue #2). A person may hold several. */
export const STAFF_ROLES = ['admin', 'physician', 'nurse', 'therapist', 'front_desk', 'billing', 'auditor'] as const;
export const staffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRole>;

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  physician: 'Physician',
  nurse: 'Nurse',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  billing: 'Billing',
  auditor: 'Auditor',
};

/** Roles that hold a clinical licence; used wherever a licensed witness or signer is needed. */
export const LICENSED_ROLES: readonly StaffRole[] = ['physician', 'nurse'];

/**
 * What a user can do, named by capability rather than by role, so the server's guards and the
 * web app's navigation read from one table.
 */
export const CAPABILITIES = {
  'staff.manage': ['admin'],
  'policy.manage': ['admin'],
  'audit.read': ['auditor', 'admin'],
  'breakglass.review': ['auditor', 'admin'],
  'patients.demographics': ['admin', 'physician', 'nurse', 'therapist', 'front_desk', 'billing'],
  'patients.clinical': ['physician', 'nurse', 'therapist'],
  'patients.create': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
  'breakglass.request': ['physician', 'nurse', 'therapist'],
  'billing.read': ['billing', 'admin'],
  'schedule.read': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type Capability = keyof typeof CAPABILITIES;

/** True when any of `roles` grants `capability`. */
export function can(roles: readonly StaffRole[], capability: Capability): boolean {
  const allowed: readonly StaffRole[] = CAPABILITIES[capability];
  return roles.some((role) => allowed.includes(role));
}
