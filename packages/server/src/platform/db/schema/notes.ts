import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';
import { appUser } from './identity.js';
import { patient } from './patients.js';

/**
 * Clinical notes (issue #3): the therapist's diagnostic evaluation and the physician's medical
 * eligibility exam. A draft is edited by its author only, each save bumping `version`; signing sets
 * status `signed`, the signer and the SHA-256 of the canonical content, in one conditional UPDATE on
 * (status = 'draft', version), so of two signers exactly one wins. A signed note never changes again:
 * a trigger (chart-records migration) refuses any UPDATE of a signed row and any DELETE. kind: therapist_evaluation | physician_exam.
 */
export const clinicalNote = pgTable(
  'clinical_note',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('draft'),
    content: jsonb('content').notNull(),
    version: integer('version').notNull().default(1),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    signedBy: uuid('signed_by').references(() => appUser.id),
    /** The signer's roles at the moment of signing (the eligibility rule checks them later). */
    signedByRoles: text('signed_by_roles').array(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    contentHash: text('content_hash'),
  },
  (t) => [
    index('clinical_note_patient_idx').on(t.patientId, t.kind, t.createdAt),
    // One open draft of each kind per patient: a second evaluation starts once the first is signed.
    uniqueIndex('clinical_note_one_draft_uq').on(t.patientId, t.kind).where(sql`${t.status} = 'draft'`),
  ],
);

/** Addenda to a signed note: written and signed in one step, appended, never changed (trigger in the chart-records migration). */
export const noteAddendum = pgTable(
  'note_addendum',
  {
    id: uuid('id').primaryKey(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => clinicalNote.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    authorRoles: text('author_roles').array().notNull(),
    text: text('text').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    contentHash: text('content_hash').notNull(),
  },
  (t) => [index('note_addendum_note_idx').on(t.noteId, t.signedAt)],
);

/**
 * Session notes (issue #4): one per attendee of a course session (FHIR: one Encounter per patient),
 * plus an optional shared summary of a joint or group session (`patientId` null). Content is the
 * template's structured fields and free text. Draft → sign (conditional UPDATE on status and version,
 * so of two signers one wins) → co-signature where policy requires → addenda. A `private` note is a
 * psychotherapy process note: only its author (and break-glass) reads it; exports and the portal never
 * do (HIPAA §164.508). A trigger (course migration) refuses edits of a signed note's content and deletes.
 */
export const sessionNote = pgTable(
  'session_note',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    sessionId: uuid('session_id').notNull(),
    planId: uuid('plan_id').notNull(),
    patientId: uuid('patient_id').references(() => patient.id),
    kind: text('kind').notNull(),
    templateVersion: integer('template_version').notNull(),
    content: jsonb('content').notNull(),
    private: boolean('private').notNull().default(false),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    signedBy: uuid('signed_by').references(() => appUser.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    contentHash: text('content_hash'),
    cosignRequired: boolean('cosign_required').notNull().default(false),
    cosignedBy: uuid('cosigned_by').references(() => appUser.id),
    cosignedAt: timestamp('cosigned_at', { withTimezone: true }),
  },
  (t) => [index('session_note_patient_idx').on(t.patientId, t.createdAt), index('session_note_session_idx').on(t.sessionId)],
);

/** Addenda to a signed session note, appended, never changed. */
export const sessionNoteAddendum = pgTable(
  'session_note_addendum',
  {
    id: uuid('id').primaryKey(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => sessionNote.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => appUser.id),
    text: text('text').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    contentHash: text('content_hash').notNull(),
  },
  (t) => [index('session_note_addendum_note_idx').on(t.noteId, t.signedAt)],
);

/** Clinic-edited session-note templates (admin): each save a new version; the latest is used. */
export const noteTemplate = pgTable(
  'note_template',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    fields: jsonb('fields').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('note_template_version_uq').on(t.clinicId, t.kind, t.version)],
);
