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
}

let t: TestApp;
let ids: { staff: string; patient: string; grant: string };
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
  ids = { staff: target.id, patient: patient.id, grant: '01900000-0000-7000-8000-000000000000' };
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
  ];
}

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
    const covered = new Set(rules().map((rule) => `${rule.method} ${rule.url.replace(/[0-9a-f-]{36}/g, (id) => (id === ids.patient || id === ids.staff || id === ids.grant ? '{id}' : id))}`));
    const missing = documented.filter((route) => !covered.has(route));
    expect(missing).toEqual([]);
  });
});
