import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { ConsentRecord, StaffRole } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makePatient, makeStaff, type TestPatient } from '../../../test/factories.js';
import { currentDocument, signing } from '../../../test/consent-fixtures.js';
import { consentRevocation, patientConsent } from '../../platform/db/schema/index.js';
import { seedConsentDocuments } from './demo-documents.js';

let t: TestApp;
let patient: TestPatient;
let signed: ConsentRecord;
const agents = new Map<string, Agent>();

function agent(name: string): Agent {
  const found = agents.get(name);
  if (!found) throw new Error(name);
  return found;
}

async function signIn(name: string, clinicId: string, roles: readonly StaffRole[]): Promise<string> {
  const staff = await makeStaff(t.database.db, { clinicId, roles });
  const signedIn = new Agent(t.app);
  await signedIn.login(staff.email, staff.password);
  agents.set(name, signedIn);
  return staff.id;
}

async function stored(): Promise<number[]> {
  return Promise.all([patientConsent, consentRevocation].map(async (table) => Number((await t.database.db.select({ n: count() }).from(table))[0]?.n)));
}

beforeAll(async () => {
  t = await testApp();
  const clinic = await makeClinic(t.database.db);
  await seedConsentDocuments(t.database.db, { clinicId: clinic.id, now: new Date('2026-01-05T15:00:00Z') });
  for (const role of ['admin', 'physician', 'nurse', 'front_desk', 'billing', 'auditor'] as const) await signIn(role, clinic.id, [role]);
  const ownTherapist = await signIn('therapist on the care team', clinic.id, ['therapist']);
  await signIn('therapist off the care team', clinic.id, ['therapist']);
  patient = await makePatient(t.database.db, { clinicId: clinic.id, careTeam: [{ userId: ownTherapist, role: 'therapist' }] });
  const response = await agent('nurse').post(`/api/patients/${patient.id}/consents`, signing(await currentDocument(agent('nurse'), 'kap_treatment')));
  signed = response.json() as ConsentRecord;
});
afterAll(async () => t.close());

function patientRoutes(): { method: 'GET' | 'POST'; url: string; body?: unknown }[] {
  return [
    { method: 'GET', url: `/api/patients/${patient.id}/consents` },
    { method: 'POST', url: `/api/patients/${patient.id}/consents`, body: { documentId: signed.documentId, documentHash: signed.documentHash, typedName: 'Test Patient', acknowledged: true } },
    { method: 'GET', url: `/api/patients/${patient.id}/consents/${signed.id}` },
    { method: 'GET', url: `/api/patients/${patient.id}/consents/${signed.id}/pdf` },
    { method: 'POST', url: `/api/patients/${patient.id}/consents/${signed.id}/revoke`, body: { reason: 'Access rule test' } },
  ];
}

describe("who may reach a patient's consents", () => {
  it('refuses billing, auditors and office-only admins on every route, storing nothing', async () => {
    const before = await stored();
    for (const name of ['billing', 'auditor', 'admin']) {
      for (const route of patientRoutes()) {
        const response = await agent(name).request(route.method, route.url, route.body);
        expect(response.statusCode, `${name} ${route.method} ${route.url}`).toBe(403);
      }
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a therapist outside the care team, audits the refusal, and never shows the consent', async () => {
    const outsider = agent('therapist off the care team');
    const before = await stored();
    for (const route of patientRoutes()) {
      const mark = await auditMark(t.database.db);
      const response = await outsider.request(route.method, route.url, route.body);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(response.json()).toMatchObject({ code: 'out_of_scope' });
      expect(response.body).not.toContain(signed.typedName);
      const audit = await auditSince(t.database.db, mark);
      expect(audit.map((event) => [event.action, event.outcome, event.patientId])).toEqual([['read', 'failure', patient.id]]);
    }
    expect(await stored()).toEqual(before);
  });

  it('admits the therapist on the care team, physicians, nurses and front desk', async () => {
    for (const name of ['therapist on the care team', 'physician', 'nurse', 'front_desk']) {
      const response = await agent(name).get(`/api/patients/${patient.id}/consents`);
      expect(response.statusCode, name).toBe(200);
    }
  });

  it('opens the consents to an outside therapist through break-glass, recorded with the reason', async () => {
    const outsider = agent('therapist off the care team');
    const reason = 'Covering for the care team during a crisis call today';
    expect((await outsider.post('/api/break-glass', { patientId: patient.id, reason })).statusCode).toBe(201);
    const mark = await auditMark(t.database.db);
    const response = await outsider.get(`/api/patients/${patient.id}/consents`);
    expect(response.statusCode).toBe(200);
    expect((await auditSince(t.database.db, mark)).map((event) => [event.action, event.breakGlassReason])).toEqual([['read', reason]]);
  });

  it('answers 404 for a patient of another clinic', async () => {
    const elsewhere = await makeClinic(t.database.db);
    const stranger = await makePatient(t.database.db, { clinicId: elsewhere.id });
    expect((await agent('nurse').get(`/api/patients/${stranger.id}/consents`)).statusCode).toBe(404);
  });

  it('lets only admins publish documents, while patient-facing staff may read them', async () => {
    const body = { kind: 'telehealth', title: 'Telehealth', body: 'x'.repeat(80), expectedCurrentVersion: 1 };
    for (const name of ['physician', 'nurse', 'front_desk', 'therapist on the care team', 'billing', 'auditor']) {
      expect((await agent(name).post('/api/consent-documents', body)).statusCode, name).toBe(403);
    }
    for (const name of ['admin', 'physician', 'nurse', 'front_desk', 'therapist on the care team']) {
      expect((await agent(name).get('/api/consent-documents')).statusCode, name).toBe(200);
    }
    for (const name of ['billing', 'auditor']) expect((await agent(name).get('/api/consent-documents')).statusCode, name).toBe(403);
  });
});
