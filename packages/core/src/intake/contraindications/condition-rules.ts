import { ValidationError } from '../../errors.js';
import { compareCalendarDates, parseCalendarDate, wholeMonthsBetween, type CalendarDate } from '../dates.js';
import { findIcd10 } from '../icd10/search.js';
import type { EligibilityPolicy } from '../policy.js';
import { scoreCssrs } from '../questionnaires/cssrs.js';
import type { FindingSource, IntakeChart } from './chart.js';
import { CONDITION_REASONS } from './condition-reasons.js';
import { diagnosesFor, substanceDisorderCodes } from './diagnosis-rules.js';
import type { ContraindicationResult } from './result.js';
import { CONDITION_RULE_IDS, type ConditionRuleId } from './rule-ids.js';

/** What the condition rules read besides the chart. */
export interface ConditionRuleContext {
  readonly chart: IntakeChart;
  readonly policy: EligibilityPolicy;
  readonly today: CalendarDate;
  /** Null when neither a date of birth nor an age is known. */
  readonly ageYears: number | null;
}

const SOURCE_LABELS: Record<FindingSource, string> = {
  self_report: 'Self-report',
  therapist_evaluation: 'Therapist evaluation',
  physician_exam: 'Physician exam',
  record: 'Outside record',
};

/** Brand and generic names that mean ketamine (clinical.md §2.1: hypersensitivity to esketamine or ketamine). */
const KETAMINE_NAMES = /ketamine|ketalar|spravato/i;

function diagnosisEvidence(rule: ConditionRuleId, chart: IntakeChart): string[] {
  return diagnosesFor(rule, chart.diagnoses).map((code) => {
    const entry = findIcd10(code);
    return entry ? `Diagnosis ${code} (${entry.label})` : `Diagnosis ${code}`;
  });
}

function findingEvidence(rule: ConditionRuleId, chart: IntakeChart): string[] {
  return chart.conditions
    .filter((finding) => finding.condition === rule)
    .map((finding) => (finding.note ? `${SOURCE_LABELS[finding.source]}: ${finding.note}` : SOURCE_LABELS[finding.source]));
}

function notAfterToday(date: string, today: CalendarDate, path: ReadonlyArray<string | number>): CalendarDate {
  const parsed = parseCalendarDate(date, path);
  if (compareCalendarDates(parsed, today) > 0) {
    throw new ValidationError(path, `${date} is in the future`);
  }
  return parsed;
}

function bloodPressureEvidence({ chart, policy }: ConditionRuleContext): string[] {
  const reading = chart.bloodPressure;
  const limit = policy.uncontrolledHypertension;
  if (!reading) return [];
  if (reading.systolicMmHg < limit.systolicMmHg && reading.diastolicMmHg < limit.diastolicMmHg) return [];
  return [
    `Blood pressure ${reading.systolicMmHg}/${reading.diastolicMmHg} mmHg (${SOURCE_LABELS[reading.source]}), ` +
      `at or above ${limit.systolicMmHg}/${limit.diastolicMmHg}`,
  ];
}

function recentEventEvidence({ chart, policy, today }: ConditionRuleContext): string[] {
  const months = policy.recentCardiovascularEventMonths;
  return chart.cardiovascularEvents.flatMap((event, index) => {
    const date = notAfterToday(event.date, today, ['cardiovascularEvents', index, 'date']);
    if (wholeMonthsBetween(date, today) >= months) return [];
    const what = event.event === 'stroke' ? 'Stroke' : 'Heart attack';
    return [`${what} on ${event.date}, within ${months} months`];
  });
}

function suicidalIntentEvidence({ chart }: ConditionRuleContext): string[] {
  if (!chart.cssrs || !scoreCssrs(chart.cssrs).intent) return [];
  return ['C-SSRS screener: intent to act or a plan with intent'];
}

