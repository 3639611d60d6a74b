import type { ConditionRuleId } from './rule-ids.js';

/**
 * What each condition rule means, in words for the chart and for the person: `found` when the rule
 * fires, `clear` when nothing was recorded (which is not the same as ruled out). Sources: clinical.md
 * §2.1 (labels) and §2.2 (clinic exclusion practice).
 */
export const CONDITION_REASONS: Record<ConditionRuleId, { readonly found: string; readonly clear: string }> = {
  primary_psychotic_disorder: {
    found: 'A psychotic disorder (schizophrenia, schizoaffective or delusional disorder) is recorded. Ketamine can bring on or worsen psychosis.',
    clear: 'No schizophrenia, schizoaffective or delusional disorder recorded.',
  },
  bipolar_psychotic_mania: {
    found: 'Bipolar disorder with psychotic mania is recorded. Ketamine can bring on mania or psychosis.',
    clear: 'No bipolar disorder with psychotic mania recorded.',
  },
  current_manic_or_mixed_episode: {
    found: 'A current manic or mixed episode is recorded. Treatment waits until it has passed.',
    clear: 'No current manic or mixed episode recorded.',
  },
  dissociative_disorder: {
    found: 'A primary dissociative disorder is recorded. Ketamine itself causes dissociation.',
    clear: 'No primary dissociative disorder recorded.',
  },
  pregnancy: {
    found: 'Pregnancy: ketamine is not recommended in pregnancy because it may harm the baby.',
    clear: 'Not recorded as pregnant.',
  },
  breastfeeding: {
    found: 'Breastfeeding: ketamine is not recommended while breastfeeding.',
    clear: 'Not recorded as breastfeeding.',
  },
  ketamine_allergy: {
    found: 'Allergy or hypersensitivity to ketamine or esketamine.',
    clear: 'No ketamine allergy recorded.',
  },
  aneurysmal_vascular_disease: {
    found: 'An aneurysm (of the aorta, brain or other arteries): the rise in blood pressure ketamine causes could be dangerous.',
    clear: 'No aneurysm recorded.',
  },
  arteriovenous_malformation: {
    found: 'An arteriovenous malformation: the rise in blood pressure ketamine causes could be dangerous.',
    clear: 'No arteriovenous malformation recorded.',
  },
  intracranial_hemorrhage: {
    found: 'Previous bleeding in the brain (intracranial hemorrhage).',
    clear: 'No previous bleeding in the brain recorded.',
  },
  acute_suicidality_with_intent: {
    found: 'Current suicidal thoughts with intent to act: this needs a higher level of care first.',
    clear: 'No current suicidal intent recorded.',
  },
  psychosis_history: {
    found: 'A history of psychosis or psychotic features; the benefit has to be weighed against the risk.',
    clear: 'No history of psychosis recorded.',
  },
  family_history_of_psychosis: {
    found: 'A parent, brother, sister or child has had psychosis.',
    clear: 'No psychosis in close family recorded.',
  },
  severe_personality_disorder: {
    found: 'A personality disorder (such as paranoid or borderline) that could interfere with treatment.',
    clear: 'No severe personality disorder recorded.',
  },
  uncontrolled_hypertension: {
    found: 'High blood pressure that is not under control; ketamine raises blood pressure further.',
    clear: 'No uncontrolled high blood pressure recorded.',
  },
  hypertensive_encephalopathy: {
    found: 'A history of hypertensive encephalopathy (brain swelling from very high blood pressure).',
    clear: 'No hypertensive encephalopathy recorded.',
  },
  heart_disease: {
    found: 'Heart disease (angina, coronary disease or heart failure); ketamine raises heart rate and blood pressure.',
    clear: 'No heart disease recorded.',
  },
  arrhythmia: {
    found: 'An irregular heart rhythm (arrhythmia).',
    clear: 'No irregular heart rhythm recorded.',
  },
  recent_cardiovascular_event: {
    found: 'A recent heart attack or stroke.',
    clear: 'No recent heart attack or stroke recorded.',
  },
  uncontrolled_hyperthyroidism: {
    found: 'An overactive thyroid (hyperthyroidism) that may not be under control.',
    clear: 'No overactive thyroid recorded.',
  },
  raised_intracranial_pressure: {
    found: 'Raised pressure inside the skull; ketamine can raise it further.',
    clear: 'No raised pressure inside the skull recorded.',
  },
  raised_intraocular_pressure: {
    found: 'Glaucoma or raised eye pressure; ketamine slightly raises eye pressure.',
    clear: 'No glaucoma or raised eye pressure recorded.',
  },
  liver_disease: {
    found: 'Liver disease; the liver clears ketamine from the body.',
    clear: 'No liver disease recorded.',
  },
  severe_hepatic_impairment: {
    found: 'Severe liver impairment (Child-Pugh C); ketamine is not recommended.',
    clear: 'No severe liver impairment recorded.',
  },
  cystitis_or_bladder_problems: {
    found: 'Cystitis or bladder problems; ketamine can irritate the bladder.',
    clear: 'No cystitis or bladder problems recorded.',
  },
  substance_use_disorder: {
    found: 'A substance use problem without documented abstinence or supervised treatment.',
    clear: 'No current substance use problem recorded (tobacco is not counted).',
  },
  ketamine_misuse: {
    found: 'Past misuse of ketamine.',
    clear: 'No past misuse of ketamine recorded.',
  },
  acute_infection: {
    found: 'A current infection.',
    clear: 'No current infection recorded.',
  },
  older_adult: {
    found: 'Aged {age} or over: the physician reviews the dose.',
    clear: 'Under {age}.',
  },
};
