import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../test/harness.js';
import { auditMark, auditSince, makeClinic, makePatient, makeStaff } from '../test/factories.js';

/**
 * Every API route and the roles it admits. A new route must be added here (the last test fails
 * otherwise), which makes its access rule a decision someone wrote down and tested.
 */
interface RouteRule {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: string;
  readonly allowed: readonly StaffRole[] | 'any' | 'public';
  readonly body?: unknown;
  /** The path as the API documents it, when `url` fills a parameter that is not an id (e.g. a page slug). */
  readonly documentedAs?: string;
}

let t: TestApp;
let ids: { staff: string; patient: string; grant: string; consent: string };
const agents = new Map<StaffRole, Agent>();

beforeAll(async () => {
  t = await testApp();
  const clinic = await makeClinic(t.database.db);
  for (const role of STAFF_ROLES) {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: [role] });
    const agent = new Agent(t.app);
    await agent.login(staff.email, staff.password);
    agents.set(role, agent);
  }
  const target = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'] });
  const patient = await makePatient(t.database.db, { clinicId: clinic.id });
  ids = { staff: target.id, patient: patient.id, grant: '01900000-0000-7000-8000-000000000000', consent: '01900000-0000-7000-8000-0000000c0c01' };
});
afterAll(async () => t.close());

