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
  /** Book, move and cancel appointments, check patients in (issue #5); patient rows scoped like the chart header. */
  'schedule.book': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
  /** Clinic hours, staff weekly templates and time off, appointment types and reminder templates. */
  'schedule.manage': ['admin', 'front_desk'],
  /**
   * A clinician's own weekly hours, date exceptions and time off (and nobody else's): they know their
   * week first. `schedule.manage` edits anyone's; see `mayEditStaffHours`.
   */
  'schedule.own_hours': ['physician', 'nurse', 'therapist'],
  /** The intake queue: inquiries, their pre-screens, triage, notes and conversion to a patient (issue #3). */
  'intake.manage': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
  /** Urgent clinic alerts on the home screen (e.g. a pre-screen with a safety signal). */
  'alerts.read': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
  /** The public program pages (Markdown) shown at `/`. */
  'site.manage': ['admin'],
  /** Read the clinic's published consent documents (templates; no patient data). */
  'consent.documents.read': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
  /** Publish a new version of a consent document (supersedes the previous one of its kind). */
  'consent.documents.publish': ['admin'],
  /**
   * A patient's consents: see their status, hand the tablet over for signing (as the witness), record a
   * revocation, download signed PDFs. Patient rows are scoped like the chart header (a therapist: their
   * care team). Billing, auditors and office-only admins have no need for signed consents.
   */
  'consent.collect': ['physician', 'nurse', 'therapist', 'front_desk'],
  /** Edit a chart's profile (names, contact, address, contacts, pharmacy, insurance); scoped like the header. */
  'patients.edit': ['admin', 'physician', 'nurse', 'therapist', 'front_desk'],
  /** Put clinicians on a patient's care team or take them off (a therapist may not add themselves). */
  'careteam.manage': ['admin', 'physician', 'nurse', 'front_desk'],
  /** Write evaluation notes: a therapist the diagnostic evaluation, a physician the medical exam (issue #3). */
  'notes.author': ['physician', 'therapist'],
  /** Clear relative contraindications and record the eligibility decision (clinical.md §2.4 item 13). */
  'eligibility.decide': ['physician'],
  /** Override an absolute contraindication: the route admits either role; the rule needs both (medical director). */
  'contraindications.override': ['admin', 'physician'],
  /**
   * The controlled-substance ledger (issue #6): auditors read everything, including the dispensing
   * log's patient names and addresses (only these roles see them); only licensed staff and admins record.
   */
  'ledger.read': ['physician', 'nurse', 'admin', 'auditor'],
  'ledger.record': ['physician', 'nurse', 'admin'],
  /** Add products and storage locations to the ledger's catalogue. */
  'ledger.catalogue': ['physician', 'admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type Capability = keyof typeof CAPABILITIES;

/** True when any of `roles` grants `capability`. */
export function can(roles: readonly StaffRole[], capability: Capability): boolean {
  const allowed: readonly StaffRole[] = CAPABILITIES[capability];
  return roles.some((role) => allowed.includes(role));
}
