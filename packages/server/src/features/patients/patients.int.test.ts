import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makePatient, makeStaff, type TestClinic, type TestPatient, type TestStaff } from '../../../test/factories.js';

let t: TestApp;
let clinic: TestClinic;
let therapist: TestStaff;
let otherTherapist: TestStaff;
let mine: TestPatient;
let theirs: TestPatient;
let discharged: TestPatient;

async function as(staff: TestStaff): Promise<Agent> {
  const agent = new Agent(t.app);
  expect((await agent.login(staff.email, staff.password)).statusCode).toBe(200);
  return agent;
}

beforeAll(async () => {
  t = await testApp();
  clinic = await makeClinic(t.database.db);
  therapist = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'] });
  otherTherapist = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'] });
  mine = await makePatient(t.database.db, { clinicId: clinic.id, careTeam: [{ userId: therapist.id, role: 'therapist' }], family: 'Lindgren' });
  theirs = await makePatient(t.database.db, { clinicId: clinic.id, careTeam: [{ userId: otherTherapist.id, role: 'therapist' }], family: 'Banks' });
  discharged = await makePatient(t.database.db, { clinicId: clinic.id, status: 'discharged', family: 'Achebe' });
});
afterAll(async () => t.close());

describe('who sees which chart header', () => {
  it('shows a therapist their care-team patients only, and audits each read', async () => {
    const agent = await as(therapist);
    const list = (await agent.get('/api/patients')).json() as { id: string }[];
    expect(list.map((p) => p.id)).toEqual([mine.id]);
    const mark = await auditMark(t.database.db);
    const read = await agent.get(`/api/patients/${mine.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ mrn: mine.mrn, careTeam: [{ userId: therapist.id, role: 'therapist' }] });
    const [event] = await auditSince(t.database.db, mark);
    expect(event).toMatchObject({ action: 'read', outcome: 'success', patientId: mine.id, userId: therapist.id, resourceType: 'Patient', requestId: expect.any(String) });
  });

  it("refuses a therapist another therapist's patient with 403 out_of_scope, and audits the refusal", async () => {
    const agent = await as(therapist);
    const mark = await auditMark(t.database.db);
    const response = await agent.get(`/api/patients/${theirs.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'out_of_scope' });
    expect(response.body).not.toContain('Banks');
    const [event] = await auditSince(t.database.db, mark);
    expect(event).toMatchObject({ action: 'read', outcome: 'failure', patientId: theirs.id });
  });

  it('shows front desk and billing every patient of the clinic, discharged included', async () => {
    for (const roles of [['front_desk'], ['billing']] as const) {
      const agent = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles }));
      const ids = ((await agent.get('/api/patients')).json() as { id: string }[]).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id, discharged.id]));
    }
  });

  it('refuses the auditor any chart', async () => {
    const agent = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['auditor'] }));
    expect((await agent.get('/api/patients')).statusCode).toBe(403);
    expect((await agent.get(`/api/patients/${mine.id}`)).statusCode).toBe(403);
  });

  it("never shows another clinic's patients, whatever the role", async () => {
    const elsewhere = await makeClinic(t.database.db);
    const stranger = await makePatient(t.database.db, { clinicId: elsewhere.id });
    const nurse = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'] }));
    expect((await nurse.get(`/api/patients/${stranger.id}`)).statusCode).toBe(404);
    expect(((await nurse.get('/api/patients')).json() as { id: string }[]).some((p) => p.id === stranger.id)).toBe(false);
  });

  it('audits a search with its result count but never the search term', async () => {
    const agent = await as(therapist);
    const mark = await auditMark(t.database.db);
    await agent.get('/api/patients?q=Lindgren');
    const [event] = await auditSince(t.database.db, mark);
    expect(event).toMatchObject({ action: 'query', detail: { results: 1, filtered: true } });
    expect(JSON.stringify(event)).not.toContain('Lindgren');
  });
});

