import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { makeClinic, makePatient, makeStaff, type TestPatient, type TestStaff } from '../../../test/factories.js';

let t: TestApp;
let auditor: Agent;
let nurse: TestStaff;
let patient: TestPatient;

interface Page {
  total: number;
  events: { seq: number; action: string; outcome: string; userId: string | null; patientId: string | null; patientMrn: string | null; at: string }[];
}

beforeAll(async () => {
  t = await testApp();
  const clinic = await makeClinic(t.database.db);
  nurse = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'] });
  patient = await makePatient(t.database.db, { clinicId: clinic.id });
  const nurseAgent = new Agent(t.app);
  await nurseAgent.login(nurse.email, nurse.password);
  await nurseAgent.get(`/api/patients/${patient.id}`);
  t.clock.advanceMinutes(60);
  await nurseAgent.login(nurse.email, 'a wrong password here');
  const auditorStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['auditor'] });
  auditor = new Agent(t.app);
  await auditor.login(auditorStaff.email, auditorStaff.password);
});
afterAll(async () => t.close());

describe("the auditor's trail", () => {
  it('filters by user, patient, action and outcome', async () => {
    const byUser = (await auditor.get(`/api/audit/events?userId=${nurse.id}&sort=oldest`)).json() as Page;
    expect(byUser.events.map((e) => [e.action, e.outcome])).toEqual([
      ['login', 'success'],
      ['read', 'success'],
      ['login_failed', 'failure'],
    ]);
    const byPatient = (await auditor.get(`/api/audit/events?patientId=${patient.id}`)).json() as Page;
    expect(byPatient.events).toHaveLength(1);
    expect(byPatient.events[0]).toMatchObject({ action: 'read', patientMrn: patient.mrn });
    const failures = (await auditor.get('/api/audit/events?outcome=failure&action=login_failed')).json() as Page;
    expect(failures.total).toBe(1);
  });

  it('filters by date range and sorts both ways', async () => {
    const start = new Date('2026-11-28T15:30:00Z').toISOString();
    const later = (await auditor.get(`/api/audit/events?userId=${nurse.id}&from=${start}`)).json() as Page;
    expect(later.events.map((e) => e.action)).toEqual(['login_failed']);
    const earlier = (await auditor.get(`/api/audit/events?userId=${nurse.id}&to=${start}`)).json() as Page;
    expect(earlier.events.map((e) => e.action)).toEqual(['read', 'login']);
    const newest = (await auditor.get('/api/audit/events?sort=newest&limit=5')).json() as Page;
    const seqs = newest.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it('exports the filtered trail as CSV, and audits the export', async () => {
    const response = await auditor.get(`/api/audit/events.csv?userId=${nurse.id}&sort=oldest`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="lantern-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,userEmail,userRoles,action,outcome,patientMrn,resourceType,resourceId,sourceIp,requestId,breakGlassReason');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(patient.mrn);
    const exports = (await auditor.get('/api/audit/events?action=export')).json() as Page;
    expect(exports.total).toBe(1);
  });

  it('audits the auditor too', async () => {
    const queries = (await auditor.get('/api/audit/events?action=query')).json() as Page;
    expect(queries.total).toBeGreaterThan(0);
  });

  it('verifies the chain on request', async () => {
    const verdict = (await auditor.get('/api/audit/verify')).json() as { ok: boolean; checked: number };
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThan(5);
  });
});
