import { z } from 'zod';
import type { CssrsRiskLevel } from './questionnaires/cssrs.js';
import type { ConditionRuleId, InteractionClass } from './contraindications/rule-ids.js';

/**
 * The clinic-policy section for issue #3, "From first inquiry to eligible": every threshold the intake
 * and eligibility rules read. clinical.md treats every clinical threshold as a configurable value signed
 * off by the medical director, and says outright that absolute vs relative contraindication is clinic
 * policy (§2.2); items it marks ⚠ UNCERTAIN are flagged ⚠ here too. The lead wires this in as
 * `clinicPolicy.eligibility`.
 */

/** A condition rule either stops treatment (absolute) or needs clearance (relative). */
export const conditionLevel = z.enum(['absolute', 'relative']);
export type ConditionLevel = z.infer<typeof conditionLevel>;

/** An interaction may also be a flag only ('clear'). */
export const interactionLevel = z.enum(['absolute', 'relative', 'clear']);
export type InteractionLevel = z.infer<typeof interactionLevel>;

/** FHIR R4 DetectedIssue.severity codes (clinical.md §2.3 "feed a DetectedIssue", §8.2). */
export const interactionSeverity = z.enum(['high', 'moderate', 'low']);
export type InteractionSeverity = z.infer<typeof interactionSeverity>;

const clearanceList = z.array(z.string().trim().min(1).max(200)).max(10);

function conditionRule(level: ConditionLevel, clearance: readonly string[]) {
  const shape = z.strictObject({
    level: conditionLevel.default(level),
    /** What a relative contraindication needs before dosing, e.g. 'EKG', 'Cardiology clearance letter'. */
    clearance: clearanceList.default([...clearance]),
  });
  return shape.default(() => shape.parse({}));
}

function interactionRule(level: InteractionLevel, severity: InteractionSeverity, clearance: readonly string[]) {
  const shape = z.strictObject({
    level: interactionLevel.default(level),
    severity: interactionSeverity.default(severity),
    clearance: clearanceList.default([...clearance]),
  });
  return shape.default(() => shape.parse({}));
}

const conditionsShape = z.strictObject({
  // Likely absolute (clinical.md §2.2, VERIFIED: Carolinas, Psyon; esketamine label by analogy).
  primary_psychotic_disorder: conditionRule('absolute', []),
  bipolar_psychotic_mania: conditionRule('absolute', []),
  current_manic_or_mixed_episode: conditionRule('absolute', []),
  dissociative_disorder: conditionRule('absolute', []),
  pregnancy: conditionRule('absolute', []),
  breastfeeding: conditionRule('absolute', []),
  ketamine_allergy: conditionRule('absolute', []),
  aneurysmal_vascular_disease: conditionRule('absolute', []),
  arteriovenous_malformation: conditionRule('absolute', []),
  intracranial_hemorrhage: conditionRule('absolute', []),
  acute_suicidality_with_intent: conditionRule('absolute', []),
  // Relative, needing medical clearance (clinical.md §2.1–2.2).
  psychosis_history: conditionRule('relative', ['Psychiatric review of the psychosis history']),
  family_history_of_psychosis: conditionRule('relative', ['Therapist and physician review of family history']),
  severe_personality_disorder: conditionRule('relative', ['Therapist assessment that it will not interfere with treatment']),
  uncontrolled_hypertension: conditionRule('relative', ['Blood pressure re-check under the target', 'Primary care or cardiology clearance']),
  hypertensive_encephalopathy: conditionRule('relative', ['Physician review', 'Cardiology or neurology clearance']),
  heart_disease: conditionRule('relative', ['EKG', 'Cardiology clearance letter']),
  arrhythmia: conditionRule('relative', ['EKG', 'Cardiology clearance letter']),
  recent_cardiovascular_event: conditionRule('relative', ['Cardiology or neurology clearance letter']),
  uncontrolled_hyperthyroidism: conditionRule('relative', ['Thyroid function tests', 'Primary care or endocrinology clearance']),
  raised_intracranial_pressure: conditionRule('relative', ['Neurology clearance']),
  // ⚠ the label notes a slight IOP rise; the clinic exclusion is implied, not stated (clinical.md §2.2).
  raised_intraocular_pressure: conditionRule('relative', ['Ophthalmology clearance']),
  liver_disease: conditionRule('relative', ['Liver function tests']),
  // Child-Pugh C: "not recommended" on the esketamine label (clinical.md §2.1); not on the absolute list.
  severe_hepatic_impairment: conditionRule('relative', ['Hepatology clearance']),
  cystitis_or_bladder_problems: conditionRule('relative', ['Review of urinary symptoms']),
  substance_use_disorder: conditionRule('relative', ['Substance use assessment (abstinence or supervised treatment documented)']),
  ketamine_misuse: conditionRule('relative', ['Physician review of prior ketamine misuse']),
  acute_infection: conditionRule('relative', ['Infection resolved before dosing']),
  // ⚠ dose caution over 65 is a clinician decision (clinical.md §2.2).
  older_adult: conditionRule('relative', ['Physician review of dosing']),
} satisfies Record<ConditionRuleId, z.ZodType>);