describe('break-glass access', () => {
  it('opens a chart for the policy minutes with a reason, audits the reason on every read, then closes', async () => {
    const agent = await as(therapist);
    const tooShort = await agent.post('/api/break-glass', { patientId: theirs.id, reason: 'urgent' });
    expect(tooShort.statusCode).toBe(400);
    const mark = await auditMark(t.database.db);
    const grant = await agent.post('/api/break-glass', { patientId: theirs.id, reason: 'Covering crisis call; primary therapist unreachable' });
    expect(grant.statusCode).toBe(201);
    const read = await agent.get(`/api/patients/${theirs.id}`);
    expect(read.statusCode, read.body).toBe(200);
    const events = await auditSince(t.database.db, mark);
    expect(events.map((e) => [e.action, e.breakGlassReason])).toEqual([
      ['break_glass', 'Covering crisis call; primary therapist unreachable'],
      ['read', 'Covering crisis call; primary therapist unreachable'],
    ]);
    expect(((await agent.get('/api/patients')).json() as { id: string }[]).map((p) => p.id)).toContain(theirs.id);
    t.clock.advanceMinutes(61);
    await agent.login(therapist.email, therapist.password);
    expect((await agent.get(`/api/patients/${theirs.id}`)).statusCode).toBe(403);
    t.clock.advanceMinutes(-61);
  });

  it('is listed for review, and a review is recorded once', async () => {
    const auditor = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['auditor'] }));
    const pending = (await auditor.get('/api/break-glass?unreviewed=true')).json() as { id: string; patientMrn: string; reason: string }[];
    expect(pending[0]).toMatchObject({ patientMrn: theirs.mrn, reason: expect.stringContaining('crisis') });
    const id = pending[0]?.id ?? '';
    expect((await auditor.post(`/api/break-glass/${id}/review`, { note: 'Confirmed with the on-call log' })).statusCode).toBe(200);
    expect((await auditor.post(`/api/break-glass/${id}/review`, { note: 'Again' })).statusCode).toBe(409);
    expect(((await auditor.get('/api/break-glass?unreviewed=true')).json() as unknown[]).length).toBe(0);
  });

  it('refuses break-glass to office roles and for unknown patients', async () => {
    const desk = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'] }));
    expect((await desk.post('/api/break-glass', { patientId: theirs.id, reason: 'I would like to look please' })).statusCode).toBe(403);
    const agent = await as(therapist);
    expect((await agent.post('/api/break-glass', { patientId: '01900000-0000-7000-8000-000000000000', reason: 'Emergency in the lobby now' })).statusCode).toBe(404);
  });
});

describe('creating a chart', () => {
  it('creates a patient with an MRN and a care team, audited', async () => {
    const desk = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'] }));
    const mark = await auditMark(t.database.db);
    const response = await desk.post('/api/patients', {
      legalGivenName: 'Marisol',
      legalFamilyName: 'Quintero',
      dateOfBirth: '1992-07-28',
      careTeam: [{ userId: therapist.id, role: 'therapist' }],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json() as { id: string; mrn: string; status: string };
    expect(created.mrn).toMatch(/^L\d{6}$/);
    expect(created.status).toBe('inquiry');
    expect((await auditSince(t.database.db, mark)).map((e) => [e.action, e.patientId])).toEqual([['create', created.id]]);
  });

  it('refuses a care-team member who does not hold the role, storing nothing', async () => {
    const desk = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'] }));
    const before = ((await desk.get('/api/patients')).json() as unknown[]).length;
    const response = await desk.post('/api/patients', {
      legalGivenName: 'No',
      legalFamilyName: 'Body',
      dateOfBirth: '1990-01-01',
      careTeam: [{ userId: therapist.id, role: 'physician' }],
    });
    expect(response.statusCode).toBe(404);
    expect(((await desk.get('/api/patients')).json() as unknown[]).length).toBe(before);
  });

  it('refuses impossible dates of birth', async () => {
    const desk = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'] }));
    for (const dateOfBirth of ['2026-02-30', '1990-13-01', 'yesterday']) {
      expect((await desk.post('/api/patients', { legalGivenName: 'A', legalFamilyName: 'B', dateOfBirth })).statusCode, dateOfBirth).toBe(400);
    }
  });
});
