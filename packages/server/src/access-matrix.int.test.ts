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
    { method: 'GET', url: '/api/admin/pages', allowed: ['admin'] },
    { method: 'GET', url: '/api/admin/pages/faq', allowed: ['admin'], documentedAs: '/api/admin/pages/{slug}' },
    { method: 'PUT', url: '/api/admin/pages/faq', allowed: ['admin'], documentedAs: '/api/admin/pages/{slug}', body: { title: 'FAQ', body: '# Questions' } },
    { method: 'POST', url: '/api/admin/pages/preview', allowed: ['admin'], body: { body: '# Preview' } },
  ];
}

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
