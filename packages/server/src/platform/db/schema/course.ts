import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';
import { appUser } from './identity.js';
import { patient } from './patients.js';

/**
 * The course engine (issue #4). A care plan (FHIR CarePlan) is what the team and patients agree on;
 * it links one patient (individual), two or more (couples/family) or a cohort (group). Each patient in
 * it has a course (FHIR EpisodeOfCare) with their own gates, overrides, sessions and decisions. The
 * phase is derived from these facts, never stored. Everything here is appended, never rewritten:
 * plan content changes as a new revision, overrides and decisions as new rows (trigger in the
 * course migration refuses UPDATE and DELETE, apart from the named status columns).
 */
export const carePlan = pgTable(
  'care_plan',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    /** individual | couples | group */
    modality: text('modality').notNull(),
    /** general | grief | religious_trauma | a clinic-defined slug */
    focus: text('focus').notNull(),
    /** A cohort's or couple's name for lists (no clinical detail). */
    title: text('title').notNull(),
    /** Groups: the most members the cohort takes. */
    capacity: integer('capacity'),
    /** Group facilitators (staff ids). */
    facilitators: uuid('facilitators').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    policyVersion: integer('policy_version').notNull(),
  },
  (t) => [index('care_plan_clinic_idx').on(t.clinicId, t.createdAt)],
);

/**
 * A version of the plan's content: target conditions, goals, intentions, care team and planned counts.
 * The therapist drafts it; a physician co-signs the medical part (the only UPDATE allowed, once, on a
 * draft); each patient acknowledges it (plan_acknowledgement). A change is a new version.
 */
export const carePlanRevision = pgTable(
  'care_plan_revision',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => carePlan.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    draftedBy: uuid('drafted_by')
      .notNull()
      .references(() => appUser.id),
    draftedAt: timestamp('drafted_at', { withTimezone: true }).notNull(),
    cosignedBy: uuid('cosigned_by').references(() => appUser.id),
    cosignedAt: timestamp('cosigned_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('care_plan_revision_version_uq').on(t.planId, t.version)],
);

/** A patient's in-clinic acknowledgement of one plan revision (portal later). */
export const planAcknowledgement = pgTable(
  'plan_acknowledgement',
  {
    id: uuid('id').primaryKey(),
    revisionId: uuid('revision_id')
      .notNull()
      .references(() => carePlanRevision.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    typedName: text('typed_name').notNull(),
    witnessId: uuid('witness_id')
      .notNull()
      .references(() => appUser.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('plan_acknowledgement_uq').on(t.revisionId, t.patientId)],
);

/**
 * One patient's course within a plan (FHIR EpisodeOfCare). `status` moves active → maintenance →
 * completed only through cycle decisions (the one column the trigger lets change). One open course
 * per patient.
 */
export const course = pgTable(
  'course',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => carePlan.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    status: text('status').notNull().default('active'),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => appUser.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('course_plan_idx').on(t.planId),
    uniqueIndex('course_one_open_uq').on(t.patientId).where(sql`${t.status} <> 'completed'`),
  ],
);

/**
 * Course events that gates read, each appended with who, when, why and the policy version:
 * prep_minimum (therapist, `value` = the patient's minimum), readiness (therapist), first_route
 * (physician allows a non-oral first session), cycle_decision (`value` = decision, `subjectId` = the
 * medicine session), safety_flag and safety_review (`subjectId` = the flag).
 */
export const courseEvent = pgTable(
  'course_event',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => course.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    kind: text('kind').notNull(),
    value: text('value'),
    subjectId: uuid('subject_id'),
    reason: text('reason'),
    byUser: uuid('by_user')
      .notNull()
      .references(() => appUser.id),
    byRoles: text('by_roles').array().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    policyVersion: integer('policy_version').notNull(),
  },
  (t) => [index('course_event_course_idx').on(t.courseId, t.at)],
);

/**
 * A session held for the plan: individual (one course), joint (a couple together) or group (cohort).
 * `appointmentId` links the scheduling engine's appointment (no FK: that table is scheduling's).
 */
export const planSession = pgTable(
  'plan_session',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => carePlan.id),
    /** preparation | medicine | integration | follow_up */
    kind: text('kind').notNull(),
    /** individual | joint | group */
    format: text('format').notNull(),
    /** oral | im (medicine sessions) */
    route: text('route'),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    appointmentId: uuid('appointment_id'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => appUser.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    policyVersion: integer('policy_version').notNull(),
  },
  (t) => [index('plan_session_plan_idx').on(t.planId, t.heldAt)],
);

/** Who attended a session (one row per patient: FHIR one Encounter per patient). */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => planSession.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => course.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    present: boolean('present').notNull().default(true),
  },
  (t) => [uniqueIndex('session_attendance_uq').on(t.sessionId, t.patientId), index('session_attendance_course_idx').on(t.courseId, t.heldAt)],
);
