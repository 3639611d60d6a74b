import { can, type Capability, type StaffRole } from '@lantern/core';

/**
 * The main navigation, written out here by hand (label and the capability that shows it), so the
 * tests check the app's navigation against the role table in @lantern/core rather than against
 * the app's own list. Add a line when a page joins the navigation.
 */
const NAVIGATION: ReadonlyArray<readonly [label: string, capability: Capability | null]> = [
  ['Home', null],
  ['Patients', 'patients.demographics'],
  ['Courses', 'patients.clinical'],
  ['Intake', 'intake.manage'],
  ['Calendar', 'schedule.read'],
  ['Check-in', 'schedule.book'],
  ['Controlled substances', 'ledger.read'],
  ['Staff', 'staff.manage'],
  ['Schedule set-up', 'schedule.manage'],
  ['Policy', 'policy.manage'],
  ['Note templates', 'policy.manage'],
  ['Outbox', 'staff.manage'],
  ['Public pages', 'site.manage'],
  ['Consent documents', 'consent.documents.publish'],
  ['Audit trail', 'audit.read'],
  ['Break-glass review', 'breakglass.review'],
];

/** The navigation labels someone holding `roles` should see, in order. */
export function expectedNav(roles: readonly StaffRole[]): string[] {
  return NAVIGATION.filter(([, capability]) => capability === null || can(roles, capability)).map(([label]) => label);
}
