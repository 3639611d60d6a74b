import type { IntakeChartInput, ReportableCondition } from '../intake/contraindications/chart.js';
import type { DrugClass } from '../intake/contraindications/rule-ids.js';

/**
 * The contraindication self-report of the public pre-screen: the conditions and medicines of
 * clinical.md §2.1–2.3 asked in plain language, each mapped to the rule id the contraindication
 * engine reads. Wording is Lantern's own; a "yes" is a self-report for a clinician to confirm.
 */
export interface SelfReportQuestion<T extends string> {
  readonly id: T;
  /** The question as the visitor reads it. */
  readonly label: string;
  /** Examples or a gloss, shown under the label. */
  readonly hint?: string;
}

/** Conditions a person can tell us about (pregnancy, breastfeeding and suicidal intent are asked separately). */
export const SELF_REPORT_CONDITIONS = [
  { id: 'primary_psychotic_disorder', label: 'Schizophrenia, schizoaffective disorder or delusional disorder' },
  { id: 'psychosis_history', label: 'Ever having had psychosis', hint: 'Hearing or seeing things others do not, or fixed beliefs others did not share' },
  { id: 'family_history_of_psychosis', label: 'A parent, brother, sister or child who has had psychosis' },
  { id: 'bipolar_psychotic_mania', label: 'Bipolar disorder with psychotic mania' },
  { id: 'current_manic_or_mixed_episode', label: 'Being in a manic or mixed episode right now' },
  { id: 'dissociative_disorder', label: 'A dissociative disorder', hint: 'For example dissociative identity disorder' },
  { id: 'severe_personality_disorder', label: 'A personality disorder', hint: 'For example borderline or paranoid personality disorder' },
  { id: 'substance_use_disorder', label: 'A current problem with alcohol or drugs', hint: 'Tobacco does not count' },
  { id: 'ketamine_misuse', label: 'Ever misusing ketamine' },
  { id: 'ketamine_allergy', label: 'An allergy or bad reaction to ketamine or esketamine (Spravato)' },
  { id: 'uncontrolled_hypertension', label: 'High blood pressure that is not under control' },
  { id: 'heart_disease', label: 'Heart disease', hint: 'Angina, coronary artery disease or heart failure' },
  { id: 'arrhythmia', label: 'An irregular heartbeat (arrhythmia)' },
  { id: 'recent_cardiovascular_event', label: 'A heart attack or stroke in the last 6 months' },
  { id: 'aneurysmal_vascular_disease', label: 'An aneurysm', hint: 'Of the aorta, the brain or another artery' },
  { id: 'arteriovenous_malformation', label: 'An arteriovenous malformation (AVM)' },
  { id: 'intracranial_hemorrhage', label: 'Bleeding in the brain at any time' },
  { id: 'hypertensive_encephalopathy', label: 'Brain swelling from very high blood pressure (hypertensive encephalopathy)' },
  { id: 'raised_intracranial_pressure', label: 'Raised pressure inside the skull', hint: 'For example after a head injury' },
  { id: 'raised_intraocular_pressure', label: 'Glaucoma or raised eye pressure' },
  { id: 'uncontrolled_hyperthyroidism', label: 'An overactive thyroid (hyperthyroidism)' },
  { id: 'liver_disease', label: 'Liver disease' },
  { id: 'cystitis_or_bladder_problems', label: 'Cystitis or other bladder problems' },
  { id: 'acute_infection', label: 'An infection right now' },
] as const satisfies readonly SelfReportQuestion<ReportableCondition>[];

export type SelfReportCondition = (typeof SELF_REPORT_CONDITIONS)[number]['id'];
export const SELF_REPORT_CONDITION_IDS = SELF_REPORT_CONDITIONS.map((q) => q.id) as [SelfReportCondition, ...SelfReportCondition[]];

/** Kinds of medicine that interact with ketamine (clinical.md §2.3), by names people know. */
export const SELF_REPORT_MEDICATIONS = [
  { id: 'benzodiazepine', label: 'A benzodiazepine', hint: 'Alprazolam (Xanax), clonazepam (Klonopin), lorazepam (Ativan), diazepam (Valium)' },
  { id: 'maoi', label: 'An MAOI antidepressant', hint: 'Phenelzine (Nardil), tranylcypromine (Parnate), selegiline patch (Emsam)' },
  { id: 'psychostimulant', label: 'A stimulant', hint: 'Adderall, Vyvanse, Ritalin, Concerta, modafinil' },
  { id: 'opioid', label: 'An opioid pain medicine or treatment', hint: 'Oxycodone, hydrocodone, tramadol, methadone, buprenorphine' },
  { id: 'glutamate_release_inhibitor', label: 'Lamotrigine (Lamictal)' },
  { id: 'gabapentinoid', label: 'Gabapentin (Neurontin) or pregabalin (Lyrica)' },
  { id: 'other_cns_depressant', label: 'Another sleep or sedating medicine', hint: 'Zolpidem (Ambien), muscle relaxants, sedating antihistamines' },
  { id: 'antidepressant', label: 'Another antidepressant', hint: 'Sertraline, fluoxetine, bupropion, venlafaxine and others' },
] as const satisfies readonly SelfReportQuestion<DrugClass>[];

export type SelfReportMedication = (typeof SELF_REPORT_MEDICATIONS)[number]['id'];
export const SELF_REPORT_MEDICATION_IDS = SELF_REPORT_MEDICATIONS.map((q) => q.id) as [SelfReportMedication, ...SelfReportMedication[]];

/** What the pre-screen self-report says, in the fields `selfReportChart` reads. */
export interface SelfReportAnswers {
  readonly dateOfBirth?: string | undefined;
  readonly ageYears?: number | undefined;
  readonly pregnant?: boolean | undefined;
  readonly breastfeeding?: boolean | undefined;
  readonly conditions?: readonly SelfReportCondition[] | undefined;
  readonly medicationClasses?: readonly SelfReportMedication[] | undefined;
  readonly cssrs?: IntakeChartInput['cssrs'];
}

/**
 * The self-report in the intake chart's shape, every finding marked `self_report`. A medicine kind
 * becomes a medication of that class with an unknown dose, so a benzodiazepine is flagged for review
 * (its dose cannot be converted) rather than passed as under the threshold.
 */
export function selfReportChart(answers: SelfReportAnswers): IntakeChartInput {
  const label = (id: SelfReportMedication): string => SELF_REPORT_MEDICATIONS.find((m) => m.id === id)?.label ?? id;
  return {
    ...(answers.dateOfBirth !== undefined ? { dateOfBirth: answers.dateOfBirth } : {}),
    ...(answers.ageYears !== undefined ? { ageYears: answers.ageYears } : {}),
    ...(answers.pregnant !== undefined ? { pregnant: answers.pregnant } : {}),
    ...(answers.breastfeeding !== undefined ? { breastfeeding: answers.breastfeeding } : {}),
    ...(answers.cssrs !== undefined ? { cssrs: answers.cssrs } : {}),
    conditions: (answers.conditions ?? []).map((condition) => ({ condition, source: 'self_report' as const })),
    medications: (answers.medicationClasses ?? []).map((drugClass) => ({
      name: `${label(drugClass)} (self-reported)`,
      drugClass,
      dailyDoseMg: null,
    })),
  };
}
