import { date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';
import { appUser } from './identity.js';

/** Medical record numbers: human-readable, never reused. */
export const patientMrnSeq = pgSequence('patient_mrn_seq', { startWith: 100001 });

/** A patient's chart header. Clinical sections hang off it in their own areas' tables. */
export const patient = pgTable(
  'patient',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    mrn: text('mrn').notNull(),
    legalGivenName: text('legal_given_name').notNull(),
    legalFamilyName: text('legal_family_name').notNull(),
    preferredName: text('preferred_name'),
    pronouns: text('pronouns'),
    dateOfBirth: date('date_of_birth').notNull(),
    email: text('email'),
    phone: text('phone'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    addressCity: text('address_city'),
    addressState: text('address_state'),
    addressPostalCode: text('address_postal_code'),
    /** { name, relationship, phone } (core `personalContact`). */
    emergencyContact: jsonb('emergency_contact'),
    /** Escorts and drivers who take the person home after a medicine session (clinical.md §1.8). */
    escorts: jsonb('escorts').notNull().default([]),
    pharmacyName: text('pharmacy_name'),
    pharmacyPhone: text('pharmacy_phone'),
    pharmacyAddress: text('pharmacy_address'),
    insurancePayer: text('insurance_payer'),
    insuranceMemberId: text('insurance_member_id'),
    insuranceGroupNumber: text('insurance_group_number'),
    /**
     * The pre-screen self-report carried over from intake (core `IntakeChart`, sources `self_report`),
     * which the contraindication assessment reads until the evaluations replace it. Null when none.
     */
    intakeSelfReport: jsonb('intake_self_report'),
    /** Bumped by every profile edit; an edit from a stale version is refused (optimistic concurrency). */
    profileVersion: integer('profile_version').notNull().default(1),
    status: text('status').notNull().default('inquiry'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('patient_mrn_uq').on(t.clinicId, t.mrn), index('patient_name_idx').on(t.clinicId, t.legalFamilyName)],
);

export const careTeamMember = pgTable(
  'care_team_member',
  {
    patientId: uuid('patient_id').notNull().references(() => patient.id),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    role: text('role').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.userId, t.role] }), index('care_team_user_idx').on(t.userId)],
);

/** Emergency access (HIPAA §164.312(a)(2)(ii)): a reason, a time limit, and a review afterwards. */
export const breakGlassGrant = pgTable(
  'break_glass_grant',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    patientId: uuid('patient_id').notNull().references(() => patient.id),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [index('break_glass_user_patient_idx').on(t.userId, t.patientId, t.expiresAt)],
);