function substanceUseEvidence({ chart, policy, today }: ConditionRuleContext): string[] {
  const months = policy.substanceAbstinenceMonths;
  const { active, inRemission } = substanceDisorderCodes(chart.diagnoses);
  const evidence = [
    ...active.map((code) => `Diagnosis ${code}`),
    ...inRemission.map((code) => `Diagnosis ${code}, in remission: confirm ${months} months' abstinence`),
  ];
  chart.substanceUse.forEach((use, index) => {
    // Tobacco is not counted (Psyon, clinical.md §2.2); supervised treatment lifts the exclusion.
    if (use.substance === 'tobacco' || !use.problematic || use.inSupervisedTreatment) return;
    if (use.lastUseDate === null) {
      evidence.push(`Substance use (${use.substance}): current, or last use unknown`);
      return;
    }
    const last = notAfterToday(use.lastUseDate, today, ['substanceUse', index, 'lastUseDate']);
    if (wholeMonthsBetween(last, today) < months) {
      evidence.push(`Substance use (${use.substance}): last use ${use.lastUseDate}, under ${months} months ago`);
    }
  });
  return evidence;
}

function ketamineMisuseEvidence({ chart }: ConditionRuleContext): string[] {
  return chart.substanceUse
    .filter((use) => use.substance === 'ketamine' && use.problematic)
    .map((use) => `Ketamine misuse${use.lastUseDate ? `, last use ${use.lastUseDate}` : ''}`);
}

/** Evidence beyond diagnosis codes and reported findings, for the rules that have any. */
const EXTRA_EVIDENCE: Partial<Record<ConditionRuleId, (context: ConditionRuleContext) => string[]>> = {
  pregnancy: ({ chart }) => (chart.pregnant === true ? ['Recorded as pregnant'] : []),
  breastfeeding: ({ chart }) => (chart.breastfeeding === true ? ['Recorded as breastfeeding'] : []),
  ketamine_allergy: ({ chart }) =>
    chart.allergies.filter((allergy) => KETAMINE_NAMES.test(allergy)).map((allergy) => `Allergy: ${allergy}`),
  acute_suicidality_with_intent: suicidalIntentEvidence,
  uncontrolled_hypertension: bloodPressureEvidence,
  recent_cardiovascular_event: recentEventEvidence,
  liver_disease: ({ chart }) => (chart.childPughClass ? [`Child-Pugh class ${chart.childPughClass}`] : []),
  severe_hepatic_impairment: ({ chart }) => (chart.childPughClass === 'C' ? ['Child-Pugh class C'] : []),
  substance_use_disorder: substanceUseEvidence,
  ketamine_misuse: ketamineMisuseEvidence,
  older_adult: ({ ageYears, policy }) =>
    // Stable wording (not the exact age), so a birthday alone never looks like new evidence.
    ageYears !== null && ageYears >= policy.olderAdultAge ? [`Age ${policy.olderAdultAge} or over`] : [],
};

function evaluateConditionRule(rule: ConditionRuleId, context: ConditionRuleContext): ContraindicationResult {
  const evidence = [
    ...diagnosisEvidence(rule, context.chart),
    ...findingEvidence(rule, context.chart),
    ...(EXTRA_EVIDENCE[rule]?.(context) ?? []),
  ];
  const setting = context.policy.conditions[rule];
  const text = CONDITION_REASONS[rule];
  const fill = (template: string): string => template.replace('{age}', String(context.policy.olderAdultAge));
  if (evidence.length === 0) {
    return { ruleId: rule, kind: 'condition', level: 'clear', reason: fill(text.clear), clearance: [], evidence, severity: null };
  }
  return {
    ruleId: rule,
    kind: 'condition',
    level: setting.level,
    reason: fill(text.found),
    clearance: setting.level === 'relative' ? setting.clearance : [],
    evidence,
    severity: null,
  };
}

/** One result for every condition rule, in the order of CONDITION_RULE_IDS. */
export function evaluateConditionRules(context: ConditionRuleContext): ContraindicationResult[] {
  return CONDITION_RULE_IDS.map((rule) => evaluateConditionRule(rule, context));
}
