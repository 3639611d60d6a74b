/**
 * The contraindication rules, named by what a clinician would screen for (clinical.md §2.1–2.4).
 * Their levels (absolute or relative) are clinic policy, with defaults in ../policy.ts.
 */
export const CONDITION_RULE_IDS = [
  // Likely absolute by default (clinical.md §2.2).
  'primary_psychotic_disorder',
  'bipolar_psychotic_mania',
  'current_manic_or_mixed_episode',
  'dissociative_disorder',
  'pregnancy',
  'breastfeeding',
  'ketamine_allergy',
  'aneurysmal_vascular_disease',
  'arteriovenous_malformation',
  'intracranial_hemorrhage',
  'acute_suicidality_with_intent',
  // Relative, needing clearance, by default (clinical.md §2.1–2.2).
  'psychosis_history',
  'family_history_of_psychosis',
  'severe_personality_disorder',
  'uncontrolled_hypertension',
  'hypertensive_encephalopathy',
  'heart_disease',
  'arrhythmia',
  'recent_cardiovascular_event',
  'uncontrolled_hyperthyroidism',
  'raised_intracranial_pressure',
  'raised_intraocular_pressure',
  'liver_disease',
  'severe_hepatic_impairment',
  'cystitis_or_bladder_problems',
  'substance_use_disorder',
  'ketamine_misuse',
  'acute_infection',
  'older_adult',
] as const;
export type ConditionRuleId = (typeof CONDITION_RULE_IDS)[number];

/** The minimum-age rule is always absolute; only the age itself is policy. */
export const MINIMUM_AGE_RULE_ID = 'minimum_age';

/** Medication classes screened for interactions with ketamine (clinical.md §2.3). */
export const DRUG_CLASSES = [
  'benzodiazepine',
  'gabapentinoid',
  'glutamate_release_inhibitor',
  'maoi',
  'psychostimulant',
  'opioid',
  'other_cns_depressant',
  'cyp_modulator',
  'antidepressant',
  'other',
] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

/** Classes with an interaction rule; conventional antidepressants "can usually be continued" (§2.3). */
export const INTERACTION_CLASSES = [
  'benzodiazepine',
  'gabapentinoid',
  'glutamate_release_inhibitor',
  'maoi',
  'psychostimulant',
  'opioid',
  'other_cns_depressant',
  'cyp_modulator',
] as const satisfies readonly DrugClass[];
export type InteractionClass = (typeof INTERACTION_CLASSES)[number];

export type InteractionRuleId = `interaction_${InteractionClass}`;

export type ContraindicationRuleId = typeof MINIMUM_AGE_RULE_ID | ConditionRuleId | InteractionRuleId;

/** The rule id that screens one interaction class. */
export function interactionRuleId(drugClass: InteractionClass): InteractionRuleId {
  return `interaction_${drugClass}`;
}
