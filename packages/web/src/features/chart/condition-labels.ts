import type { ReportableCondition } from '@lantern/core';

/** Short names of the conditions the contraindication rules screen for (clinical.md §2.1–2.2). */
export const CONDITION_LABELS: Record<ReportableCondition, string> = {
  pregnancy: 'Pregnancy',
  breastfeeding: 'Breastfeeding',
  primary_psychotic_disorder: 'Primary psychotic disorder',
  bipolar_psychotic_mania: 'Bipolar disorder with psychotic mania',
  current_manic_or_mixed_episode: 'Current manic or mixed episode',
  dissociative_disorder: 'Dissociative disorder',
  ketamine_allergy: 'Ketamine allergy',
  aneurysmal_vascular_disease: 'Aneurysmal vascular disease',
  arteriovenous_malformation: 'Arteriovenous malformation',
  intracranial_hemorrhage: 'Intracranial hemorrhage',
  acute_suicidality_with_intent: 'Acute suicidality with intent',
  psychosis_history: 'History of psychosis',
  family_history_of_psychosis: 'Family history of psychosis',
  severe_personality_disorder: 'Severe personality disorder',
  uncontrolled_hypertension: 'Uncontrolled hypertension',
  hypertensive_encephalopathy: 'Hypertensive encephalopathy',
  heart_disease: 'Heart disease',
  arrhythmia: 'Arrhythmia',
  recent_cardiovascular_event: 'Recent heart attack or stroke',
  uncontrolled_hyperthyroidism: 'Uncontrolled hyperthyroidism',
  raised_intracranial_pressure: 'Raised intracranial pressure',
  raised_intraocular_pressure: 'Raised eye pressure or glaucoma',
  liver_disease: 'Liver disease',
  severe_hepatic_impairment: 'Severe hepatic impairment',
  cystitis_or_bladder_problems: 'Cystitis or bladder problems',
  substance_use_disorder: 'Substance use disorder',
  ketamine_misuse: 'Ketamine misuse',
  acute_infection: 'Acute infection',
};

/** Pregnancy and breastfeeding first: the conditions most often reported after an evaluation. */
export const CONDITION_OPTIONS = (Object.keys(CONDITION_LABELS) as ReportableCondition[]).map((value) => ({ value, label: CONDITION_LABELS[value] }));
