import { z } from 'zod';

/**
 * The consent documents a clinic keeps, each versioned on its own (issue #3, "Informed consent"):
 * - `kap_treatment`: informed consent to ketamine-assisted psychotherapy (off-label racemic ketamine,
 *   oral and IM routes, risks, monitoring, no driving for 24 h: clinical.md §1.8);
 * - `telehealth`: consent to sessions by video or phone;
 * - `mhra_release`: a Minnesota Health Records Act release authorization (Minn. Stat. §144.293
 *   subd. 2 and 4; clinical.md §7.4), with a recipient, a scope and an expiry;
 * - `privacy_notice_ack`: acknowledgment of the notice of privacy practices. It is NOT a release:
 *   clinical.md §7.4 says a "client rights" acknowledgment never authorizes a disclosure.
 */
export const CONSENT_KINDS = ['kap_treatment', 'telehealth', 'mhra_release', 'privacy_notice_ack'] as const;
export const consentKind = z.enum(CONSENT_KINDS);
export type ConsentKind = z.infer<typeof consentKind>;

export const CONSENT_KIND_LABELS: Readonly<Record<ConsentKind, string>> = {
  kap_treatment: 'KAP treatment consent',
  telehealth: 'Telehealth consent',
  mhra_release: 'Release of health records (MHRA)',
  privacy_notice_ack: 'Notice of privacy practices acknowledgment',
};

/** The short name used in gate messages ("KAP consent v3 not yet signed"). */
export const CONSENT_KIND_SHORT: Readonly<Record<ConsentKind, string>> = {
  kap_treatment: 'KAP consent',
  telehealth: 'Telehealth consent',
  mhra_release: 'Release authorization',
  privacy_notice_ack: 'Privacy notice acknowledgment',
};

/**
 * Whether publishing a new version asks every patient to sign again. Treatment and telehealth
 * consents and the privacy acknowledgment follow the current text. A release does not: a signed,
 * dated authorization stays valid for its stated period whatever later forms say (§144.293 subd. 4),
 * so a new release form applies to new releases only.
 */
export const RECONSENT_ON_NEW_VERSION: Readonly<Record<ConsentKind, boolean>> = {
  kap_treatment: true,
  telehealth: true,
  mhra_release: false,
  privacy_notice_ack: true,
};

/** Whether a kind carries release terms (recipient, scope, expiry). */
export function isReleaseKind(kind: ConsentKind): kind is 'mhra_release' {
  return kind === 'mhra_release';
}