const interactionsShape = z.strictObject({
  // Above the dose threshold: may blunt the antidepressant effect (Andrade 2017; Andrashko 2020).
  benzodiazepine: interactionRule('relative', 'moderate', ['Prescriber plan for the benzodiazepine dose (taper or timing)']),
  // ⚠ weak evidence: one clinic's claim that they "may blunt" the effect (clinical.md §2.3).
  gabapentinoid: interactionRule('clear', 'low', []),
  // Lamotrigine and other glutamate-release inhibitors may reduce effects and side effects (Andrade 2017).
  glutamate_release_inhibitor: interactionRule('clear', 'low', []),
  // MAOIs and psychostimulants raise blood pressure (SPRAVATO label).
  maoi: interactionRule('relative', 'high', ['Prescriber review: MAOI with ketamine raises blood pressure']),
  psychostimulant: interactionRule('relative', 'moderate', ['Prescriber review: hold or time the stimulant on dosing days']),
  // More sedation (SPRAVATO label); one KAP clinic will not dose alongside opiates (Carolinas).
  opioid: interactionRule('relative', 'moderate', ['Prescriber review of opioid use']),
  other_cns_depressant: interactionRule('clear', 'low', []),
  // CYP2B6 / CYP3A4 inducers and inhibitors change ketamine exposure (Andrade 2017).
  cyp_modulator: interactionRule('clear', 'low', []),
} satisfies Record<InteractionClass, z.ZodType>);

/**
 * Approximate oral doses equal to 10 mg diazepam. ⚠ Not in clinical.md: from the Ashton Manual
 * (Benzodiazepines: how they work and how to withdraw, 2002), taking the lower end where it gives a
 * range, so a dose converts to the higher diazepam equivalent and is flagged sooner.
 * The medical director should confirm or replace them.
 */
const ASHTON_DIAZEPAM_10MG_EQUIVALENTS: Record<string, number> = {
  alprazolam: 0.5,
  chlordiazepoxide: 25,
  clobazam: 20,
  clonazepam: 0.5,
  clorazepate: 15,
  diazepam: 10,
  estazolam: 1,
  flurazepam: 15,
  lorazepam: 1,
  oxazepam: 20,
  quazepam: 20,
  temazepam: 20,
  triazolam: 0.5,
};

const drugName = z.string().regex(/^[a-z][a-z-]*$/, 'Use the lower-case generic name');

