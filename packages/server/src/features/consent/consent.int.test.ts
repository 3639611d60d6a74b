import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { ConsentDocumentView, ConsentRecord } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makePatient, makeStaff, type TestPatient } from '../../../test/factories.js';
import { consentsOf, currentDocument, signing } from '../../../test/consent-fixtures.js';
import { signaturePng } from '../../../test/png-fixture.js';
import { consentDocument, consentRevocation, patientConsent } from '../../platform/db/schema/index.js';
import { seedConsentDocuments } from './demo-documents.js';

let t: TestApp;
let admin: Agent;
let nurse: Agent;
let frontDesk: Agent;
let nurseId: string;
let clinicId: string;
let nurseLogin: { email: string; password: string };
const NOW = new Date('2026-11-28T15:00:00Z');

beforeAll(async () => {
  t = await testApp();
  const clinic = await makeClinic(t.database.db);
  clinicId = clinic.id;
  await seedConsentDocuments(t.database.db, { clinicId, now: new Date('2026-01-05T15:00:00Z') });
  const adminStaff = await makeStaff(t.database.db, { clinicId, roles: ['admin'] });
  const nurseStaff = await makeStaff(t.database.db, { clinicId, roles: ['nurse'], name: 'Grace Witness, RN' });
  const deskStaff = await makeStaff(t.database.db, { clinicId, roles: ['front_desk'] });
  nurseId = nurseStaff.id;
  nurseLogin = nurseStaff;
  admin = new Agent(t.app);
  nurse = new Agent(t.app);
  frontDesk = new Agent(t.app);
  await admin.login(adminStaff.email, adminStaff.password);
  await nurse.login(nurseStaff.email, nurseStaff.password);
  await frontDesk.login(deskStaff.email, deskStaff.password);
});
afterAll(async () => t.close());

/**
 * Runs `work` with the clock at `when` and the nurse signed in afresh there (moving the clock past
 * the idle timeout would end the shared sessions), then puts the clock back.
 */
async function at<T>(when: Date, work: (agent: Agent) => Promise<T>): Promise<T> {
  t.clock.set(when);
  try {
    const agent = new Agent(t.app);
    await agent.login(nurseLogin.email, nurseLogin.password);
    return await work(agent);
  } finally {
    t.clock.set(NOW);
  }
}

async function freshPatient(): Promise<TestPatient> {
  return makePatient(t.database.db, { clinicId });
}

async function sign(agent: Agent, patient: TestPatient, body: Record<string, unknown>, headers?: Record<string, string>): Promise<ConsentRecord> {
  const response = await agent.post(`/api/patients/${patient.id}/consents`, body, headers);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ConsentRecord;
}

