import { ageInYears, parseCalendarDate } from '../dates.js';
import type { EligibilityPolicy } from '../policy.js';
import { parseOrThrow } from '../validate.js';
import { intakeChart, type IntakeChart } from './chart.js';
import { evaluateConditionRules } from './condition-rules.js';
import { evaluateInteractions } from './interactions.js';
import { worstLevel, type ContraindicationLevel, type ContraindicationResult } from './result.js';
import { MINIMUM_AGE_RULE_ID } from './rule-ids.js';

export interface AssessContraindicationsOptions {
  readonly chart: IntakeChart;
  readonly policy: EligibilityPolicy;
  /** The clinic-local date, 'YYYY-MM-DD'. */
  readonly today: string;
}

export interface ContraindicationAssessment {
  /** One result per rule: minimum age, then the condition rules, then the interaction rules. */
  readonly results: readonly ContraindicationResult[];
  /** The most restrictive level found. */
  readonly summary: ContraindicationLevel;
  readonly absolute: readonly ContraindicationResult[];
  readonly relative: readonly ContraindicationResult[];
  /** Interaction results with a medication found (level clear included), for DetectedIssue flags. */
  readonly interactionFlags: readonly ContraindicationResult[];
}

/** The age in whole years, from the date of birth when known, else the self-reported age. */
function knownAge(chart: IntakeChart, today: string): number | null {
  if (chart.dateOfBirth !== undefined) return ageInYears(chart.dateOfBirth, today);
  return chart.ageYears ?? null;
}

/** Under `policy.minimumAge` is always absolute (clinical.md §2.2: age <18); an unknown age needs confirming. */
function minimumAgeResult(chart: IntakeChart, age: number | null, policy: EligibilityPolicy): ContraindicationResult {
  const minimum = policy.minimumAge;
  const base = { ruleId: MINIMUM_AGE_RULE_ID, kind: 'age', severity: null } as const;
  if (age === null) {
    return {
      ...base,
      level: 'relative',
      reason: `Age not recorded yet; the program treats adults aged ${minimum} and over.`,
      clearance: ['Confirm the date of birth'],
      evidence: [],
    };
  }
  const evidence = [chart.dateOfBirth !== undefined ? `Date of birth ${chart.dateOfBirth}, age ${age}` : `Reported age ${age}`];
  if (age < minimum) {
    return { ...base, level: 'absolute', reason: `Under ${minimum}: the program treats adults only.`, clearance: [], evidence };
  }
  return { ...base, level: 'clear', reason: `Aged ${minimum} or over.`, clearance: [], evidence };
}

/**
 * Screens a chart against every contraindication and interaction rule under the clinic's policy.
 * Pure: `today` is the clinic-local date. The chart is validated again (ValidationError with a path
 * under `chart`); an impossible, future or >120-year date of birth throws at `['dateOfBirth']`.
 */
export function assessContraindications(options: AssessContraindicationsOptions): ContraindicationAssessment {
  const chart = parseOrThrow(intakeChart, options.chart, ['chart']);
  const { policy } = options;
  const today = parseCalendarDate(options.today, ['today']);
  const ageYears = knownAge(chart, options.today);
  const results = [
    minimumAgeResult(chart, ageYears, policy),
    ...evaluateConditionRules({ chart, policy, today, ageYears }),
    ...evaluateInteractions(chart.medications, policy),
  ];
  return {
    results,
    summary: worstLevel(results.map((result) => result.level)),
    absolute: results.filter((result) => result.level === 'absolute'),
    relative: results.filter((result) => result.level === 'relative'),
    interactionFlags: results.filter((result) => result.kind === 'interaction' && result.severity !== null),
  };
}
