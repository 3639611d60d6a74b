import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makePatient, makeStaff, type TestPatient } from '../../../test/factories.js';
import { currentDocument, signing } from '../../../test/consent-fixtures.js';
import { pdfText } from '../../../test/pdf-text.js';
import { seedConsentDocuments } from './demo-documents.js';

let t: TestApp;
let nurse: Agent;
let patient: TestPatient;
let kapConsent: ConsentRecord;

beforeAll(async () => {
  t = await testApp();
  const clinic = await makeClinic(t.database.db, 'Prairie Light Healing Collective');
  await seedConsentDocuments(t.database.db, { clinicId: clinic.id, now: new Date('2026-01-05T15:00:00Z') });
  const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'], name: 'Grace Whitehorse, RN' });
  patient = await makePatient(t.database.db, { clinicId: clinic.id, family: 'Lindgren' });
  nurse = new Agent(t.app);
  await nurse.login(staff.email, staff.password);
  const response = await nurse.post(`/api/patients/${patient.id}/consents`, signing(await currentDocument(nurse, 'kap_treatment'), { typedName: 'Avery Lindgren' }));
  kapConsent = response.json() as ConsentRecord;
});
afterAll(async () => t.close());

describe('a signed consent as a PDF', () => {
  it('is a valid, multi-page PDF with the text, the typed name, times, version, hash and witness', async () => {
    const response = await nurse.get(`/api/patients/${patient.id}/consents/${kapConsent.id}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="consent-kap_treatment-v1-${kapConsent.id.slice(0, 8)}.pdf"`);
    expect(response.headers['content-disposition']).not.toContain('Lindgren');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await pdfText(response.rawPayload);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.title).toBe('Informed Consent for Ketamine-Assisted Psychotherapy (signed, version 1)');
    expect(pdf.text).toContain('Avery Lindgren');
    expect(pdf.text).toContain('Do not drive, ride a bicycle or operate machinery for 24 hours');
    expect(pdf.text).toContain('28 Nov 2026, 09:00:00 CST (UTC-06:00), America/Chicago');
    expect(pdf.text).toContain('2026-11-28 15:00:00 UTC');
    expect(pdf.text).toContain(kapConsent.documentHash);
    expect(pdf.text).toContain('Grace Whitehorse, RN');
    expect(pdf.text).toMatch(/page 1 of \d/);
  });

  it('is audited as a print of that consent', async () => {
    const mark = await auditMark(t.database.db);
    await nurse.get(`/api/patients/${patient.id}/consents/${kapConsent.id}/pdf`);
    const audit = await auditSince(t.database.db, mark);
    expect(audit.map((event) => [event.action, event.resourceType, event.resourceId, event.patientId])).toEqual([['print', 'Consent', kapConsent.id, patient.id]]);
  });

  it('prints release terms and a revocation', async () => {
    const release = await nurse.post(
      `/api/patients/${patient.id}/consents`,
      signing(await currentDocument(nurse, 'mhra_release'), { signatureImage: undefined, release: { recipient: 'Dr. Ana Lee', scope: 'Medication list' } }),
    );
    const record = release.json() as ConsentRecord;
    await nurse.post(`/api/patients/${patient.id}/consents/${record.id}/revoke`, { reason: 'Changed primary care doctor' });
    const pdf = await pdfText((await nurse.get(`/api/patients/${patient.id}/consents/${record.id}/pdf`)).rawPayload);
    expect(pdf.text).toContain('Dr. Ana Lee');
    expect(pdf.text).toContain('2027-11-28 (valid through the day before)');
    expect(pdf.text).toContain('None drawn: the typed name above is the signature.');
    expect(pdf.text).toContain('REVOKED on 2026-11-28');
    expect(pdf.text).toContain('Changed primary care doctor');
  });

  it('prints names outside the PDF fonts without failing', async () => {
    const response = await nurse.post(
      `/api/patients/${patient.id}/consents`,
      signing(await currentDocument(nurse, 'telehealth'), { typedName: 'Zoë Łukasiewicz-Nguyễn 李' }),
    );
    const record = response.json() as ConsentRecord;
    const pdf = await nurse.get(`/api/patients/${patient.id}/consents/${record.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect((await pdfText(pdf.rawPayload)).text).toContain('Zoë ?ukasiewicz-Nguyen ?');
  });
});
