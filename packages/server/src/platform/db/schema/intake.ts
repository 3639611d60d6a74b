import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';
import { appUser } from './identity.js';
import { patient } from './patients.js';

/** The clinic's public program pages (Markdown), one row per page the clinic has written. */
export const publicPage = pgTable(
  'public_page',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('public_page_clinic_slug_uq').on(t.clinicId, t.slug)],
);

/**
 * A public inquiry and its optional pre-screen. Answers and scores are stored as submitted (jsonb),
 * with the triage and its reasons computed at submission under the recorded policy version.
 */
export const inquiry = pgTable(
  'inquiry',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    /** What the person keeps, e.g. `LQ-7K3M-9PXD`. */
    reference: text('reference').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    email: text('email'),
    phone: text('phone'),
    preferredContact: text('preferred_contact').notNull(),
    reason: text('reason').notNull(),
    modality: text('modality').notNull(),
    heardFrom: text('heard_from'),
    heardFromDetail: text('heard_from_detail'),
    dateOfBirth: date('date_of_birth'),
    ageYears: integer('age_years'),
    prescreen: jsonb('prescreen'),
    scores: jsonb('scores').notNull(),
    /** urgent_safety | likely_ineligible | ready_for_evaluation */
    triage: text('triage').notNull(),
    triageReasons: jsonb('triage_reasons').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    policyVersion: integer('policy_version').notNull(),
    /** new | contacted | evaluation_scheduled | closed | converted */
    status: text('status').notNull().default('new'),
    assignedTo: uuid('assigned_to').references(() => appUser.id),
    patientId: uuid('patient_id').references(() => patient.id),
    /** SHA-256 of the normalized submission: the same answers sent twice minutes apart are one inquiry. */
    contentHash: text('content_hash').notNull(),
    idempotencyKey: text('idempotency_key'),
    /** web_form | api */
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inquiry_reference_uq').on(t.reference),
    uniqueIndex('inquiry_idempotency_uq').on(t.clinicId, t.idempotencyKey).where(sql`${t.idempotencyKey} IS NOT NULL`),
    index('inquiry_content_idx').on(t.clinicId, t.contentHash, t.createdAt),
    index('inquiry_queue_idx').on(t.clinicId, t.status, t.createdAt),
  ],
);

export const inquiryNote = pgTable(
  'inquiry_note',
  {
    id: uuid('id').primaryKey(),
    inquiryId: uuid('inquiry_id').notNull().references(() => inquiry.id),
    authorId: uuid('author_id').notNull().references(() => appUser.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inquiry_note_inquiry_idx').on(t.inquiryId, t.createdAt)],
);

/** Alerts staff see at once on their home screens; acknowledged, never deleted. */
export const clinicAlert = pgTable(
  'clinic_alert',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    /** urgent_inquiry */
    kind: text('kind').notNull(),
    /** urgent | high */
    severity: text('severity').notNull(),
    title: text('title').notNull(),
    reasons: jsonb('reasons').notNull(),
    inquiryId: uuid('inquiry_id').references(() => inquiry.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => appUser.id),
  },
  (t) => [index('clinic_alert_open_idx').on(t.clinicId, t.acknowledgedAt, t.createdAt)],
);
