import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { ClinicAlert, InquiryDetail, InquiryReceipt, InquirySubmissionInput, InquirySummary } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makePatient, makeStaff, type TestClinic, type TestStaff } from '../../../test/factories.js';
import { CSSRS_HIGH, inquiryJson } from '../../../test/inquiries.js';
import { inquiry, patient } from '../../platform/db/schema/index.js';

let t: TestApp;
let clinic: TestClinic;
let desk: TestStaff;
let frontDesk: Agent;
let therapist: TestStaff;
let address = 0;

async function as(staff: TestStaff): Promise<Agent> {
  const agent = new Agent(t.app);
  expect((await agent.login(staff.email, staff.password)).statusCode).toBe(200);
  return agent;
}

/** Sends an inquiry through the public API and returns its id in the queue. */
async function inquire(overrides: Partial<InquirySubmissionInput> = {}): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/public/inquiries', payload: inquiryJson(overrides) as Record<string, unknown>, remoteAddress: `10.1.0.${(address += 1)}` });
  expect(response.statusCode, response.body).toBe(201);
  const { reference } = response.json() as InquiryReceipt;
  const [row] = await t.database.db.select({ id: inquiry.id }).from(inquiry).where(eq(inquiry.reference, reference));
  if (!row) throw new Error('inquiry not stored');
  return row.id;
}

async function patientCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(patient);
  return Number(row?.n);
}

beforeAll(async () => {
  t = await testApp();
  clinic = await makeClinic(t.database.db);
  desk = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'], name: 'Ella Front' });
  therapist = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'], name: 'Jonah Therapist' });
  frontDesk = await as(desk);
});
afterAll(async () => t.close());

