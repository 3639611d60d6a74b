import { z } from 'zod';
import { compareClinicDates, type ClinicDate } from '../ledger/clinic-date.js';
import { CONSENT_KINDS, RECONSENT_ON_NEW_VERSION, type ConsentKind } from './kinds.js';

/**
 * Where a patient stands with one kind of consent:
 * - `current`: signed, and nothing since makes it stale;
 * - `outdated`: signed an older version of a kind that asks for re-consent; the patient signs the
 *   current version before the next medicine session;
 * - `missing`: never signed;
 * - `expired`: a release past its expiry;
 * - `revoked`: withdrawn by the patient (recorded, audited, never deleted).
 */
export const CONSENT_STATES = ['current', 'outdated', 'missing', 'expired', 'revoked'] as const;
export const consentState = z.enum(CONSENT_STATES);
export type ConsentState = z.infer<typeof consentState>;

/** A published document version, as far as the rules care. */
export interface PublishedConsentDocument {
  readonly id: string;
  readonly kind: ConsentKind;
  readonly version: number;
}

/** A signed consent, as far as the rules care. Dates are clinic-local calendar dates. */
export interface SignedConsentFacts {
  readonly id: string;
  readonly kind: ConsentKind;
  readonly documentVersion: number;
  /** The signing instant, ISO 8601 in UTC (`Date.toISOString()`); orders signatures. */
  readonly signedAt: string;
  readonly signedOn: ClinicDate;
  /**
   * Releases only: the first day the authorization no longer holds. A release signed on
   * 2026-11-28 for one year has `expiresOn` 2027-11-28 and is valid through 2027-11-27.
   */
  readonly expiresOn: ClinicDate | null;
  readonly revokedOn: ClinicDate | null;
  /** Releases only: who may receive the records. */
  readonly recipient: string | null;
}

export interface KindConsentStatus {
  readonly kind: ConsentKind;
  readonly state: ConsentState;
  /** The version a patient signs today; null while the clinic has published none of this kind. */
  readonly currentVersion: number | null;
  readonly currentDocumentId: string | null;
  /** The signed consent the state is about, if any. */
  readonly consentId: string | null;
  readonly signedVersion: number | null;
  readonly signedOn: ClinicDate | null;
  readonly expiresOn: ClinicDate | null;
  readonly revokedOn: ClinicDate | null;
}

export type ConsentStatusByKind = Readonly<Record<ConsentKind, KindConsentStatus>>;

/** Whether a release is past its expiry on `today` (it holds through the day before `expiresOn`). */
export function isExpiredOn(consent: Pick<SignedConsentFacts, 'expiresOn'>, today: ClinicDate): boolean {
  return consent.expiresOn !== null && compareClinicDates(today, consent.expiresOn) >= 0;
}

/** Newest first: by signing instant, then by id (UUIDv7 ids are time-ordered). */
export function newestFirst(a: SignedConsentFacts, b: SignedConsentFacts): number {
  if (a.signedAt !== b.signedAt) return a.signedAt < b.signedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function isInForce(consent: SignedConsentFacts, today: ClinicDate): boolean {
  return consent.revokedOn === null && !isExpiredOn(consent, today);
}

/**
 * The signature a kind's state is about. For treatment-type consents the newest one decides: a
 * revocation of it withdraws consent even if an older signature exists. Releases are per
 * recipient, so the kind is in force while any release is; otherwise the newest one explains why not.
 */
function decidingSignature(kind: ConsentKind, signatures: readonly SignedConsentFacts[], today: ClinicDate): SignedConsentFacts | undefined {
  const mine = signatures.filter((signature) => signature.kind === kind).sort(newestFirst);
  if (kind === 'mhra_release') return mine.find((signature) => isInForce(signature, today)) ?? mine[0];
  return mine[0];
}

function stateOf(kind: ConsentKind, signature: SignedConsentFacts | undefined, currentVersion: number | null, today: ClinicDate): ConsentState {
  if (!signature) return 'missing';
  if (signature.revokedOn !== null) return 'revoked';
  if (isExpiredOn(signature, today)) return 'expired';
  if (RECONSENT_ON_NEW_VERSION[kind] && currentVersion !== null && signature.documentVersion < currentVersion) return 'outdated';
  return 'current';
}

/** The newest published version of each kind. */
export function currentDocuments(documents: readonly PublishedConsentDocument[]): Partial<Record<ConsentKind, PublishedConsentDocument>> {
  const current: Partial<Record<ConsentKind, PublishedConsentDocument>> = {};
  for (const document of documents) {
    const seen = current[document.kind];
    if (!seen || document.version > seen.version) current[document.kind] = document;
  }
  return current;
}

/**
 * A patient's consent state for every kind, on the clinic-local date `today`. Pure: the caller
 * loads the clinic's published documents and the patient's signatures (with revocations).
 */
export function consentStatus(input: {
  readonly documents: readonly PublishedConsentDocument[];
  readonly signatures: readonly SignedConsentFacts[];
  readonly today: ClinicDate;
}): ConsentStatusByKind {
  const current = currentDocuments(input.documents);
  const entries = CONSENT_KINDS.map((kind): [ConsentKind, KindConsentStatus] => {
    const document = current[kind] ?? null;
    const signature = decidingSignature(kind, input.signatures, input.today);
    return [
      kind,
      {
        kind,
        state: stateOf(kind, signature, document?.version ?? null, input.today),
        currentVersion: document?.version ?? null,
        currentDocumentId: document?.id ?? null,
        consentId: signature?.id ?? null,
        signedVersion: signature?.documentVersion ?? null,
        signedOn: signature?.signedOn ?? null,
        expiresOn: signature?.expiresOn ?? null,
        revokedOn: signature?.revokedOn ?? null,
      },
    ];
  });
  return Object.fromEntries(entries) as Record<ConsentKind, KindConsentStatus>;
}
