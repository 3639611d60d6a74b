import { customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';
import { appUser } from './identity.js';
import { patient } from './patients.js';

/** PNG bytes. PGlite hands back a Uint8Array and `pg` a Buffer; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A published version of one of a clinic's consent documents (issue #3). Publishing a new version of
 * a kind supersedes the previous one; a published row is never edited (the database refuses UPDATE
 * and DELETE). `content_hash` is the SHA-256 of the text the patient reads and signs.
 */
export const consentDocument = pgTable(
  'consent_document',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    /** kap_treatment | telehealth | mhra_release | privacy_notice_ack */
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    contentHash: text('content_hash').notNull(),
    changeNote: text('change_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** Null for documents seeded with the clinic. */
    publishedBy: uuid('published_by').references(() => appUser.id),
  },
  (t) => [uniqueIndex('consent_document_version_uq').on(t.clinicId, t.kind, t.version)],
);

/**
 * A patient's signature on one document version, captured in clinic with a staff witness. The row
 * keeps what the law and a later reader need: the document version and its hash, the typed name, the
 * drawn signature, when (instant and clinic-local date), from where (address, user agent), and who
 * witnessed. Never edited or deleted; a revocation is a row of its own.
 */
export const patientConsent = pgTable(
  'patient_consent',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    patientId: uuid('patient_id').notNull().references(() => patient.id),
    documentId: uuid('document_id').notNull().references(() => consentDocument.id),
    kind: text('kind').notNull(),
    documentVersion: integer('document_version').notNull(),
    documentHash: text('document_hash').notNull(),
    typedName: text('typed_name').notNull(),
    signaturePng: bytea('signature_png'),
    signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The clinic-local calendar date of `signed_at`; release expiries count from it. */
    signedOn: date('signed_on').notNull(),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    witnessId: uuid('witness_id').notNull().references(() => appUser.id),
    /** The witness's name as it was when they witnessed (names change; the record must not). */
    witnessName: text('witness_name').notNull(),
    releaseRecipient: text('release_recipient'),
    releaseScope: text('release_scope'),
    releasePurpose: text('release_purpose'),
    /** Releases: the first clinic-local day the authorization no longer holds. */
    releaseExpiresOn: date('release_expires_on'),
  },
  (t) => [index('patient_consent_patient_idx').on(t.patientId, t.kind, t.signedAt)],
);

/** The patient's withdrawal of one signed consent: at most one, with a reason, never deleted. */
export const consentRevocation = pgTable('consent_revocation', {
  consentId: uuid('consent_id')
    .primaryKey()
    .references(() => patientConsent.id),
  clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
  patientId: uuid('patient_id').notNull().references(() => patient.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }).notNull(),
  revokedOn: date('revoked_on').notNull(),
  revokedBy: uuid('revoked_by').notNull().references(() => appUser.id),
  revokedByName: text('revoked_by_name').notNull(),
  reason: text('reason').notNull(),
});