async function publish(kind: ConsentDocumentView['kind'], change: string): Promise<ConsentDocumentView> {
  const current = await currentDocument(admin, kind);
  const response = await admin.post('/api/consent-documents', {
    kind,
    title: current.title,
    body: `${current.body}\n\n## ${change}\nThis section was added in a later version of the document for the test.`,
    changeNote: change,
    expectedCurrentVersion: current.version,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ConsentDocumentView;
}

describe('signing a consent in clinic', () => {
  it('records the typed name, drawn signature, time, address, device, version, hash and witness', async () => {
    const patient = await freshPatient();
    const kap = await currentDocument(nurse, 'kap_treatment');
    const mark = await auditMark(t.database.db);
    const record = await sign(nurse, patient, signing(kap), { 'user-agent': 'Tablet Browser/1.0' });
    expect(record).toMatchObject({
      kind: 'kap_treatment',
      documentId: kap.id,
      documentVersion: kap.version,
      documentHash: kap.contentHash,
      typedName: 'Avery Q. Lindgren',
      hasDrawnSignature: true,
      signedAt: '2026-11-28T15:00:00.000Z',
      signedOn: '2026-11-28',
      sourceIp: '127.0.0.1',
      userAgent: 'Tablet Browser/1.0',
      witness: { id: nurseId, name: 'Grace Witness, RN' },
      release: null,
      revocation: null,
    });
    const [row] = await t.database.db.select().from(patientConsent).where(eq(patientConsent.id, record.id));
    expect(row?.signaturePng?.equals(signaturePng())).toBe(true);
    const audit = await auditSince(t.database.db, mark);
    expect(audit.map((event) => [event.action, event.resourceType, event.outcome])).toEqual([['create', 'Consent', 'success']]);
    expect(audit[0]).toMatchObject({ patientId: patient.id, resourceId: record.id });
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('Lindgren');

    const status = await consentsOf(frontDesk, patient.id);
    expect(status.kinds.find((kind) => kind.kind === 'kap_treatment')).toMatchObject({ state: 'current', signedVersion: kap.version, consentId: record.id });
    expect(status.kapConsent).toBeNull();
    expect(status.consents.map((consent) => consent.id)).toEqual([record.id]);
  });

  it('accepts the typed name alone as the signature (the drawn one is optional)', async () => {
    const patient = await freshPatient();
    const record = await sign(frontDesk, patient, signing(await currentDocument(frontDesk, 'telehealth'), { signatureImage: undefined }));
    expect(record.hasDrawnSignature).toBe(false);
  });

  it('dates a late-evening signature on the clinic day', async () => {
    const patient = await freshPatient();
    const document = await currentDocument(nurse, 'privacy_notice_ack');
    const record = await at(new Date('2026-11-29T05:30:00Z'), (late) => sign(late, patient, signing(document)));
    expect(record.signedOn).toBe('2026-11-28');
  });

  it('reports every kind missing for a new patient, with the KAP gate unmet', async () => {
    const status = await consentsOf(nurse, (await freshPatient()).id);
    expect(status.kinds.map((kind) => [kind.kind, kind.state])).toEqual([
      ['kap_treatment', 'missing'],
      ['telehealth', 'missing'],
      ['mhra_release', 'missing'],
      ['privacy_notice_ack', 'missing'],
    ]);
    expect(status.kapConsent).toEqual({ code: 'consent_current', message: expect.stringMatching(/^KAP consent v\d+ not yet signed$/) });
  });
});

describe('a new version of a document', () => {
  it('asks for re-consent, refuses the superseded version with 409, and accepts the new one', async () => {
    const patient = await freshPatient();
    const v1 = await currentDocument(nurse, 'kap_treatment');
    await sign(nurse, patient, signing(v1));
    const v2 = await publish('kap_treatment', 'Updated monitoring section');
    expect(v2).toMatchObject({ version: v1.version + 1, current: true, changeNote: 'Updated monitoring section' });
    expect(v2.contentHash).not.toBe(v1.contentHash);

    const outdated = await consentsOf(nurse, patient.id);
    expect(outdated.kinds[0]).toMatchObject({ kind: 'kap_treatment', state: 'outdated', signedVersion: v1.version, currentVersion: v2.version });
    expect(outdated.kapConsent?.message).toMatch(new RegExp(`^KAP consent v${v2.version} not yet signed \\(v${v1.version} signed on 2026-11-28`));

    const before = await t.database.db.select({ n: sql<string>`count(*)` }).from(patientConsent);
    const refused = await nurse.post(`/api/patients/${patient.id}/consents`, signing(v1));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'superseded_version', detail: expect.stringContaining(`superseded by version ${v2.version}`) });
    expect(await t.database.db.select({ n: sql<string>`count(*)` }).from(patientConsent)).toEqual(before);

    await sign(nurse, patient, signing(v2));
    const current = await consentsOf(nurse, patient.id);
    expect(current.kinds[0]?.state).toBe('current');
    expect(current.kapConsent).toBeNull();
    expect(current.consents).toHaveLength(2);
  });

  it('keeps every version: the old one stays readable and is never edited', async () => {
    const history = (await admin.get('/api/consent-documents?kind=kap_treatment&history=true')).json() as ConsentDocumentView[];
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history.map((document) => document.current)).toEqual([true, ...history.slice(1).map(() => false)]);
    const oldest = history[history.length - 1];
    expect((await nurse.get(`/api/consent-documents/${oldest?.id}`)).json()).toMatchObject({ version: 1, current: false });
    await expect(t.database.db.execute(sql`UPDATE consent_document SET body = 'edited' WHERE id = ${oldest?.id}`)).rejects.toThrow();
  });

  it('refuses a publish based on a stale version, and a text identical to the current one', async () => {
    const current = await currentDocument(admin, 'telehealth');
    const stale = await admin.post('/api/consent-documents', { kind: 'telehealth', title: current.title, body: `${current.body}\n\nMore.`, expectedCurrentVersion: current.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    const same = await admin.post('/api/consent-documents', { kind: 'telehealth', title: current.title, body: current.body, expectedCurrentVersion: current.version });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'document_unchanged' });
  });

  it('refuses a signature whose hash is not the stored text', async () => {
    const patient = await freshPatient();
    const kap = await currentDocument(nurse, 'kap_treatment');
    const response = await nurse.post(`/api/patients/${patient.id}/consents`, signing(kap, { documentHash: 'a'.repeat(64) }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'document_hash_mismatch' });
  });
});