describe('the intake queue', () => {
  it('lists urgent open inquiries first, then the newest, and audits the list without the filters', async () => {
    const calm = await inquire({ givenName: 'Anna', email: 'anna@example.test' });
    t.clock.advanceMinutes(1);
    const urgent = await inquire({ givenName: 'Bea', email: 'bea@example.test', prescreen: { cssrs: CSSRS_HIGH } });
    t.clock.advanceMinutes(1);
    const newest = await inquire({ givenName: 'Cleo', email: 'cleo@example.test' });
    const mark = await auditMark(t.database.db);
    const list = (await frontDesk.get('/api/intake/inquiries')).json() as InquirySummary[];
    expect(list.map((row) => row.id).slice(0, 3)).toEqual([urgent, newest, calm]);
    expect(list[0]).toMatchObject({ triage: 'urgent_safety', status: 'new', name: 'Bea Solberg', hasPrescreen: true, assignedTo: null });
    const [event] = await auditSince(t.database.db, mark);
    expect(event).toMatchObject({ action: 'query', resourceType: 'Inquiry', detail: { results: list.length, filtered: false } });

    const urgentOnly = (await frontDesk.get('/api/intake/inquiries?triage=urgent_safety')).json() as InquirySummary[];
    expect(urgentOnly.map((row) => row.id)).toEqual([urgent]);
    expect(((await frontDesk.get('/api/intake/inquiries?status=closed')).json() as unknown[]).length).toBe(0);
    expect((await frontDesk.get('/api/intake/inquiries?status=archived')).statusCode).toBe(400);
  });

  it('shows one inquiry with answers, scores and reasons, and audits the read as PHI', async () => {
    const id = await inquire({ givenName: 'Dana', email: 'dana@example.test', prescreen: { pregnant: true } });
    const mark = await auditMark(t.database.db);
    const response = await frontDesk.get(`/api/intake/inquiries/${id}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json() as InquiryDetail;
    expect(detail).toMatchObject({ givenName: 'Dana', email: 'dana@example.test', triage: 'likely_ineligible', policyVersion: expect.any(Number), notes: [] });
    expect(detail.triageReasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'pregnancy', level: 'absolute' })]));
    expect(await auditSince(t.database.db, mark)).toEqual([expect.objectContaining({ action: 'read', resourceType: 'Inquiry', resourceId: id, userId: desk.id })]);
  });

  it('assigns to intake staff only, changes status, and keeps notes, each audited', async () => {
    const id = await inquire({ givenName: 'Eli', email: 'eli@example.test' });
    const mark = await auditMark(t.database.db);
    const assigned = await frontDesk.post(`/api/intake/inquiries/${id}/assign`, { userId: therapist.id });
    expect(assigned.json()).toMatchObject({ assignedTo: { id: therapist.id, displayName: 'Jonah Therapist' } });
    const billing = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['billing'] });
    expect((await frontDesk.post(`/api/intake/inquiries/${id}/assign`, { userId: billing.id })).statusCode).toBe(404);
    expect((await frontDesk.post(`/api/intake/inquiries/${id}/status`, { status: 'contacted' })).json()).toMatchObject({ status: 'contacted' });
    expect((await frontDesk.post(`/api/intake/inquiries/${id}/status`, { status: 'converted' })).statusCode).toBe(400);
    const noted = await frontDesk.post(`/api/intake/inquiries/${id}/notes`, { body: 'Left a voicemail <b>Tuesday</b>' });
    expect(noted.statusCode).toBe(201);
    expect((noted.json() as InquiryDetail).notes).toEqual([expect.objectContaining({ body: 'Left a voicemail <b>Tuesday</b>', author: { id: desk.id, displayName: 'Ella Front' } })]);
    const mine = (await (await as(therapist)).get('/api/intake/inquiries?assignee=me')).json() as InquirySummary[];
    expect(mine.map((row) => row.id)).toEqual([id]);
    const changes = (await auditSince(t.database.db, mark)).filter((e) => e.action === 'update' || e.action === 'create');
    expect(changes.map((e) => [e.action, e.resourceType, (e.detail as { field?: string } | null)?.field ?? null])).toEqual([
      ['update', 'Inquiry', 'assignedTo'],
      ['update', 'Inquiry', 'status'],
      ['create', 'InquiryNote', null],
    ]);
    expect(JSON.stringify(changes)).not.toContain('voicemail');
  });

  it("does not reach another clinic's inquiries", async () => {
    const id = await inquire({ givenName: 'Fen', email: 'fen@example.test' });
    const elsewhere = await makeClinic(t.database.db);
    const stranger = await as(await makeStaff(t.database.db, { clinicId: elsewhere.id, roles: ['admin'] }));
    expect((await stranger.get(`/api/intake/inquiries/${id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/intake/inquiries/${id}/status`, { status: 'closed' })).statusCode).toBe(404);
    expect(((await stranger.get('/api/intake/inquiries')).json() as unknown[]).length).toBe(0);
  });

  it('keeps free text verbatim, HTML and script included (the UI escapes it)', async () => {
    const reason = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const id = await inquire({ givenName: 'Gus', email: 'gus@example.test', reason });
    expect(((await frontDesk.get(`/api/intake/inquiries/${id}`)).json() as InquiryDetail).reason).toBe(reason);
  });
});

describe('urgent alerts', () => {
  it('shows the alert to clinical and front-desk staff at once, and records one acknowledgement', async () => {
    const id = await inquire({ givenName: 'Hana', email: 'hana@example.test', prescreen: { cssrs: CSSRS_HIGH } });
    const nurse = await as(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'] }));
    const alerts = (await nurse.get('/api/alerts')).json() as ClinicAlert[];
    const alert = alerts.find((a) => a.inquiryId === id);
    expect(alert).toMatchObject({ kind: 'urgent_inquiry', severity: 'urgent', acknowledgedAt: null, inquiryReference: expect.stringMatching(/^LQ-/) });
    expect(JSON.stringify(alerts)).not.toContain('Hana');
    const mark = await auditMark(t.database.db);
    expect((await nurse.post(`/api/alerts/${alert?.id}/ack`)).statusCode).toBe(200);
    expect(await auditSince(t.database.db, mark)).toEqual([expect.objectContaining({ action: 'update', resourceType: 'ClinicAlert', resourceId: alert?.id })]);
    expect((await nurse.post(`/api/alerts/${alert?.id}/ack`)).json()).toMatchObject({ code: 'already_acknowledged' });
    expect(((await frontDesk.get('/api/alerts')).json() as ClinicAlert[]).some((a) => a.id === alert?.id)).toBe(false);
    const all = (await frontDesk.get('/api/alerts?state=all')).json() as ClinicAlert[];
    expect(all.find((a) => a.id === alert?.id)).toMatchObject({ acknowledgedAt: expect.any(String), acknowledgedBy: expect.any(String) });
    expect((await frontDesk.post('/api/alerts/01900000-0000-7000-8000-000000000000/ack')).statusCode).toBe(404);
  });
});

describe('converting an inquiry to a patient', () => {
  it('creates the chart from the inquiry without retyping, links it, and audits both', async () => {
    const id = await inquire({ givenName: 'Ivo', familyName: 'Marsh', email: 'ivo@example.test', preferredName: 'Ives', dateOfBirth: '1979-05-02' });
    const before = await patientCount();
    const mark = await auditMark(t.database.db);
    const response = await frontDesk.post(`/api/intake/inquiries/${id}/convert`, { careTeam: [{ userId: therapist.id, role: 'therapist' }] });
    expect(response.statusCode, response.body).toBe(201);
    const { patient: created, linked } = response.json() as { patient: { id: string; legalName: string; preferredName: string; dateOfBirth: string; status: string; mrn: string }; linked: boolean };
    expect(linked).toBe(false);
    // Converting starts the evaluation phase: the chart's status says so.
    expect(created).toMatchObject({ legalName: 'Ivo Marsh', preferredName: 'Ives', dateOfBirth: '1979-05-02', status: 'evaluation', mrn: expect.stringMatching(/^L\d+$/) });
    expect(await patientCount()).toBe(before + 1);
    const events = await auditSince(t.database.db, mark);
    expect(events.map((e) => [e.action, e.resourceType, e.patientId])).toEqual([
      ['query', 'Patient', null],
      ['create', 'Patient', created.id],
      ['update', 'Patient', created.id],
      ['update', 'Inquiry', created.id],
    ]);
    expect(((await frontDesk.get(`/api/intake/inquiries/${id}`)).json() as InquiryDetail)).toMatchObject({ status: 'converted', patient: { id: created.id, mrn: created.mrn } });
    expect((await frontDesk.post(`/api/intake/inquiries/${id}/convert`, {})).json()).toMatchObject({ code: 'inquiry_converted' });
    expect((await frontDesk.post(`/api/intake/inquiries/${id}/status`, { status: 'new' })).statusCode).toBe(409);
  });

  it("carries the pre-screen's self-report to the chart, where the contraindication engine reads it", async () => {
    const id = await inquire({ givenName: 'Noa', familyName: 'Fairweather', dateOfBirth: '1990-03-04', prescreen: { pregnant: true } });
    const response = await frontDesk.post(`/api/intake/inquiries/${id}/convert`, { careTeam: [{ userId: therapist.id, role: 'therapist' }] });
    expect(response.statusCode, response.body).toBe(201);
    const { patient: created } = response.json() as { patient: { id: string } };
    const [row] = await t.database.db.select({ selfReport: patient.intakeSelfReport }).from(patient).where(eq(patient.id, created.id));
    expect(row?.selfReport).toMatchObject({ pregnant: true });
  });

  it('answers 409 with the likely duplicates and stores nothing, then creates on confirmation or links to the existing chart', async () => {
    const existing = await makePatient(t.database.db, { clinicId: clinic.id, family: 'Quist' });
    // makePatient's given name is "Test" and date of birth 1985-06-15: the inquiry below is the same person.
    const first = await inquire({ givenName: 'Test', familyName: 'Quist', email: 'tq@example.test', phone: '651-555-0101', dateOfBirth: '1985-06-15' });
    const before = await patientCount();
    const refused = await frontDesk.post(`/api/intake/inquiries/${first}/convert`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'likely_duplicate', candidates: [{ patientId: existing.id, mrn: existing.mrn, name: 'Test Quist', matchedOn: expect.arrayContaining(['dateOfBirth', 'givenName', 'familyName']) }] });
    expect(await patientCount()).toBe(before);
    expect(((await frontDesk.get(`/api/intake/inquiries/${first}`)).json() as InquiryDetail).status).toBe('new');

    const linked = await frontDesk.post(`/api/intake/inquiries/${first}/convert`, { existingPatientId: existing.id });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({ linked: true, patient: { id: existing.id } });
    expect(await patientCount()).toBe(before);

    const second = await inquire({ givenName: 'Test', familyName: 'Quist', email: 'tq2@example.test', phone: '651-555-0102', dateOfBirth: '1985-06-15' });
    const confirmed = await frontDesk.post(`/api/intake/inquiries/${second}/convert`, { confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
    expect(await patientCount()).toBe(before + 1);
  });

  it('withholds the names of duplicate charts a therapist may not see', async () => {
    const outside = await makePatient(t.database.db, { clinicId: clinic.id, family: 'Voss' });
    const id = await inquire({ givenName: 'Test', familyName: 'Voss', email: 'tv@example.test', phone: '651-555-0103', dateOfBirth: '1985-06-15' });
    const response = await (await as(therapist)).post(`/api/intake/inquiries/${id}/convert`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ candidates: [{ patientId: outside.id, mrn: outside.mrn, name: null, dateOfBirth: null }] });
    expect(response.body).not.toContain('Voss');
  });

  it('asks for a date of birth when the inquiry gave only an age, and refuses an impossible one', async () => {
    const id = await inquire({ givenName: 'Juno', familyName: 'Reyes', email: 'juno@example.test', phone: '651-555-0107', ageYears: 40, dateOfBirth: undefined });
    const before = await patientCount();
    const missing = await frontDesk.post(`/api/intake/inquiries/${id}/convert`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ errors: [{ path: 'dateOfBirth' }] });
    expect((await frontDesk.post(`/api/intake/inquiries/${id}/convert`, { dateOfBirth: '2090-01-01' })).statusCode).toBe(400);
    expect(await patientCount()).toBe(before);
    const done = await frontDesk.post(`/api/intake/inquiries/${id}/convert`, { dateOfBirth: '1986-01-20' });
    expect(done.json()).toMatchObject({ patient: { dateOfBirth: '1986-01-20', legalName: 'Juno Reyes' } });
  });
});
