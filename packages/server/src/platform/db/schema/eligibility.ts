import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';
import { appUser } from './identity.js';
import { clinicalNote } from './notes.js';
import { patient } from './patients.js';

/**
 * The physician's eligibility decision (clinical.md §2.4 item 13): eligible | eligible_with_conditions
 * | not_eligible, made on the two signed evaluation notes, with the assessment, overrides and clearances
 * it relied on and the policy version it used. Decisions form a chain per patient: each new one names
 * the one it supersedes, and the unique indexes let only one decision take each place in the chain.
 * Append-only (a trigger in the chart-records migration refuses UPDATE and DELETE).
 */
export const eligibilityDecision = pgTable(
  'eligibility_decision',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    supersedesId: uuid('supersedes_id'),
    outcome: text('outcome').notNull(),
    conditions: text('conditions').array().notNull().default([]),
    therapistEvaluationId: uuid('therapist_evaluation_id')
      .notNull()
      .references(() => clinicalNote.id),
    physicianExamId: uuid('physician_exam_id')
      .notNull()
      .references(() => clinicalNote.id),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => appUser.id),
    decidedByRoles: text('decided_by_roles').array().notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    policyVersion: integer('policy_version').notNull(),
    /** The core ContraindicationAssessment the decision was made on (what a re-assessment compares against). */
    assessment: jsonb('assessment').notNull(),
    /** [{ ruleId, reason, approvedBy: [{ userId, roles }] }] */
    overrides: jsonb('overrides').notNull(),
    /** [{ ruleId, note }] */
    clearances: jsonb('clearances').notNull(),
    /** SHA-256 of the decision's canonical content: the physician's signature over it. */
    contentHash: text('content_hash').notNull(),
  },
  (t) => [
    foreignKey({ name: 'eligibility_decision_supersedes_fk', columns: [t.supersedesId], foreignColumns: [t.id] }),
    uniqueIndex('eligibility_decision_supersedes_uq').on(t.supersedesId),
    uniqueIndex('eligibility_decision_first_uq').on(t.patientId).where(sql`${t.supersedesId} IS NULL`),
    index('eligibility_decision_patient_idx').on(t.patientId, t.decidedAt),
  ],
);

/** A decision re-opened by new contraindicating information (core reassessAfterChange); at most once each. Append-only. */
export const eligibilityReopening = pgTable(
  'eligibility_reopening',
  {
    id: uuid('id').primaryKey(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => eligibilityDecision.id),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    /** The core RuleChange list that re-opened it. */
    changes: jsonb('changes').notNull(),
    /** Who entered the information (not a decision of theirs). */
    triggeredBy: uuid('triggered_by').references(() => appUser.id),
  },
  (t) => [uniqueIndex('eligibility_reopening_decision_uq').on(t.decisionId)],
);

/**
 * A clearance of a relative contraindication, or a medical-director override of an absolute one, with
 * the evidence it weighed (a later resolution of the same rule replaces it). kind: clearance | override.
 */
export const contraindicationResolution = pgTable(
  'contraindication_resolution',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    ruleId: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    evidence: jsonb('evidence').notNull(),
    resolvedBy: uuid('resolved_by')
      .notNull()
      .references(() => appUser.id),
    resolvedByRoles: text('resolved_by_roles').array().notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull(),
    policyVersion: integer('policy_version').notNull(),
  },
  (t) => [index('contraindication_resolution_patient_idx').on(t.patientId, t.ruleId, t.resolvedAt)],
);
