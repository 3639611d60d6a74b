/** Why someone lands on the sign-in page; each reason has a notice the page shows. */
export type SignInReason = 'expired' | 'idle' | 'signed_out' | 'everywhere' | 'password_changed';

export const SIGN_IN_NOTICES: Record<SignInReason, string> = {
  expired: 'Your session has ended. Please sign in again.',
  idle: 'You were signed out after a period of inactivity. Please sign in again.',
  signed_out: 'You have signed out.',
  everywhere: 'You have signed out of every session on every device.',
  password_changed: 'Your password was changed and every session ended. Sign in with your new password.',
};

export function isSignInReason(value: string | null): value is SignInReason {
  return value !== null && value in SIGN_IN_NOTICES;
}

/** The sign-in URL, with the reason to show and the page to return to afterwards. */
export function signInPath(options: { reason?: SignInReason; next?: string } = {}): string {
  const search = new URLSearchParams();
  if (options.reason) search.set('reason', options.reason);
  if (options.next && options.next !== '/' && options.next !== HOME_PATH && isSafeNext(options.next)) search.set('next', options.next);
  const text = search.toString();
  return text ? `/sign-in?${text}` : '/sign-in';
}

/** Only same-app paths are followed after sign-in (no `//evil.example` open redirects). */
export function isSafeNext(next: string): boolean {
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in');
}

export const MFA_ENROL_PATH = '/mfa-enrol';

/** Staff home. `/` itself is the clinic's public site (server-rendered program pages). */
export const HOME_PATH = '/home';

/** The intake queue and one inquiry in it (issue #3). */
export const INTAKE_PATH = '/intake';
export function inquiryPath(id: string): string {
  return `${INTAKE_PATH}/${encodeURIComponent(id)}`;
}

/** A patient's chart. */
export function patientPath(id: string): string {
  return `/patients/${encodeURIComponent(id)}`;
}

/** A tab of a patient's chart (`profile`, `medications`, `evaluations`…); the chart opens on its first tab without one. */
export function patientChartTabPath(id: string, tab: string): string {
  return `${patientPath(id)}?tab=${encodeURIComponent(tab)}`;
}

/** Drafting a treatment plan (individual, couples/family or group); `patient` preselects a participant. */
export const NEW_PLAN_PATH = '/courses/new';
export function newPlanPath(options: { patientId?: string; modality?: 'individual' | 'couples' | 'group' } = {}): string {
  const search = new URLSearchParams();
  if (options.patientId) search.set('patient', options.patientId);
  if (options.modality) search.set('modality', options.modality);
  const text = search.toString();
  return text ? `${NEW_PLAN_PATH}?${text}` : NEW_PLAN_PATH;
}

/** The admin's editor for the clinic's session-note templates (issue #4). */
export const NOTE_TEMPLATES_PATH = '/admin/note-templates';

/** The admin's editor for the public program pages. */
export const PUBLIC_PAGES_ADMIN_PATH = '/admin/pages';

/** The patient list. */
export const PATIENTS_PATH = '/patients';

/** A patient's consents: status per kind, releases, history, PDFs (issue #3). */
export function patientConsentsPath(patientId: string): string {
  return `${patientPath(patientId)}/consents`;
}

/** The full-screen signing view a staff member hands to the patient for one kind of consent. */
export function consentSigningPath(patientId: string, kind: string): string {
  return `${patientConsentsPath(patientId)}/sign/${encodeURIComponent(kind)}`;
}

/** The router pattern of {@link consentSigningPath} (outside the staff frame: no navigation for the patient). */
export const CONSENT_SIGNING_ROUTE = '/patients/:id/consents/sign/:kind';

/** The admin's consent document editor, with every published version. */
export const CONSENT_DOCUMENTS_PATH = '/admin/consent-documents';

/** The clinic calendar and the front desk's check-in board (issue #5). */
export const CALENDAR_PATH = '/calendar';
export const CHECK_IN_PATH = '/check-in';

/** A clinician's own weekly hours and time off (beside the calendar, where their bookings show). */
export const MY_HOURS_PATH = `${CALENDAR_PATH}/my-hours`;

/** Schedule set-up: staff hours and time off, appointment types, opening hours, rooms (issue #5). */
export const SCHEDULE_SETUP_PATH = '/admin/schedule';

/** The controlled-substance ledger (issue #6). */
export const LEDGER_PATH = '/ledger';
