import { describe, expect, it } from 'vitest';
import { kapConsentCurrent } from './gate.js';
import { publishedDocument, signedConsent } from './testing.js';

const v3 = [1, 2, 3].map((version) => publishedDocument('kap_treatment', version));

describe('kapConsentCurrent (the medicine-session gate)', () => {
  it('is met when the current version is signed', () => {
    expect(kapConsentCurrent({ documents: v3, signatures: [signedConsent({ kind: 'kap_treatment', documentVersion: 3 })], today: '2026-04-01' })).toBeNull();
  });

  it('names the version still to sign when nothing is signed', () => {
    expect(kapConsentCurrent({ documents: v3, signatures: [], today: '2026-04-01' })).toEqual({ code: 'consent_current', message: 'KAP consent v3 not yet signed' });
  });

  it('asks for re-consent when the patient signed a superseded version', () => {
    const unmet = kapConsentCurrent({ documents: v3, signatures: [signedConsent({ kind: 'kap_treatment', documentVersion: 2, signedOn: '2026-02-11' })], today: '2026-04-01' });
    expect(unmet?.code).toBe('consent_current');
    expect(unmet?.message).toBe('KAP consent v3 not yet signed (v2 signed on 2026-02-11; a new version needs re-consent)');
  });

  it('is unmet after the patient revokes consent', () => {
    const revoked = signedConsent({ kind: 'kap_treatment', documentVersion: 3, revokedOn: '2026-03-20' });
    expect(kapConsentCurrent({ documents: v3, signatures: [revoked], today: '2026-04-01' })?.message).toBe(
      'KAP consent v3 not yet signed (the patient revoked consent on 2026-03-20)',
    );
  });

  it('is unmet, and says why, while the clinic has published no KAP consent', () => {
    expect(kapConsentCurrent({ documents: [], signatures: [], today: '2026-04-01' })).toEqual({
      code: 'consent_current',
      message: 'No KAP consent has been published yet (an administrator publishes it)',
    });
  });

  it('is not satisfied by other kinds of consent', () => {
    const others = [signedConsent({ kind: 'telehealth', documentVersion: 3 }), signedConsent({ kind: 'privacy_notice_ack', documentVersion: 3 })];
    expect(kapConsentCurrent({ documents: v3, signatures: others, today: '2026-04-01' })?.message).toBe('KAP consent v3 not yet signed');
  });
});
