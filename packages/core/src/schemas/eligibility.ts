import { z } from 'zod';
import { CONTRAINDICATION_RULE_IDS } from '../chart/rule-catalog.js';
import { eligibilityOutcome } from '../intake/eligibility-decision.js';
import { text, uuid } from './common.js';
import { findingView } from './chart-entries.js';
import { patientHeader } from './patients.js';

/**
 * Contraindications and the eligibility decision (issue #3; clinical.md §2): the assessment of a chart,
 * rule by rule, the clearances and medical-director overrides documented against it, and the
 * physician's signed decision, which is the gate the course engine checks before any medicine session.
 */

export const contraindicationRuleId = z.enum(CONTRAINDICATION_RULE_IDS);

const person = z.object({ userId: uuid, displayName: z.string() });

/** A documented clearance (relative) or override (absolute), and whether it still covers the evidence. */
export const ruleResolutionView = z.object({
  id: uuid,
  kind: z.enum(['clearance', 'override']),
  text: z.string(),
  by: person,
  at: z.iso.datetime(),
  /** False when the rule has gained evidence since (it must be cleared or overridden again). */
  applies: z.boolean(),
});
export type RuleResolutionView = z.infer<typeof ruleResolutionView>;

export const contraindicationResultView = z.object({
  ruleId: contraindicationRuleId,
  kind: z.enum(['age', 'condition', 'interaction']),
  level: z.enum(['absolute', 'relative', 'clear']),
  reason: z.string(),
  clearance: z.array(z.string()),
  evidence: z.array(z.string()),
  severity: z.enum(['high', 'moderate', 'low']).nullable(),
  resolution: ruleResolutionView.nullable(),
});
export type ContraindicationResultView = z.infer<typeof contraindicationResultView>;

export const contraindicationAssessmentView = z.object({
  /** The clinic-local date the chart was assessed on. */
  assessedOn: z.string(),
  policyVersion: z.number().int(),
  summary: z.enum(['absolute', 'relative', 'clear']),
  results: z.array(contraindicationResultView),
  /** Conditions reported on the chart (pregnancy, a new diagnosis from outside…), which the rules read. */
  findings: z.array(findingView),
  /** Whether the assessment includes a self-report carried from the intake pre-screen. */
  includesSelfReport: z.boolean(),
});
export type ContraindicationAssessmentView = z.infer<typeof contraindicationAssessmentView>;

export const clearanceRequest = z.strictObject({
  ruleId: contraindicationRuleId,
  note: text(1000).min(5, 'Document the clearance (for example "EKG reviewed 2026-11-20, normal sinus rhythm")'),
});
export type ClearanceRequest = z.infer<typeof clearanceRequest>;

export const overrideRequest = z.strictObject({
  ruleId: contraindicationRuleId,
  /** Its minimum length is clinic policy (eligibility.overrides.minReasonLength). */
  reason: text(2000).min(1, 'Explain the override'),
});
export type OverrideRequest = z.infer<typeof overrideRequest>;

export const eligibilityDecisionRequest = z.strictObject({
  outcome: eligibilityOutcome,
  conditions: z.array(text(500)).max(20).default([]),
  /** The decision the physician saw as current (null for none); another recorded since is a 409. */
  supersedes: uuid.nullable(),
});
export type EligibilityDecisionRequest = z.infer<typeof eligibilityDecisionRequest>;

export const eligibilityDecisionView = z.object({
  id: uuid,
  outcome: eligibilityOutcome,
  conditions: z.array(z.string()),
  decidedBy: person,
  decidedAt: z.iso.datetime(),
  policyVersion: z.number().int(),
  therapistEvaluationId: uuid,
  physicianExamId: uuid,
  contentHash: z.string(),
  overrides: z.array(z.object({ ruleId: z.string(), reason: z.string() })),
  clearances: z.array(z.object({ ruleId: z.string(), note: z.string() })),
  reopened: z.object({ at: z.iso.datetime(), reason: z.string() }).nullable(),
});
export type EligibilityDecisionView = z.infer<typeof eligibilityDecisionView>;

/** Where a patient stands on eligibility, for the chart header badge. */
export const eligibilityStatus = z.enum([
  'not_started',
  'in_evaluation',
  'ready_for_decision',
  'eligible',
  'eligible_with_conditions',
  'not_eligible',
  'reopened',
]);
export type EligibilityStatus = z.infer<typeof eligibilityStatus>;

const unmetList = z.array(z.object({ code: z.string(), message: z.string() }));

export const eligibilityView = z.object({
  status: eligibilityStatus,
  current: eligibilityDecisionView.nullable(),
  history: z.array(eligibilityDecisionView),
  /** What still stops each outcome being recorded now (empty: it may be recorded). */
  unmetByOutcome: z.object({ eligible: unmetList, eligible_with_conditions: unmetList, not_eligible: unmetList }),
  therapistEvaluationSigned: z.boolean(),
  physicianExamSigned: z.boolean(),
});
export type EligibilityView = z.infer<typeof eligibilityView>;

/** The chart header: the demographic header, the age, and the eligibility badge. */
export const chartHeader = patientHeader.extend({
  ageYears: z.number().int().nullable(),
  eligibility: z.object({ status: eligibilityStatus, decidedAt: z.iso.datetime().nullable() }),
});
export type ChartHeader = z.infer<typeof chartHeader>;
