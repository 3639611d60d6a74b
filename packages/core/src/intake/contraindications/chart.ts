import { z } from 'zod';
import { calendarDate } from '../dates.js';
import { icd10Code } from '../icd10/search.js';
import { cssrsAnswers } from '../questionnaires/cssrs.js';
import { CONDITION_RULE_IDS, DRUG_CLASSES } from './rule-ids.js';

/**
 * What the contraindication rules read about one person: the self-report at inquiry, then the
 * therapist evaluation and physician exam as they fill it in (clinical.md §2.4). Everything is
 * optional or defaults to empty, so the same shape serves a first inquiry and a signed exam.
 */

/** Who recorded a finding; shown in the evidence of a result. */
export const findingSource = z.enum(['self_report', 'therapist_evaluation', 'physician_exam', 'record']);
export type FindingSource = z.infer<typeof findingSource>;

/** A condition reported or found; `older_adult` is derived from the age, never reported. */
export const reportableCondition = z.enum(CONDITION_RULE_IDS).exclude(['older_adult']);
export type ReportableCondition = z.infer<typeof reportableCondition>;

export const conditionFinding = z.strictObject({
  condition: reportableCondition,
  source: findingSource,
  note: z.string().trim().max(500).optional(),
});
export type ConditionFinding = z.infer<typeof conditionFinding>;

/** A current medication. `name` is the generic name (used for diazepam equivalents). */
export const medication = z.strictObject({
  name: z.string().trim().min(1).max(200),
  drugClass: z.enum(DRUG_CLASSES),
  /** Total mg per day; null when unknown. */
  dailyDoseMg: z.number().positive().max(100_000).nullable().default(null),
});
export type Medication = z.infer<typeof medication>;

export const SUBSTANCES = [
  'alcohol',
  'cannabis',
  'opioids',
  'sedatives',
  'cocaine',
  'stimulants',
  'hallucinogens',
  'ketamine',
  'inhalants',
  'tobacco',
  'other',
] as const;

/** Self-reported or assessed substance use (clinical.md §2.4 item 3; AUDIT-C/DAST-10 live elsewhere). */
export const substanceUse = z.strictObject({
  substance: z.enum(SUBSTANCES),
  /** Last use; null when ongoing or unknown (treated as current). */
  lastUseDate: calendarDate.nullable(),
  /** Problematic use (a use disorder or misuse), not occasional use. */
  problematic: z.boolean().default(true),
  /** In supervised treatment (Psyon lifts the exclusion, clinical.md §2.2). */
  inSupervisedTreatment: z.boolean().default(false),
});
export type SubstanceUse = z.infer<typeof substanceUse>;

export const cardiovascularEvent = z.strictObject({
  event: z.enum(['myocardial_infarction', 'stroke']),
  date: calendarDate,
});
export type CardiovascularEvent = z.infer<typeof cardiovascularEvent>;

/** A seated resting reading (LOINC 8480-6 systolic, 8462-4 diastolic; clinical.md §8.2). */
export const bloodPressure = z.strictObject({
  systolicMmHg: z.number().int().min(40).max(300),
  diastolicMmHg: z.number().int().min(20).max(200),
  source: findingSource,
});
export type BloodPressure = z.infer<typeof bloodPressure>;

export const intakeChart = z.strictObject({
  /** Preferred over `ageYears`; validated against the clinic-local date when assessed. */
  dateOfBirth: calendarDate.optional(),
  /** Self-reported age when no date of birth is known yet (an inquiry form). */
  ageYears: z.number().int().min(0).max(120).optional(),
  pregnant: z.boolean().optional(),
  breastfeeding: z.boolean().optional(),
  diagnoses: z.array(icd10Code).max(100).default([]),
  medications: z.array(medication).max(100).default([]),
  allergies: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  conditions: z.array(conditionFinding).max(100).default([]),
  bloodPressure: bloodPressure.optional(),
  substanceUse: z.array(substanceUse).max(30).default([]),
  cardiovascularEvents: z.array(cardiovascularEvent).max(30).default([]),
  /** Child-Pugh class when known; C is severe hepatic impairment (clinical.md §2.1). */
  childPughClass: z.enum(['A', 'B', 'C']).optional(),
  /** The C-SSRS screener, when given; intent (Q4/Q5) is an acute-suicidality finding. */
  cssrs: cssrsAnswers.optional(),
});
export type IntakeChart = z.infer<typeof intakeChart>;
export type IntakeChartInput = z.input<typeof intakeChart>;
