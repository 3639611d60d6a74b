import { z } from 'zod';
import { text, uuid } from './common.js';
import { consentKind } from '../consent/kinds.js';
import { consentState } from '../consent/status.js';
import { releaseState } from '../consent/release.js';
import { isClinicDate } from '../ledger/clinic-date.js';

/** A SHA-256 digest as 64 lower-case hexadecimal characters. */
export const sha256Digest = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash is 64 lower-case hexadecimal characters');

const calendarDate = z.string().max(10).refine(isClinicDate, 'Use a calendar date as YYYY-MM-DD');

/**
 * The drawn signature travels as a PNG data URL from the signing screen's canvas. Bounded here
 * (about 260 KB of PNG; a drawn signature is typically 10–40 KB); the server also checks that the
 * bytes are a well-formed PNG before storing them.
 */
export const MAX_SIGNATURE_DATA_URL_LENGTH = 350_000;
export const SIGNATURE_DATA_URL_PREFIX = 'data:image/png;base64,';
export const signatureDataUrl = z
  .string()
  .max(MAX_SIGNATURE_DATA_URL_LENGTH, 'The drawn signature is too large; clear it and sign again')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, 'The drawn signature must be a PNG image (data:image/png;base64,…)');

// ---- Documents --------------------------------------------------------------------------------

export const consentDocumentView = z.object({
  id: uuid,
  kind: consentKind,
  version: z.number().int(),
  title: z.string(),
  /** The document in the consent Markdown subset (see consent/markdown.ts). */
  body: z.string(),
  /** SHA-256 (hex) of the UTF-8 text `title + "\n\n" + body`: what the patient sees and signs. */
  contentHash: sha256Digest,
  changeNote: z.string().nullable(),
  publishedAt: z.iso.datetime(),
  publishedBy: z.string().nullable(),
  /** True for the newest version of its kind, the only one a patient may sign. */
  current: z.boolean(),
});
export type ConsentDocumentView = z.infer<typeof consentDocumentView>;

export const consentDocumentListQuery = z.strictObject({
  kind: consentKind.optional(),
  /** `true` lists every version (newest first); otherwise only the current version of each kind. */
  history: z.enum(['true', 'false']).default('false'),
});

export const consentDocumentParams = z.strictObject({ id: uuid });

export const publishConsentDocumentRequest = z.strictObject({
  kind: consentKind,
  title: text(200).min(3, 'Give the document a title'),
  body: text(60_000).min(50, 'Write the full text of the document (at least 50 characters)'),
  changeNote: text(1000).optional(),
  /** The version the editor started from (0 when none exists): a guard against two admins publishing at once. */
  expectedCurrentVersion: z.number().int().min(0).max(1_000_000),
});
export type PublishConsentDocumentRequest = z.infer<typeof publishConsentDocumentRequest>;

// ---- Signing ----------------------------------------------------------------------------------

export const releaseTermsRequest = z.strictObject({
  recipient: text(300).min(2, 'Name who may receive the records'),
  scope: text(2000).min(3, 'Say which records may be released'),
  purpose: text(500).optional(),
  /** The first day the release no longer holds; left out, one year (clinic policy) from signing. */
  expiresOn: calendarDate.optional(),
});

/**
 * A patient's signature, captured in clinic on a tablet a staff member hands over. The typed full
 * name, with the acknowledgment, is the legal signature (an electronic signature is a name adopted
 * with intent to sign); the drawn signature is optional but encouraged. The server adds the time,
 * source address, user agent and the staff witness.
 */
export const signConsentRequest = z.strictObject({
  documentId: uuid,
  /** The hash of the text the screen showed; it must match the stored version. */
  documentHash: sha256Digest,
  typedName: text(200).min(2, 'Type your full name to sign'),
  signatureImage: signatureDataUrl.optional(),
  acknowledged: z.literal(true, 'Confirm that you have read the document and agree to it'),
  /** Required for an MHRA release, refused for every other kind. */
  release: releaseTermsRequest.optional(),
});
export type SignConsentRequest = z.infer<typeof signConsentRequest>;

export const revokeConsentRequest = z.strictObject({
  reason: text(1000).min(5, 'Give the reason for the revocation (at least 5 characters)'),
});

export const patientConsentParams = z.strictObject({ id: uuid, consentId: uuid });

// ---- Signed consents and status ---------------------------------------------------------------

export const consentRecord = z.object({
  id: uuid,
  patientId: uuid,
  kind: consentKind,
  documentId: uuid,
  documentVersion: z.number().int(),
  documentTitle: z.string(),
  documentHash: sha256Digest,
  typedName: z.string(),
  hasDrawnSignature: z.boolean(),
  signedAt: z.iso.datetime(),
  signedOn: z.iso.date(),
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  witness: z.object({ id: uuid, name: z.string() }),
  release: z.object({ recipient: z.string(), scope: z.string(), purpose: z.string().nullable(), expiresOn: z.iso.date() }).nullable(),
  revocation: z.object({ revokedAt: z.iso.datetime(), revokedOn: z.iso.date(), revokedBy: z.string(), reason: z.string() }).nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecord>;

/** One signed consent with its drawn signature (a PNG data URL) for display. */
export const consentDetail = consentRecord.extend({ signatureImage: z.string().nullable() });
export type ConsentDetail = z.infer<typeof consentDetail>;

export const kindConsentStatusView = z.object({
  kind: consentKind,
  label: z.string(),
  state: consentState,
  currentVersion: z.number().int().nullable(),
  currentDocumentId: uuid.nullable(),
  consentId: uuid.nullable(),
  signedVersion: z.number().int().nullable(),
  signedOn: z.iso.date().nullable(),
  expiresOn: z.iso.date().nullable(),
  revokedOn: z.iso.date().nullable(),
});
export type KindConsentStatusView = z.infer<typeof kindConsentStatusView>;

export const releaseStatusView = z.object({
  consentId: uuid,
  recipient: z.string(),
  state: releaseState,
  signedOn: z.iso.date(),
  expiresOn: z.iso.date().nullable(),
  revokedOn: z.iso.date().nullable(),
});

export const patientConsentsResponse = z.object({
  patientId: uuid,
  /** The clinic-local date the states were worked out for. */
  today: z.iso.date(),
  kinds: z.array(kindConsentStatusView),
  releases: z.array(releaseStatusView),
  /** Every consent the patient signed, newest first (revoked ones included; nothing is deleted). */
  consents: z.array(consentRecord),
  /** The medicine-session gate "current KAP consent signed": null when met. */
  kapConsent: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type PatientConsentsResponse = z.infer<typeof patientConsentsResponse>;