describe('MHRA release authorizations', () => {
  const release = { recipient: 'Dr. Ana Lee, Northside Family Medicine', scope: 'Treatment summary and medication list', purpose: 'Coordination with my primary care doctor' };

  it('default to one year from signing and expire on that day', async () => {
    const patient = await freshPatient();
    const form = await currentDocument(nurse, 'mhra_release');
    const record = await sign(nurse, patient, signing(form, { release }));
    expect(record.release).toEqual({ ...release, expiresOn: '2027-11-28' });
    // 23:00 on 27 Nov 2027 in Chicago: the last day the release holds.
    const lastDay = await at(new Date('2027-11-28T05:00:00Z'), (later) => consentsOf(later, patient.id));
    expect(lastDay.releases).toEqual([
      { consentId: record.id, recipient: release.recipient, state: 'active', signedOn: '2026-11-28', expiresOn: '2027-11-28', revokedOn: null },
    ]);
    // Midnight in Chicago: the expiry day.
    const expired = await at(new Date('2027-11-28T06:00:00Z'), (later) => consentsOf(later, patient.id));
    expect(expired.releases[0]?.state).toBe('expired');
    expect(expired.kinds.find((kind) => kind.kind === 'mhra_release')?.state).toBe('expired');
  });

  it('take a shorter stated expiry and refuse one past the policy maximum', async () => {
    const patient = await freshPatient();
    const form = await currentDocument(nurse, 'mhra_release');
    expect((await sign(nurse, patient, signing(form, { release: { ...release, expiresOn: '2027-01-31' } }))).release?.expiresOn).toBe('2027-01-31');
    const tooLong = await nurse.post(`/api/patients/${patient.id}/consents`, signing(form, { release: { ...release, expiresOn: '2027-11-29' } }));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ errors: [{ path: 'release.expiresOn' }] });
  });

  it('must name a recipient and scope, which other kinds refuse', async () => {
    const patient = await freshPatient();
    const missing = await nurse.post(`/api/patients/${patient.id}/consents`, signing(await currentDocument(nurse, 'mhra_release')));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ errors: [{ path: 'release' }] });
    const misplaced = await nurse.post(`/api/patients/${patient.id}/consents`, signing(await currentDocument(nurse, 'kap_treatment'), { release }));
    expect(misplaced.statusCode).toBe(400);
    expect((await consentsOf(nurse, patient.id)).consents).toEqual([]);
  });
});

describe('revoking a consent', () => {
  it('records the reason, shows the consent revoked, audits it, and never deletes it', async () => {
    const patient = await freshPatient();
    const record = await sign(nurse, patient, signing(await currentDocument(nurse, 'kap_treatment')));
    const mark = await auditMark(t.database.db);
    const response = await frontDesk.post(`/api/patients/${patient.id}/consents/${record.id}/revoke`, { reason: 'Patient phoned to withdraw consent to treatment' });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as ConsentRecord).revocation).toMatchObject({ revokedOn: '2026-11-28', reason: 'Patient phoned to withdraw consent to treatment' });
    const audit = await auditSince(t.database.db, mark);
    expect(audit.map((event) => [event.action, event.resourceId])).toEqual([['update', record.id]]);
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('phoned');

    const status = await consentsOf(nurse, patient.id);
    expect(status.kinds[0]).toMatchObject({ state: 'revoked', revokedOn: '2026-11-28' });
    expect(status.kapConsent?.message).toContain('revoked consent on 2026-11-28');
    expect(status.consents[0]?.id).toBe(record.id);

    const again = await frontDesk.post(`/api/patients/${patient.id}/consents/${record.id}/revoke`, { reason: 'Second time' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_revoked' });
    await expect(t.database.db.execute(sql`DELETE FROM patient_consent WHERE id = ${record.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM consent_revocation WHERE consent_id = ${record.id}`)).rejects.toThrow();
    expect(await t.database.db.select().from(consentRevocation).where(eq(consentRevocation.consentId, record.id))).toHaveLength(1);
  });

  it('answers 404 for a consent of another patient', async () => {
    const owner = await freshPatient();
    const other = await freshPatient();
    const record = await sign(nurse, owner, signing(await currentDocument(nurse, 'telehealth')));
    expect((await nurse.post(`/api/patients/${other.id}/consents/${record.id}/revoke`, { reason: 'Wrong patient id' })).statusCode).toBe(404);
    expect((await nurse.get(`/api/patients/${other.id}/consents/${record.id}`)).statusCode).toBe(404);
  });
});

describe('reading one consent', () => {
  it('returns the drawn signature as a PNG data URL and audits the read', async () => {
    const patient = await freshPatient();
    const record = await sign(nurse, patient, signing(await currentDocument(nurse, 'kap_treatment')));
    const mark = await auditMark(t.database.db);
    const response = await frontDesk.get(`/api/patients/${patient.id}/consents/${record.id}`);
    expect(response.statusCode).toBe(200);
    expect((response.json() as { signatureImage: string }).signatureImage).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect((await auditSince(t.database.db, mark)).map((event) => [event.action, event.resourceId])).toEqual([['read', record.id]]);
  });

  it('keeps the documents of one clinic from another', async () => {
    const elsewhere = await makeClinic(t.database.db);
    await seedConsentDocuments(t.database.db, { clinicId: elsewhere.id, now: new Date('2026-01-01T00:00:00Z') });
    const theirs = await t.database.db.select().from(consentDocument).where(eq(consentDocument.clinicId, elsewhere.id));
    const patient = await freshPatient();
    const theirDocument = theirs[0];
    if (!theirDocument) throw new Error('no documents seeded');
    expect((await nurse.get(`/api/consent-documents/${theirDocument.id}`)).statusCode).toBe(404);
    const response = await nurse.post(`/api/patients/${patient.id}/consents`, signing({ id: theirDocument.id, contentHash: theirDocument.contentHash }));
    expect(response.statusCode).toBe(404);
  });
});