function rules(): RouteRule[] {
  return [
    { method: 'GET', url: '/health', allowed: 'public' },
    { method: 'GET', url: '/api/openapi.json', allowed: 'public' },
    { method: 'POST', url: '/api/auth/login', allowed: 'public' },
    { method: 'POST', url: '/api/auth/invite/accept', allowed: 'public' },
    { method: 'GET', url: '/api/me', allowed: 'any' },
    { method: 'POST', url: '/api/auth/logout', allowed: 'any' },
    { method: 'POST', url: '/api/auth/logout-everywhere', allowed: 'any' },
    { method: 'POST', url: '/api/auth/mfa/enrol', allowed: 'any' },
    { method: 'POST', url: '/api/auth/mfa/confirm', allowed: 'any' },
    { method: 'POST', url: '/api/auth/password', allowed: 'any' },
    { method: 'GET', url: '/api/admin/staff', allowed: ['admin'] },
    { method: 'POST', url: '/api/admin/staff', allowed: ['admin'], body: { email: 'new-person@clinic.test', displayName: 'New Person', roles: ['nurse'] } },
    { method: 'PUT', url: `/api/admin/staff/${ids.staff}/roles`, allowed: ['admin'], body: { roles: ['front_desk'] } },
    { method: 'POST', url: `/api/admin/staff/${ids.staff}/deactivate`, allowed: ['admin'] },
    { method: 'POST', url: `/api/admin/staff/${ids.staff}/reactivate`, allowed: ['admin'] },
    { method: 'POST', url: `/api/admin/staff/${ids.staff}/reset-mfa`, allowed: ['admin'] },
    { method: 'POST', url: `/api/admin/staff/${ids.staff}/unlock`, allowed: ['admin'] },
    { method: 'GET', url: '/api/admin/policy', allowed: ['admin'] },
    { method: 'PUT', url: '/api/admin/policy', allowed: ['admin'], body: { policy: { security: { idleTimeoutMinutes: 15 } }, note: 'same' } },
    { method: 'GET', url: '/api/admin/outbox', allowed: ['admin'] },
    { method: 'GET', url: '/api/audit/events', allowed: ['auditor', 'admin'] },
    { method: 'GET', url: '/api/audit/events.csv', allowed: ['auditor', 'admin'] },
    { method: 'GET', url: '/api/audit/verify', allowed: ['auditor', 'admin'] },
    { method: 'GET', url: '/api/patients', allowed: ['admin', 'physician', 'nurse', 'therapist', 'front_desk', 'billing'] },
    { method: 'POST', url: '/api/patients', allowed: ['admin', 'physician', 'nurse', 'therapist', 'front_desk'], body: { legalGivenName: 'Ada', legalFamilyName: 'Matrix', dateOfBirth: '1990-01-01' } },
    // Route open to all staff; the repository then scopes the row (a therapist off the care team and an auditor get 403).
    { method: 'GET', url: `/api/patients/${ids.patient}`, allowed: ['admin', 'physician', 'nurse', 'front_desk', 'billing'] },
    { method: 'POST', url: '/api/break-glass', allowed: ['physician', 'nurse', 'therapist'], body: { patientId: ids.patient, reason: 'Patient collapsed in the waiting room' } },
    { method: 'GET', url: '/api/break-glass', allowed: ['auditor', 'admin'] },
    { method: 'POST', url: `/api/break-glass/${ids.grant}/review`, allowed: ['auditor', 'admin'], body: { note: 'Reviewed' } },
    // The chart (issue #3). This patient has no care team: a therapist is out of scope (403) wherever the
    // repository checks the patient; entry routes take a missing id (404) to show who gets past the door.
    { method: 'GET', url: `/api/patients/${ids.patient}/chart-header`, allowed: ['admin', 'physician', 'nurse', 'front_desk', 'billing'] },
    { method: 'GET', url: `/api/patients/${ids.patient}/profile`, allowed: ['admin', 'physician', 'nurse', 'front_desk', 'billing'] },
    { method: 'PUT', url: `/api/patients/${ids.patient}/profile`, allowed: ['admin', 'physician', 'nurse', 'front_desk'], body: { version: 1, legalGivenName: 'Ada', legalFamilyName: 'Matrix', preferredName: null, pronouns: null, dateOfBirth: '1990-01-01', email: null, phone: null, address: null, emergencyContact: null, escorts: [], pharmacy: null, insurance: null } },
    { method: 'PUT', url: `/api/patients/${ids.patient}/care-team`, allowed: ['admin', 'physician', 'nurse', 'front_desk'], body: { members: [] } },
    { method: 'GET', url: '/api/care-team/candidates', allowed: ['admin', 'physician', 'nurse', 'front_desk'] },
    { method: 'GET', url: '/api/icd10', allowed: ['physician', 'nurse', 'therapist'] },
    { method: 'GET', url: `/api/patients/${ids.patient}/diagnoses`, allowed: ['physician', 'nurse'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/diagnoses`, allowed: ['physician', 'nurse'], body: { code: 'F33.1' } },
    { method: 'POST', url: `/api/diagnoses/${ids.grant}/revise`, allowed: ['physician', 'nurse', 'therapist'], body: { status: 'resolved', reason: 'Resolved' } },
    { method: 'GET', url: `/api/patients/${ids.patient}/medications`, allowed: ['physician', 'nurse'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/medications`, allowed: ['physician', 'nurse'], body: { name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: 50, startedOn: null } },
    { method: 'POST', url: `/api/medications/${ids.grant}/stop`, allowed: ['physician', 'nurse', 'therapist'], body: { stoppedOn: '2026-11-01', reason: 'Stopped' } },
    { method: 'POST', url: `/api/medications/${ids.grant}/correct`, allowed: ['physician', 'nurse', 'therapist'], body: { name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: 25, startedOn: null, reason: 'Dose' } },
    { method: 'GET', url: `/api/patients/${ids.patient}/allergies`, allowed: ['physician', 'nurse'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/allergies`, allowed: ['physician', 'nurse'], body: { substance: 'Latex' } },
    { method: 'POST', url: `/api/allergies/${ids.grant}/revise`, allowed: ['physician', 'nurse', 'therapist'], body: { status: 'resolved', reason: 'Resolved' } },
    { method: 'GET', url: `/api/patients/${ids.patient}/measurements`, allowed: ['physician', 'nurse'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/measurements`, allowed: ['physician', 'nurse'], body: { measuredOn: '2026-11-01', heightCm: 170, weightKg: 70 } },
    { method: 'POST', url: `/api/measurements/${ids.grant}/amend`, allowed: ['physician', 'nurse', 'therapist'], body: { heightCm: 170, weightKg: 71, reason: 'Scale' } },
    { method: 'GET', url: `/api/patients/${ids.patient}/findings`, allowed: ['physician', 'nurse'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/findings`, allowed: ['physician', 'nurse'], body: { condition: 'acute_infection' } },
    { method: 'POST', url: `/api/findings/${ids.grant}/revise`, allowed: ['physician', 'nurse', 'therapist'], body: { status: 'resolved', reason: 'Resolved' } },
    // Notes: front desk, billing, admins and auditors never reach them; each kind has its author role.
    { method: 'GET', url: `/api/patients/${ids.patient}/notes`, allowed: ['physician', 'nurse'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/notes`, allowed: ['physician'], body: { kind: 'physician_exam', content: {} } },
    { method: 'GET', url: `/api/notes/${ids.grant}`, allowed: ['physician', 'nurse', 'therapist'] },
    { method: 'PUT', url: `/api/notes/${ids.grant}`, allowed: ['physician', 'therapist'], body: { kind: 'physician_exam', version: 1, content: {} } },
    { method: 'POST', url: `/api/notes/${ids.grant}/sign`, allowed: ['physician', 'therapist'], body: { version: 1 } },
    { method: 'POST', url: `/api/notes/${ids.grant}/addenda`, allowed: ['physician', 'nurse', 'therapist'], body: { text: 'Addendum' } },
    { method: 'GET', url: `/api/patients/${ids.patient}/contraindications`, allowed: ['physician', 'nurse'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/contraindication-clearances`, allowed: ['physician'] },
    // The door admits admins and physicians; the rule then needs both roles in one user (contraindications.int.test.ts).
    { method: 'POST', url: `/api/patients/${ids.patient}/contraindication-overrides`, allowed: ['admin', 'physician'] },
    { method: 'GET', url: `/api/patients/${ids.patient}/eligibility`, allowed: ['physician', 'nurse'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/eligibility`, allowed: ['physician'] },
    // Consent documents are clinic templates (no PHI). A patient's consents are scoped like the chart header:
    // therapists hold `consent.collect` but this patient is not on their care team (403).
    { method: 'GET', url: '/api/consent-documents', allowed: ['admin', 'physician', 'nurse', 'therapist', 'front_desk'] },
    { method: 'GET', url: `/api/consent-documents/${ids.grant}`, allowed: ['admin', 'physician', 'nurse', 'therapist', 'front_desk'] },
    { method: 'POST', url: '/api/consent-documents', allowed: ['admin'], body: { kind: 'telehealth', title: 'Telehealth consent', body: 'Telehealth sessions take place by secure video. '.repeat(3), expectedCurrentVersion: 0 } },
    { method: 'GET', url: `/api/patients/${ids.patient}/consents`, allowed: ['physician', 'nurse', 'front_desk'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/consents`, allowed: ['physician', 'nurse', 'front_desk'], body: { documentId: ids.grant, documentHash: '0'.repeat(64), typedName: 'Ada Matrix', acknowledged: true } },
    { method: 'GET', url: `/api/patients/${ids.patient}/consents/${ids.consent}`, allowed: ['physician', 'nurse', 'front_desk'] },
    { method: 'GET', url: `/api/patients/${ids.patient}/consents/${ids.consent}/pdf`, allowed: ['physician', 'nurse', 'front_desk'] },
    { method: 'POST', url: `/api/patients/${ids.patient}/consents/${ids.consent}/revoke`, allowed: ['physician', 'nurse', 'front_desk'], body: { reason: 'Patient withdrew consent' } },
    // Issue #3 intake: the public site and inquiry form (no session), the intake queue, alerts, and the page editor.
    ...['/', '/program', '/safety', '/faq', '/billing', '/inquire', '/site.css'].map((url) => ({ method: 'GET' as const, url, allowed: 'public' as const })),
    // The controlled-substance ledger (issue #6): licensed staff and admins record, auditors read everything.
    ...LEDGER_READ_ROUTES.map((url) => ({ method: 'GET' as const, url, allowed: LEDGER_READERS, documentedAs: url.split('?')[0]?.replace('/receipts', '/{report}') })),
    { method: 'POST', url: '/api/ledger/entries', allowed: LEDGER_RECORDERS, body: { entry: { kind: 'reversal', reversesEntryId: ids.grant, reason: 'Matrix' }, witness: null } },
    { method: 'POST', url: `/api/ledger/sessions/${ids.grant}/reconciliation`, allowed: LEDGER_READERS, body: { closingAs: 'completed', administrations: [] } },
    { method: 'POST', url: '/api/ledger/counts', allowed: LEDGER_RECORDERS, body: {} },
    { method: 'POST', url: `/api/ledger/discrepancies/${ids.grant}/resolve`, allowed: LEDGER_RECORDERS, body: { resolution: 'explained', reason: 'Matrix' } },
    { method: 'POST', url: '/api/ledger/inventories', allowed: LEDGER_RECORDERS, body: {} },
    { method: 'POST', url: '/api/ledger/loss-reports', allowed: LEDGER_RECORDERS, body: {} },
    { method: 'POST', url: `/api/ledger/loss-reports/${ids.grant}/steps/notify_state_board`, allowed: LEDGER_RECORDERS, documentedAs: '/api/ledger/loss-reports/{id}/steps/{step}', body: { completedOn: '2026-11-28' } },
    { method: 'POST', url: '/api/ledger/locations', allowed: ['physician', 'admin'], body: {} },
    { method: 'POST', url: '/api/ledger/products', allowed: ['physician', 'admin'], body: {} },
    { method: 'POST', url: '/inquire', allowed: 'public' },
    { method: 'POST', url: '/api/public/inquiries', allowed: 'public' },
    { method: 'GET', url: '/api/intake/inquiries', allowed: INTAKE_ROLES },
    { method: 'GET', url: '/api/intake/assignees', allowed: INTAKE_ROLES },
    { method: 'GET', url: `/api/intake/inquiries/${ids.grant}`, allowed: INTAKE_ROLES },
    { method: 'POST', url: `/api/intake/inquiries/${ids.grant}/assign`, allowed: INTAKE_ROLES, body: { userId: null } },
    { method: 'POST', url: `/api/intake/inquiries/${ids.grant}/status`, allowed: INTAKE_ROLES, body: { status: 'contacted' } },
    { method: 'POST', url: `/api/intake/inquiries/${ids.grant}/notes`, allowed: INTAKE_ROLES, body: { body: 'Called back' } },
    { method: 'POST', url: `/api/intake/inquiries/${ids.grant}/convert`, allowed: INTAKE_ROLES, body: {} },
    { method: 'GET', url: '/api/alerts', allowed: INTAKE_ROLES },
    { method: 'POST', url: `/api/alerts/${ids.grant}/ack`, allowed: INTAKE_ROLES },
    // Issue #4, the course engine: lists are scoped (a therapist sees their care team); this patient has none.
    { method: 'GET', url: '/api/courses', allowed: ['physician', 'nurse', 'therapist'] },
    { method: 'GET', url: '/api/courses/integration-overdue', allowed: ['physician', 'nurse', 'therapist'] },
    { method: 'GET', url: `/api/patients/${ids.patient}/course`, allowed: ['physician', 'nurse'] },
    { method: 'GET', url: '/api/plan-defaults', allowed: ['physician', 'therapist'] },
    { method: 'POST', url: '/api/plans', allowed: ['physician'], body: { modality: 'individual', focus: 'general', title: 'Plan', patientIds: [ids.patient], content: { targetConditions: [], goals: ['Goal'], intentions: '', careTeam: [] } } },
    { method: 'GET', url: `/api/plans/${ids.grant}`, allowed: ['physician', 'nurse', 'therapist'] },
    { method: 'POST', url: `/api/plans/${ids.grant}/revisions`, allowed: ['physician', 'therapist'], body: { content: { targetConditions: [], goals: ['Goal'], intentions: '', careTeam: [] } } },
    { method: 'POST', url: `/api/plans/${ids.grant}/cosign`, allowed: ['physician'], body: { version: 1 } },
    { method: 'POST', url: `/api/plans/${ids.grant}/acknowledgements`, allowed: ['physician', 'therapist'], body: { patientId: ids.patient, typedName: 'Ada Matrix' } },
    { method: 'POST', url: `/api/plans/${ids.grant}/members`, allowed: ['physician', 'therapist'], body: { patientId: ids.patient } },
    { method: 'POST', url: `/api/plans/${ids.grant}/sessions`, allowed: ['physician', 'therapist'], body: { kind: 'preparation', format: 'individual', heldAt: '2026-11-28T14:00:00.000Z', attendees: [ids.patient] } },
    { method: 'GET', url: `/api/plans/${ids.grant}/medicine-roster?at=2026-12-01T15:00:00.000Z&route=oral`, allowed: ['physician', 'nurse', 'therapist'], documentedAs: '/api/plans/{id}/medicine-roster' },
    { method: 'GET', url: `/api/courses/${ids.grant}/medicine-check?at=2026-12-01T15:00:00.000Z&route=oral`, allowed: ['physician', 'nurse', 'therapist'], documentedAs: '/api/courses/{id}/medicine-check' },
    { method: 'POST', url: `/api/courses/${ids.grant}/prep-minimum`, allowed: ['physician', 'therapist'], body: { minimum: 2, reason: 'Prior therapy' } },
    { method: 'POST', url: `/api/courses/${ids.grant}/readiness`, allowed: ['physician', 'therapist'], body: {} },
    { method: 'POST', url: `/api/courses/${ids.grant}/first-route-override`, allowed: ['physician', 'therapist'], body: { reason: 'Cannot take oral' } },
    { method: 'POST', url: `/api/courses/${ids.grant}/cycle-decisions`, allowed: ['physician', 'therapist'], body: { decision: 'complete' } },
    { method: 'POST', url: `/api/courses/${ids.grant}/safety-flags`, allowed: ['physician', 'nurse', 'therapist'], body: { kind: 'clinician_concern' } },
    { method: 'POST', url: `/api/courses/${ids.grant}/safety-flags/${ids.consent}/review`, allowed: ['physician', 'therapist'], documentedAs: '/api/courses/{id}/safety-flags/{flagId}/review', body: { reason: 'Reviewed with patient' } },
    { method: 'GET', url: `/api/session-notes/${ids.grant}`, allowed: ['physician', 'nurse', 'therapist'] },
    { method: 'PUT', url: `/api/session-notes/${ids.grant}`, allowed: ['physician', 'therapist'], body: { version: 1, content: { fields: {}, text: '' } } },
    { method: 'POST', url: `/api/session-notes/${ids.grant}/sign`, allowed: ['physician', 'therapist'], body: { version: 1 } },
    { method: 'POST', url: `/api/session-notes/${ids.grant}/cosign`, allowed: ['physician', 'therapist'] },
    { method: 'POST', url: `/api/session-notes/${ids.grant}/addenda`, allowed: ['physician', 'therapist'], body: { text: 'Addendum' } },
    { method: 'GET', url: '/api/note-templates', allowed: ['physician', 'nurse', 'therapist'] },
    { method: 'GET', url: '/api/admin/note-templates', allowed: ['admin'] },
    { method: 'PUT', url: '/api/note-templates/preparation', allowed: ['admin'], documentedAs: '/api/note-templates/{kind}', body: { fields: [{ key: 'intentions', label: 'Intentions', required: true }] } },
    { method: 'GET', url: '/api/admin/pages', allowed: ['admin'] },
    { method: 'GET', url: '/api/admin/pages/faq', allowed: ['admin'], documentedAs: '/api/admin/pages/{slug}' },
    { method: 'PUT', url: '/api/admin/pages/faq', allowed: ['admin'], documentedAs: '/api/admin/pages/{slug}', body: { title: 'FAQ', body: '# Questions' } },
    { method: 'POST', url: '/api/admin/pages/preview', allowed: ['admin'], body: { body: '# Preview' } },
    // Scheduling (issue #5): the calendar for everyone who works with patients; booking scoped like the chart
    // header (this patient is not on the therapist's care team: 403 where the patient is checked first).
    { method: 'GET', url: '/api/scheduling/setup', allowed: SCHEDULE_ROLES },
    { method: 'PUT', url: '/api/scheduling/clinic-hours', allowed: ['admin', 'front_desk'], body: { weekly: { monday: [{ start: '08:00', end: '18:00' }] } } },
    { method: 'PUT', url: `/api/scheduling/staff/${ids.staff}/availability`, allowed: ['admin', 'front_desk'], body: { weekly: {} } },
    { method: 'POST', url: `/api/scheduling/staff/${ids.staff}/time-off`, allowed: ['admin', 'front_desk'], body: { start: '2027-01-04T15:00:00Z', end: '2027-01-05T00:00:00Z' } },
    // A clinician also keeps their own hours and time off (staff-hours.int.test.ts); `ids.staff` is someone else, so 403.
    { method: 'POST', url: `/api/scheduling/staff/${ids.staff}/time-off/${ids.grant}/withdraw`, allowed: ['admin', 'front_desk'], documentedAs: '/api/scheduling/staff/{id}/time-off/{timeOffId}/withdraw' },
    { method: 'POST', url: '/api/scheduling/appointment-types', allowed: ['admin', 'front_desk'], body: { kind: 'follow_up', name: 'Check-in call', phase: 'other', durationMinutes: 20, staff: [], roomCapability: null } },
    { method: 'PUT', url: `/api/scheduling/appointment-types/${ids.grant}`, allowed: ['admin', 'front_desk'], body: { kind: 'follow_up', name: 'Check-in call', phase: 'other', durationMinutes: 20, staff: [], roomCapability: null } },
    { method: 'POST', url: '/api/scheduling/rooms', allowed: ['admin', 'front_desk'], body: { name: 'Matrix room', capabilities: ['therapy'] } },
    { method: 'PUT', url: `/api/scheduling/rooms/${ids.grant}`, allowed: ['admin', 'front_desk'], body: { name: 'Matrix room', capabilities: ['therapy'] } },
    { method: 'POST', url: '/api/scheduling/slot-search', allowed: BOOKING_ROLES, body: { appointmentTypeId: ids.grant, patientIds: [ids.patient], from: '2027-01-04', to: '2027-01-08' } },
    { method: 'POST', url: '/api/scheduling/check', allowed: BOOKING_ROLES, body: { appointmentTypeId: ids.grant, patientIds: [ids.patient], start: { date: '2027-01-04', time: '09:00' }, staffIds: [], roomId: null } },
    { method: 'GET', url: '/api/appointments?from=2027-01-04&to=2027-01-08', allowed: SCHEDULE_ROLES, documentedAs: '/api/appointments' },
    { method: 'GET', url: '/api/appointments/agenda', allowed: SCHEDULE_ROLES },
    { method: 'POST', url: '/api/appointments', allowed: BOOKING_ROLES, body: { appointmentTypeId: ids.grant, patientIds: [ids.patient], start: { date: '2027-01-04', time: '09:00' }, staffIds: [], roomId: null } },
    { method: 'GET', url: `/api/appointments/${ids.grant}`, allowed: SCHEDULE_ROLES },
    { method: 'GET', url: `/api/appointments/${ids.grant}/calendar.ics`, allowed: SCHEDULE_ROLES },
    { method: 'POST', url: `/api/appointments/${ids.grant}/reschedule`, allowed: SCHEDULE_ROLES, body: { start: { date: '2027-01-04', time: '09:00' }, staffIds: [], roomId: null, version: 1 } },
    { method: 'POST', url: `/api/appointments/${ids.grant}/cancel`, allowed: SCHEDULE_ROLES, body: { reason: 'patient_request' } },
    { method: 'POST', url: `/api/appointments/${ids.grant}/status`, allowed: SCHEDULE_ROLES, body: { status: 'arrived' } },
    { method: 'POST', url: `/api/appointments/${ids.grant}/members`, allowed: BOOKING_ROLES, body: { patientId: ids.patient } },
    { method: 'POST', url: `/api/appointments/${ids.grant}/members/withdraw`, allowed: BOOKING_ROLES, body: { patientId: ids.patient } },
    { method: 'POST', url: `/api/appointments/${ids.grant}/attendance`, allowed: BOOKING_ROLES, body: { patientId: ids.patient, attendance: 'attended' } },
    { method: 'POST', url: `/api/patients/${ids.patient}/course-plan`, allowed: BOOKING_ROLES, body: {} },
    { method: 'POST', url: `/api/patients/${ids.patient}/course-plan/accept`, allowed: BOOKING_ROLES, body: { proposals: [{ appointmentTypeId: ids.grant, start: { date: '2027-01-04', time: '09:00' }, staffIds: [], roomId: null }] } },
    { method: 'GET', url: '/api/calendar-feed', allowed: SCHEDULE_ROLES },
    { method: 'POST', url: '/api/calendar-feed', allowed: SCHEDULE_ROLES },
    { method: 'POST', url: '/api/calendar-feed/revoke', allowed: SCHEDULE_ROLES },
    { method: 'GET', url: '/api/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics', allowed: 'public', documentedAs: '/api/calendar-feeds/{token}/calendar.ics' },
  ];
}

/** Who sees the calendar and moves appointments (issue #5). */
const SCHEDULE_ROLES: readonly StaffRole[] = ['admin', 'physician', 'nurse', 'therapist', 'front_desk'];
/** Who may book for this patient: the same, less the therapist, who is not on this patient's care team. */
const BOOKING_ROLES: readonly StaffRole[] = ['admin', 'physician', 'nurse', 'front_desk'];

/** Who reads the controlled-substance ledger and who records in it (issue #6). */
const LEDGER_READERS: readonly StaffRole[] = ['physician', 'nurse', 'admin', 'auditor'];
const LEDGER_RECORDERS: readonly StaffRole[] = ['physician', 'nurse', 'admin'];
const LEDGER_READ_ROUTES = [
  '/api/ledger/stock',
  '/api/ledger/entries',
  '/api/ledger/verify',
  '/api/ledger/count-sheet',
  '/api/ledger/counts',
  '/api/ledger/discrepancies',
  '/api/ledger/inventories',
  '/api/ledger/loss-reports',
  '/api/ledger/reports/receipts?from=2026-11-01&to=2026-11-28',
];

/** Who works the intake queue and sees urgent alerts (issue #3). */
const INTAKE_ROLES: readonly StaffRole[] = ['admin', 'physician', 'nurse', 'therapist', 'front_desk'];

const WRITE_ROUTES_THAT_CHANGE_SESSIONS = new Set(['/api/auth/logout', '/api/auth/logout-everywhere', '/api/auth/password']);

describe('access rules for every route', () => {
  it('refuses each role a route does not admit with 403, and stores nothing', async () => {
    for (const rule of rules()) {
      if (rule.allowed === 'public' || rule.allowed === 'any') continue;
      for (const role of STAFF_ROLES) {
        if (rule.allowed.includes(role)) continue;
        const agent = agents.get(role);
        if (!agent) throw new Error(role);
        const mark = await auditMark(t.database.db);
        const response = await agent.request(rule.method, rule.url, rule.body ?? (rule.method === 'GET' ? undefined : {}));
        expect(response.statusCode, `${role} ${rule.method} ${rule.url}`).toBe(403);
        const written = await auditSince(t.database.db, mark);
        expect(written.every((event) => event.outcome === 'failure'), `${role} ${rule.method} ${rule.url} wrote a success`).toBe(true);
      }
    }
  });

  it('lets each admitted role through the access check', async () => {
    for (const rule of rules()) {
      if (rule.allowed === 'public' || WRITE_ROUTES_THAT_CHANGE_SESSIONS.has(rule.url)) continue;
      const roles = rule.allowed === 'any' ? STAFF_ROLES : rule.allowed;
      for (const role of roles) {
        const response = await agents.get(role)?.request(rule.method, rule.url, rule.body ?? (rule.method === 'GET' ? undefined : {}));
        // Admitted: anything but 401/403 (a 400/404/409 about the data itself is the route's business).
        expect([401, 403], `${role} ${rule.method} ${rule.url}: ${response?.body}`).not.toContain(response?.statusCode);
      }
    }
  });

  it('answers public routes without a session', async () => {
    for (const rule of rules().filter((r) => r.allowed === 'public')) {
      const response = await t.app.inject({ method: rule.method, url: rule.url, ...(rule.method === 'POST' ? { payload: {} } : {}) });
      expect([401, 403], `${rule.method} ${rule.url}`).not.toContain(response.statusCode);
    }
  });

  it('covers every route the API documents', async () => {
    const documented = Object.entries((t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set(rules().map((rule) => `${rule.method} ${rule.documentedAs ?? rule.url.replace(/[0-9a-f-]{36}/g, (id) => (id === ids.consent ? '{consentId}' : id === ids.patient || id === ids.staff || id === ids.grant ? '{id}' : id))}`));
    const missing = documented.filter((route) => !covered.has(route));
    expect(missing).toEqual([]);
  });
});
