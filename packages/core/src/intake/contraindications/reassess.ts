import { z } from 'zod';
import { icd10Code } from '../icd10/search.js';
import type { EligibilityPolicy } from '../policy.js';
import { assessContraindications, type ContraindicationAssessment } from './assess.js';
import { bloodPressure, cardiovascularEvent, conditionFinding, medication, substanceUse, type IntakeChart } from './chart.js';
import { levelRank, type ContraindicationLevel } from './result.js';
import type { ContraindicationRuleId } from './rule-ids.js';

/** New information about a person after an eligibility result was recorded. */
export const chartChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('medication_added'), medication }),
  z.strictObject({ kind: z.literal('diagnosis_added'), code: icd10Code }),
  z.strictObject({ kind: z.literal('condition_reported'), finding: conditionFinding }),
  z.strictObject({ kind: z.literal('pregnancy_reported') }),
  z.strictObject({ kind: z.literal('breastfeeding_reported') }),
  z.strictObject({ kind: z.literal('allergy_added'), substance: z.string().trim().min(1).max(200) }),
  z.strictObject({ kind: z.literal('blood_pressure_recorded'), bloodPressure }),
  z.strictObject({ kind: z.literal('substance_use_reported'), use: substanceUse }),
  z.strictObject({ kind: z.literal('cardiovascular_event_reported'), event: cardiovascularEvent }),
]);
export type ChartChange = z.infer<typeof chartChange>;

/** The chart with `change` applied (a new object; the input is not modified). */
export function applyChartChange(chart: IntakeChart, change: ChartChange): IntakeChart {
  switch (change.kind) {
    case 'medication_added':
      return { ...chart, medications: [...chart.medications, change.medication] };
    case 'diagnosis_added':
      return { ...chart, diagnoses: [...chart.diagnoses, change.code] };
    case 'condition_reported':
      return { ...chart, conditions: [...chart.conditions, change.finding] };
    case 'pregnancy_reported':
      return { ...chart, pregnant: true };
    case 'breastfeeding_reported':
      return { ...chart, breastfeeding: true };
    case 'allergy_added':
      return { ...chart, allergies: [...chart.allergies, change.substance] };
    case 'blood_pressure_recorded':
      return { ...chart, bloodPressure: change.bloodPressure };
    case 'substance_use_reported':
      return { ...chart, substanceUse: [...chart.substanceUse, change.use] };
    case 'cardiovascular_event_reported':
      return { ...chart, cardiovascularEvents: [...chart.cardiovascularEvents, change.event] };
    default: {
      const unreachable: never = change;
      return unreachable;
    }
  }
}

/** How one rule's result moved between two assessments. */
export interface RuleChange {
  readonly ruleId: ContraindicationRuleId;
  readonly from: ContraindicationLevel;
  readonly to: ContraindicationLevel;
  /** Evidence in the new result that the prior result did not have. */
  readonly newEvidence: readonly string[];
  readonly reason: string;
  /** The level rose, or a contraindication gained evidence its clearance or override did not weigh. */
  readonly reopens: boolean;
}

/** Rule by rule, what differs between `prior` and `next`: level, severity, or evidence of a standing contraindication. */
export function compareAssessments(prior: ContraindicationAssessment, next: ContraindicationAssessment): RuleChange[] {
  const before = new Map(prior.results.map((result) => [result.ruleId, result]));
  return next.results.flatMap((result) => {
    const old = before.get(result.ruleId);
    const from = old?.level ?? 'clear';
    const oldEvidence = new Set(old?.evidence ?? []);
    const newEvidence = result.evidence.filter((item) => !oldEvidence.has(item));
    const severityChanged = (old?.severity ?? null) !== result.severity;
    // Evidence matters only while the rule stands; a clear rule's wording (an age) may drift harmlessly.
    const evidenceMatters = result.level !== 'clear' && newEvidence.length > 0;
    if (from === result.level && !severityChanged && !evidenceMatters) return [];
    const rose = levelRank(result.level) > levelRank(from);
    const reopens = rose || evidenceMatters;
    return [{ ruleId: result.ruleId, from, to: result.level, newEvidence, reason: result.reason, reopens }];
  });
}

export interface ReassessOptions {
  /** The assessment the eligibility decision was based on. */
  readonly prior: ContraindicationAssessment;
  /** The chart as it stands before the change. */
  readonly chart: IntakeChart;
  readonly change: ChartChange;
  readonly policy: EligibilityPolicy;
  /** The clinic-local date, 'YYYY-MM-DD'. */
  readonly today: string;
}

export interface Reassessment {
  /** True when the eligibility decision should be reopened for the physician. */
  readonly reopen: boolean;
  readonly changes: readonly RuleChange[];
  readonly assessment: ContraindicationAssessment;
}

/**
 * Would this new information change the prior result? Reopens the decision when any rule becomes more
 * restrictive, or when a standing contraindication gains new evidence (a new cardiac diagnosis after
 * a cardiology clearance was given). A change that only relaxes a rule is reported but does not reopen.
 */
export function reassessAfterChange(options: ReassessOptions): Reassessment {
  const chart = applyChartChange(options.chart, options.change);
  const assessment = assessContraindications({ chart, policy: options.policy, today: options.today });
  const changes = compareAssessments(options.prior, assessment);
  return { reopen: changes.some((change) => change.reopens), changes, assessment };
}
