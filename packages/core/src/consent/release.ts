import { z } from 'zod';
import { ValidationError, type Unmet } from '../errors.js';
import { addClinicMonths, compareClinicDates, type ClinicDate } from '../ledger/clinic-date.js';
import type { ConsentPolicy } from './policy.js';
import { isExpiredOn, newestFirst, type SignedConsentFacts } from './status.js';

/**
 * Minnesota Health Records Act releases (Minn. Stat. §144.293; clinical.md §7.4): a provider may not
 * release records without a signed and dated consent naming who receives them; it holds for one
 * year or the period it states. These rules set a release's terms when it is signed and answer,
 * before any outbound disclosure (fax, export, referral letter, claim), whether one allows it.
 */

export interface ReleaseTermsRequest {
  readonly recipient: string;
  readonly scope: string;
  readonly purpose?: string | undefined;
  /** Left out: the policy's default period from the signing date. */
  readonly expiresOn?: ClinicDate | undefined;
}

export interface ReleaseTerms {
  readonly recipient: string;
  readonly scope: string;
  readonly purpose: string | null;
  /** The first day the release no longer holds (valid through the day before). */
  readonly expiresOn: ClinicDate;
}

/** The default expiry of a release signed on `signedOn`: one year unless the policy says otherwise. */
export function defaultReleaseExpiry(signedOn: ClinicDate, policy: ConsentPolicy): ClinicDate {
  return addClinicMonths(signedOn, policy.releaseDefaultMonths);
}

/** The latest expiry a release signed on `signedOn` may state. */
export function latestReleaseExpiry(signedOn: ClinicDate, policy: ConsentPolicy): ClinicDate {
  return addClinicMonths(signedOn, policy.releaseMaxMonths);
}

/**
 * The terms a release is signed with: the requested expiry, or the default; refused (with the
 * field named) when it is not after the signing day or beyond the policy's maximum.
 */
export function releaseTerms(input: { readonly requested: ReleaseTermsRequest; readonly signedOn: ClinicDate; readonly policy: ConsentPolicy }): ReleaseTerms {
  const { requested, signedOn, policy } = input;
  const expiresOn = requested.expiresOn ?? defaultReleaseExpiry(signedOn, policy);
  if (compareClinicDates(expiresOn, signedOn) <= 0) {
    throw new ValidationError(['release', 'expiresOn'], 'The release must stay valid for at least one day after signing');
  }
  const latest = latestReleaseExpiry(signedOn, policy);
  if (compareClinicDates(expiresOn, latest) > 0) {
    throw new ValidationError(['release', 'expiresOn'], `Clinic policy allows a release to run at most ${policy.releaseMaxMonths} months (until ${latest})`);
  }
  return { recipient: requested.recipient, scope: requested.scope, purpose: requested.purpose?.trim() || null, expiresOn };
}

/** Recipients compare regardless of case, spacing and punctuation ("Dr. Lee, MD" = "dr lee md"). */
export function normaliseRecipient(recipient: string): string {
  return recipient
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const RELEASE_STATES = ['active', 'expired', 'revoked'] as const;
export const releaseState = z.enum(RELEASE_STATES);
export type ReleaseState = z.infer<typeof releaseState>;

export interface ReleaseStatus {
  readonly consentId: string;
  readonly recipient: string;
  readonly state: ReleaseState;
  readonly signedOn: ClinicDate;
  readonly expiresOn: ClinicDate | null;
  readonly revokedOn: ClinicDate | null;
}

function releaseStateOf(consent: SignedConsentFacts, today: ClinicDate): ReleaseState {
  if (consent.revokedOn !== null) return 'revoked';
  if (isExpiredOn(consent, today)) return 'expired';
  return 'active';
}

/** Every release a patient signed, newest first, each with its state on `today`. */
export function releaseStatuses(signatures: readonly SignedConsentFacts[], today: ClinicDate): ReleaseStatus[] {
  return signatures
    .filter((signature) => signature.kind === 'mhra_release')
    .sort(newestFirst)
    .map((signature) => ({
      consentId: signature.id,
      recipient: signature.recipient ?? '',
      state: releaseStateOf(signature, today),
      signedOn: signature.signedOn,
      expiresOn: signature.expiresOn,
      revokedOn: signature.revokedOn,
    }));
}

export const RELEASE_CONSENT_CODE = 'release_consent';

export type ReleaseDecision =
  | { readonly allowed: true; readonly consentId: string; readonly expiresOn: ClinicDate | null }
  | { readonly allowed: false; readonly unmet: Unmet };

/**
 * Whether a signed MHRA release lets the clinic disclose records to `recipient` on `today`. Only
 * `mhra_release` consents count: a privacy-notice acknowledgment is never a release (§7.4).
 */
export function releaseAllows(input: { readonly consents: readonly SignedConsentFacts[]; readonly recipient: string; readonly today: ClinicDate }): ReleaseDecision {
  const wanted = normaliseRecipient(input.recipient);
  const forRecipient = input.consents
    .filter((consent) => consent.kind === 'mhra_release' && consent.recipient !== null && normaliseRecipient(consent.recipient) === wanted)
    .filter((consent) => compareClinicDates(consent.signedOn, input.today) <= 0)
    .sort(newestFirst);
  const inForce = forRecipient.find((consent) => releaseStateOf(consent, input.today) === 'active');
  if (wanted !== '' && inForce) return { allowed: true, consentId: inForce.id, expiresOn: inForce.expiresOn };
  const newest = forRecipient[0];
  if (wanted === '' || !newest) {
    return { allowed: false, unmet: { code: RELEASE_CONSENT_CODE, message: 'No signed release authorization names this recipient' } };
  }
  if (newest.revokedOn !== null) {
    return { allowed: false, unmet: { code: RELEASE_CONSENT_CODE, message: `The release authorization for this recipient was revoked on ${newest.revokedOn}` } };
  }
  return { allowed: false, unmet: { code: RELEASE_CONSENT_CODE, message: `The release authorization for this recipient expired on ${newest.expiresOn ?? '?'}` } };
}
