import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { MAX_SIGNATURE_DATA_URL_LENGTH, type ConsentDocumentView } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { makeClinic, makePatient, makeStaff, type TestPatient } from '../../../test/factories.js';
import { currentDocument, signing } from '../../../test/consent-fixtures.js';
import { signatureDataUrl, signaturePng } from '../../../test/png-fixture.js';
import { auditEvent, consentDocument, consentRevocation, patientConsent } from '../../platform/db/schema/index.js';
import { seedConsentDocuments } from './demo-documents.js';

let t: TestApp;
let nurse: Agent;
let admin: Agent;
let patient: TestPatient;
let kap: ConsentDocumentView;

beforeAll(async () => {
  t = await testApp();
  const clinic = await makeClinic(t.database.db);
  await seedConsentDocuments(t.database.db, { clinicId: clinic.id, now: new Date('2026-01-05T15:00:00Z') });
  const nurseStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'] });
  const adminStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['admin'] });
  patient = await makePatient(t.database.db, { clinicId: clinic.id });
  nurse = new Agent(t.app);
  admin = new Agent(t.app);
  await nurse.login(nurseStaff.email, nurseStaff.password);
  await admin.login(adminStaff.email, adminStaff.password);
  kap = await currentDocument(nurse, 'kap_treatment');
});
afterAll(async () => t.close());

/** Rows of every table a bad consent request could have written, audit trail included. */
async function snapshot(): Promise<number[]> {
  return Promise.all(
    [patientConsent, consentRevocation, consentDocument, auditEvent].map(async (table) => Number((await t.database.db.select({ n: count() }).from(table))[0]?.n)),
  );
}

async function refused(body: unknown, status: number, path?: string): Promise<void> {
  const before = await snapshot();
  const response = await nurse.post(`/api/patients/${patient.id}/consents`, body);
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  if (path) expect((response.json() as { errors: { path: string }[] }).errors.map((error) => error.path)).toContain(path);
  expect(await snapshot()).toEqual(before);
}

describe('bad signing input gets a 4xx and stores nothing', () => {
  it('refuses an oversized signature image', async () => {
    const huge = `data:image/png;base64,${'A'.repeat(MAX_SIGNATURE_DATA_URL_LENGTH)}`;
    await refused(signing(kap, { signatureImage: huge }), 400, 'body.signatureImage');
  });

  it('refuses a signature that is not a PNG, or is a PNG in name only', async () => {
    await refused(signing(kap, { signatureImage: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==' }), 400, 'body.signatureImage');
    await refused(signing(kap, { signatureImage: `data:image/png;base64,${Buffer.from('<svg onload=alert(1)>'.repeat(4)).toString('base64')}` }), 400, 'signatureImage');
    const corrupted = signaturePng();
    corrupted.writeUInt32BE(0xdeadbeef, corrupted.length - 4);
    await refused(signing(kap, { signatureImage: signatureDataUrl(corrupted) }), 400, 'signatureImage');
    await refused(signing(kap, { signatureImage: signatureDataUrl(signaturePng({ width: 10, height: 2001 })) }), 400, 'signatureImage');
  });

  it('refuses a missing or blank typed name', async () => {
    await refused(signing(kap, { typedName: undefined }), 400, 'body.typedName');
    await refused(signing(kap, { typedName: '   ' }), 400, 'body.typedName');
    await refused(signing(kap, { typedName: 'x'.repeat(201) }), 400, 'body.typedName');
  });

  it('refuses a signature without the acknowledgment', async () => {
    await refused(signing(kap, { acknowledged: false }), 400, 'body.acknowledged');
  });

  it('refuses unknown fields, naming them', async () => {
    await refused(signing(kap, { signedAt: '2020-01-01T00:00:00Z' }), 400, 'body.signedAt');
    await refused(signing(kap, { witnessId: '01900000-0000-7000-8000-000000000000' }), 400, 'body.witnessId');
    await refused(signing(kap, { release: { recipient: 'Dr. Lee', scope: 'All', forever: true } }), 400, 'body.release.forever');
  });

  it('refuses a malformed hash, an unknown document and a malformed release date', async () => {
    await refused(signing(kap, { documentHash: 'not-a-hash' }), 400, 'body.documentHash');
    await refused(signing({ id: '01900000-0000-7000-8000-000000000000', contentHash: kap.contentHash }), 404);
    const release = await currentDocument(nurse, 'mhra_release');
    await refused(signing(release, { release: { recipient: 'Dr. Lee', scope: 'Summary', expiresOn: '2027-02-30' } }), 400, 'body.release.expiresOn');
  });

  it('refuses a bad patient or consent id in the path without echoing it', async () => {
    const response = await nurse.get(`/api/patients/${encodeURIComponent("' OR 1=1 --")}/consents`);
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('OR 1=1');
    expect((await nurse.get(`/api/patients/${patient.id}/consents/not-a-uuid/pdf`)).statusCode).toBe(400);
  });

  it('refuses a revocation without a reason', async () => {
    const before = await snapshot();
    const response = await nurse.post(`/api/patients/${patient.id}/consents/01900000-0000-7000-8000-000000000000/revoke`, { reason: '' });
    expect(response.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});

describe('bad document input gets a 4xx and stores nothing', () => {
  it('refuses an unknown kind, a too-short text and a missing base version', async () => {
    const before = await snapshot();
    for (const body of [
      { kind: 'research', title: 'Research consent', body: 'x'.repeat(80), expectedCurrentVersion: 0 },
      { kind: 'telehealth', title: 'Telehealth', body: 'Too short', expectedCurrentVersion: 1 },
      { kind: 'telehealth', title: 'Telehealth', body: 'x'.repeat(80) },
      { kind: 'telehealth', title: 'Telehealth', body: 'x'.repeat(60_001), expectedCurrentVersion: 1 },
    ]) {
      const response = await admin.post('/api/consent-documents', body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stores HTML in a document verbatim, as text', async () => {
    const current = await currentDocument(admin, 'privacy_notice_ack');
    const body = `${current.body}\n\n<script>alert('x')</script> stays text.`;
    const response = await admin.post('/api/consent-documents', { kind: 'privacy_notice_ack', title: current.title, body, expectedCurrentVersion: current.version });
    expect(response.statusCode).toBe(201);
    expect((response.json() as ConsentDocumentView).body).toBe(body);
  });
});