const benzodiazepinesShape = z.strictObject({
  /**
   * Daily dose above which the benzodiazepine rule applies: >8 mg diazepam-equivalent separated
   * non-responders from responders (80% sensitivity, 85% specificity; Andrade 2017, clinical.md §2.3).
   * A dose exactly at the threshold does not trigger it.
   */
  maxDiazepamEquivalentMgPerDay: z.number().positive().max(200).default(8),
  /** mg of each drug equal to 10 mg diazepam ⚠ (see ASHTON_DIAZEPAM_10MG_EQUIVALENTS). */
  diazepamEquivalentMg: z.record(drugName, z.number().positive()).default(() => ({ ...ASHTON_DIAZEPAM_10MG_EQUIVALENTS })),
  /** Optional per-drug ceilings in mg/day, checked as well as the diazepam-equivalent total. */
  maxDailyMgByDrug: z.record(drugName, z.number().positive()).default(() => ({})),
});

const hypertensionShape = z.strictObject({
  /**
   * "Uncontrolled hypertension" at or above either value (Field Trip Health: about ≥160/100 should be
   * controlled first; clinical.md §1.7). Dosing-day BP tiers are a separate policy section.
   */
  systolicMmHg: z.number().int().min(120).max(220).default(160),
  diastolicMmHg: z.number().int().min(70).max(140).default(100),
});

const safetyShape = z.strictObject({
  /**
   * C-SSRS screener levels that make a pre-screen urgent. High is always urgent (clinical.md §4.3:
   * immediate evaluation); moderate is urgent by default (the brief for issue #3).
   */
  urgentCssrsLevels: z
    .array(z.enum(['low', 'moderate', 'high']))
    .min(1)
    .refine((levels) => levels.includes('high'), { message: 'High C-SSRS risk must always be urgent' })
    .default((): Exclude<CssrsRiskLevel, 'none'>[] => ['moderate', 'high']),
});

const overridesShape = z.strictObject({
  /** When true, the admin and the physician approving an override must be two different people. */
  requireSeparateApprovers: z.boolean().default(false),
  /** The reason an override must give, in characters. */
  minReasonLength: z.number().int().min(10).max(500).default(20),
});

const duplicatesShape = z.strictObject({
  /** Score (0–1) at or above which two people are flagged as a likely duplicate; see ./duplicates.ts. */
  likelyDuplicateScore: z.number().min(0.3).max(1).default(0.7),
});

const eligibilityPolicyObject = z.strictObject({
  /** Under this age is an absolute stop (clinical.md §2.2: Psyon's minimum is 18; SPRAVATO not approved under 18). */
  minimumAge: z.number().int().min(18).max(30).default(18),
  /** ⚠ Age from which the `older_adult` rule asks for a dosing review (clinical.md §2.2: "over 65"). */
  olderAdultAge: z.number().int().min(50).max(100).default(65),
  /** ⚠ Months within which a myocardial infarction or stroke counts as recent; not in clinical.md. */
  recentCardiovascularEventMonths: z.number().int().min(1).max(60).default(6),
  /** Abstinence that clears a self-reported substance use (clinical.md §2.2: Psyon, ≥1 year). */
  substanceAbstinenceMonths: z.number().int().min(1).max(60).default(12),
  conditions: conditionsShape.default(() => conditionsShape.parse({})),
  interactions: interactionsShape.default(() => interactionsShape.parse({})),
  benzodiazepines: benzodiazepinesShape.default(() => benzodiazepinesShape.parse({})),
  uncontrolledHypertension: hypertensionShape.default(() => hypertensionShape.parse({})),
  safety: safetyShape.default(() => safetyShape.parse({})),
  overrides: overridesShape.default(() => overridesShape.parse({})),
  duplicates: duplicatesShape.default(() => duplicatesShape.parse({})),
});

/** The eligibility section of the clinic policy, with defaults for a new clinic. */
export const eligibilityPolicy = eligibilityPolicyObject.default(() => eligibilityPolicyObject.parse({}));
export type EligibilityPolicy = z.infer<typeof eligibilityPolicy>;

/** The defaults a new clinic starts with (a fresh object each call). */
export function defaultEligibilityPolicy(): EligibilityPolicy {
  return eligibilityPolicyObject.parse({});
}
