import { describe, expect, it } from 'vitest';
import { consentStatus } from './status.js';
import { publishedDocument, signedConsent } from './testing.js';

const documents = [publishedDocument('kap_treatment', 1), publishedDocument('kap_treatment', 2), publishedDocument('mhra_release', 1)];

describe('consentStatus', () => {
  it('says missing for every kind a patient never signed, with the current version to sign', () => {
    const status = consentStatus({ documents, signatures: [], today: '2026-04-01' });
    expect(status.kap_treatment).toMatchObject({ state: 'missing', currentVersion: 2, currentDocumentId: 'doc-kap_treatment-v2', consentId: null });
    expect(status.telehealth).toMatchObject({ state: 'missing', currentVersion: null });
    expect(status.privacy_notice_ack.state).toBe('missing');
  });

  it('says current when the patient signed the current version', () => {
    const signed = signedConsent({ kind: 'kap_treatment', documentVersion: 2 });
    const status = consentStatus({ documents, signatures: [signed], today: '2026-04-01' });
    expect(status.kap_treatment).toMatchObject({ state: 'current', consentId: signed.id, signedVersion: 2, signedOn: '2026-03-01' });
  });

  it('says outdated when a newer version superseded the one signed', () => {
    const status = consentStatus({ documents, signatures: [signedConsent({ kind: 'kap_treatment', documentVersion: 1 })], today: '2026-04-01' });
    expect(status.kap_treatment).toMatchObject({ state: 'outdated', signedVersion: 1, currentVersion: 2 });
  });

  it('goes back to current once the patient re-consents to the new version', () => {
    const old = signedConsent({ kind: 'kap_treatment', documentVersion: 1, signedOn: '2026-01-10' });
    const fresh = signedConsent({ kind: 'kap_treatment', documentVersion: 2, signedOn: '2026-03-20' });
    const status = consentStatus({ documents, signatures: [fresh, old], today: '2026-04-01' });
    expect(status.kap_treatment).toMatchObject({ state: 'current', consentId: fresh.id });
  });

  it('says revoked when the newest signature was revoked, even if an older one was not', () => {
    const older = signedConsent({ kind: 'kap_treatment', documentVersion: 2, signedOn: '2026-02-01' });
    const newer = signedConsent({ kind: 'kap_treatment', documentVersion: 2, signedOn: '2026-03-01', revokedOn: '2026-03-15' });
    const status = consentStatus({ documents, signatures: [older, newer], today: '2026-04-01' });
    expect(status.kap_treatment).toMatchObject({ state: 'revoked', consentId: newer.id, revokedOn: '2026-03-15' });
  });

  it('keeps a release current through the day before its expiry and expired from that day', () => {
    const release = signedConsent({ kind: 'mhra_release', signedOn: '2026-03-01', expiresOn: '2027-03-01', recipient: 'Dr. Lee' });
    expect(consentStatus({ documents, signatures: [release], today: '2027-02-28' }).mhra_release.state).toBe('current');
    expect(consentStatus({ documents, signatures: [release], today: '2027-03-01' }).mhra_release).toMatchObject({ state: 'expired', expiresOn: '2027-03-01' });
  });

  it('does not ask for a new release when the release form gets a new version', () => {
    const twoForms = [...documents, publishedDocument('mhra_release', 2)];
    const release = signedConsent({ kind: 'mhra_release', documentVersion: 1, expiresOn: '2027-03-01', recipient: 'Dr. Lee' });
    expect(consentStatus({ documents: twoForms, signatures: [release], today: '2026-04-01' }).mhra_release.state).toBe('current');
  });

  it('counts releases as in force while any one is, whatever the newest says', () => {
    const active = signedConsent({ kind: 'mhra_release', signedOn: '2026-01-01', expiresOn: '2027-01-01', recipient: 'Dr. Lee' });
    const revoked = signedConsent({ kind: 'mhra_release', signedOn: '2026-02-01', expiresOn: '2027-02-01', recipient: 'Acme Insurance', revokedOn: '2026-02-02' });
    const status = consentStatus({ documents, signatures: [active, revoked], today: '2026-04-01' });
    expect(status.mhra_release).toMatchObject({ state: 'current', consentId: active.id });
  });

  it('ignores signatures of other kinds', () => {
    const status = consentStatus({ documents, signatures: [signedConsent({ kind: 'telehealth' })], today: '2026-04-01' });
    expect(status.kap_treatment.state).toBe('missing');
    expect(status.telehealth.state).toBe('current');
  });
});
