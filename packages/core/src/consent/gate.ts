import type { Unmet } from '../errors.js';
import type { ClinicDate } from '../ledger/clinic-date.js';
import { CONSENT_KIND_SHORT, type ConsentKind } from './kinds.js';
import { consentStatus, type KindConsentStatus, type PublishedConsentDocument, type SignedConsentFacts } from './status.js';

/** The stable code the course engine's gate reports (issue #4, "Names that outside checks will use"). */
export const CONSENT_CURRENT_CODE = 'consent_current';

/** Why a kind's consent does not stand, in words a clinician understands; null when it does. */
export function consentUnmet(status: KindConsentStatus): Unmet | null {
  const name = CONSENT_KIND_SHORT[status.kind];
  if (status.currentVersion === null) {
    return { code: CONSENT_CURRENT_CODE, message: `No ${name} has been published yet (an administrator publishes it)` };
  }
  const wanted = `${name} v${status.currentVersion} not yet signed`;
  switch (status.state) {
    case 'current':
      return null;
    case 'missing':
      return { code: CONSENT_CURRENT_CODE, message: wanted };
    case 'outdated':
      return { code: CONSENT_CURRENT_CODE, message: `${wanted} (v${status.signedVersion ?? '?'} signed on ${status.signedOn ?? '?'}; a new version needs re-consent)` };
    case 'revoked':
      return { code: CONSENT_CURRENT_CODE, message: `${wanted} (the patient revoked consent on ${status.revokedOn ?? '?'})` };
    case 'expired':
      return { code: CONSENT_CURRENT_CODE, message: `${wanted} (the last one expired on ${status.expiresOn ?? '?'})` };
    default: {
      const unreachable: never = status.state;
      return unreachable;
    }
  }
}

/** One kind's gate over raw facts. */
export function consentCurrent(
  kind: ConsentKind,
  input: { readonly documents: readonly PublishedConsentDocument[]; readonly signatures: readonly SignedConsentFacts[]; readonly today: ClinicDate },
): Unmet | null {
  return consentUnmet(consentStatus(input)[kind]);
}

/**
 * The medicine-session gate "current KAP consent signed" (issue #4): null when the patient has
 * signed the current version of the KAP treatment consent and not revoked it; otherwise the unmet
 * condition, e.g. `{ code: 'consent_current', message: 'KAP consent v3 not yet signed' }`.
 */
export function kapConsentCurrent(input: {
  readonly documents: readonly PublishedConsentDocument[];
  readonly signatures: readonly SignedConsentFacts[];
  readonly today: ClinicDate;
}): Unmet | null {
  return consentCurrent('kap_treatment', input);
}
