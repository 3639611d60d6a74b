import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { defaultConsentPolicy } from './policy.js';
import { defaultReleaseExpiry, normaliseRecipient, releaseAllows, releaseStatuses, releaseTerms } from './release.js';
import { signedConsent } from './testing.js';

const policy = defaultConsentPolicy();

describe('release terms', () => {
  it('default to one year from the signing day (Minn. Stat. §144.293 subd. 4)', () => {
    expect(defaultReleaseExpiry('2026-11-28', policy)).toBe('2027-11-28');
    expect(releaseTerms({ requested: { recipient: 'Dr. Lee', scope: 'Treatment summary' }, signedOn: '2026-11-28', policy })).toEqual({
      recipient: 'Dr. Lee',
      scope: 'Treatment summary',
      purpose: null,
      expiresOn: '2027-11-28',
    });
  });

  it('clamp a leap day to the end of February a year later', () => {
    expect(defaultReleaseExpiry('2028-02-29', policy)).toBe('2029-02-28');
  });

  it('accept a shorter stated period and the maximum itself', () => {
    expect(releaseTerms({ requested: { recipient: 'A', scope: 'B', expiresOn: '2026-12-31' }, signedOn: '2026-11-28', policy }).expiresOn).toBe('2026-12-31');
    expect(releaseTerms({ requested: { recipient: 'A', scope: 'B', expiresOn: '2027-11-28' }, signedOn: '2026-11-28', policy }).expiresOn).toBe('2027-11-28');
  });

  it('refuse an expiry past the policy maximum, naming the field', () => {
    const attempt = (): unknown => releaseTerms({ requested: { recipient: 'A', scope: 'B', expiresOn: '2027-11-29' }, signedOn: '2026-11-28', policy });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow('at most 12 months (until 2027-11-28)');
  });

  it('refuse an expiry on or before the signing day', () => {
    expect(() => releaseTerms({ requested: { recipient: 'A', scope: 'B', expiresOn: '2026-11-28' }, signedOn: '2026-11-28', policy })).toThrow(
      'at least one day',
    );
  });

  it('follow a clinic policy that allows longer releases', () => {
    const longer = { releaseDefaultMonths: 12, releaseMaxMonths: 36 };
    expect(releaseTerms({ requested: { recipient: 'A', scope: 'B', expiresOn: '2029-11-28' }, signedOn: '2026-11-28', policy: longer }).expiresOn).toBe('2029-11-28');
  });
});

describe('releaseAllows', () => {
  const lee = signedConsent({ kind: 'mhra_release', signedOn: '2026-03-01', expiresOn: '2027-03-01', recipient: 'Dr. Ana Lee, MD' });

  it('allows a disclosure to the named recipient while the release holds', () => {
    expect(releaseAllows({ consents: [lee], recipient: 'dr ana lee md', today: '2027-02-28' })).toEqual({ allowed: true, consentId: lee.id, expiresOn: '2027-03-01' });
  });

  it('refuses on the expiry day', () => {
    expect(releaseAllows({ consents: [lee], recipient: 'Dr. Ana Lee, MD', today: '2027-03-01' })).toEqual({
      allowed: false,
      unmet: { code: 'release_consent', message: 'The release authorization for this recipient expired on 2027-03-01' },
    });
  });

  it('refuses a recipient no release names', () => {
    const decision = releaseAllows({ consents: [lee], recipient: 'Acme Insurance', today: '2026-04-01' });
    expect(decision).toMatchObject({ allowed: false, unmet: { message: 'No signed release authorization names this recipient' } });
  });

  it('refuses after the release was revoked', () => {
    const revoked = { ...lee, revokedOn: '2026-05-01' };
    expect(releaseAllows({ consents: [revoked], recipient: 'Dr. Ana Lee, MD', today: '2026-06-01' })).toMatchObject({
      allowed: false,
      unmet: { message: 'The release authorization for this recipient was revoked on 2026-05-01' },
    });
  });

  it('never treats a privacy-notice acknowledgment as a release (clinical.md §7.4)', () => {
    const ack = signedConsent({ kind: 'privacy_notice_ack', recipient: 'Dr. Ana Lee, MD' });
    expect(releaseAllows({ consents: [ack], recipient: 'Dr. Ana Lee, MD', today: '2026-04-01' }).allowed).toBe(false);
  });

  it('uses a newer release when an older one for the same recipient lapsed', () => {
    const renewed = signedConsent({ kind: 'mhra_release', signedOn: '2027-03-05', expiresOn: '2028-03-05', recipient: 'Dr. Ana Lee, MD' });
    expect(releaseAllows({ consents: [lee, renewed], recipient: 'Dr. Ana Lee, MD', today: '2027-04-01' })).toMatchObject({ allowed: true, consentId: renewed.id });
  });

  it('refuses an empty recipient', () => {
    expect(releaseAllows({ consents: [lee], recipient: ' , ', today: '2026-04-01' }).allowed).toBe(false);
  });
});

describe('releaseStatuses', () => {
  it('lists each release newest first with its own state', () => {
    const old = signedConsent({ kind: 'mhra_release', signedOn: '2025-01-01', expiresOn: '2026-01-01', recipient: 'Old clinic' });
    const current = signedConsent({ kind: 'mhra_release', signedOn: '2026-02-01', expiresOn: '2027-02-01', recipient: 'Dr. Lee' });
    const withdrawn = signedConsent({ kind: 'mhra_release', signedOn: '2026-03-01', expiresOn: '2027-03-01', recipient: 'Acme', revokedOn: '2026-03-02' });
    expect(releaseStatuses([old, current, withdrawn, signedConsent({ kind: 'telehealth' })], '2026-04-01').map((r) => [r.recipient, r.state])).toEqual([
      ['Acme', 'revoked'],
      ['Dr. Lee', 'active'],
      ['Old clinic', 'expired'],
    ]);
  });

  it('normalises recipients for comparison only', () => {
    expect(normaliseRecipient('  Dr.  Ana   LEE, M.D. ')).toBe('dr ana lee m d');
  });
});
