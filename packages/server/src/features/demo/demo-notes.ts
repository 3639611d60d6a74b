import type { PhysicianExam, TherapistEvaluation } from '@lantern/core';

/**
 * The demo clinic's evaluation notes: one plausible, unremarkable history, and per person the
 * sections that differ (their concerns, diagnoses, a finding that changes the decision). Fictional.
 */
type Sections<T> = { readonly [K in keyof T]?: Partial<T[K]> };

function merged<T extends object>(base: T, changes: Sections<T>): T {
  const sections = base as unknown as Record<string, object>;
  const result: Record<string, object> = { ...sections };
  for (const [key, value] of Object.entries(changes)) result[key] = { ...sections[key], ...(value as object) };
  return result as T;
}

const NO_CSSRS = { wishToBeDead: false, activeSuicidalThoughts: false, suicidalBehavior: false };

const EVALUATION: TherapistEvaluation = {
  presentingConcerns: { summary: 'Recurrent low mood for several years; two antidepressants tried without lasting benefit.' },
  history: { psychiatric: 'Major depression; no hospitalizations; no mania or psychosis.', substanceUse: 'Alcohol socially; no other substances.', trauma: '', social: 'Works full time; lives with a partner.', family: 'No psychosis in the family.' },
  diagnoses: { codes: ['F33.1'], formulation: 'Recurrent major depression, moderate, not responding to two adequate trials.' },
  screening: { primaryPsychoticDisorder: false, psychosisHistory: false, currentManicOrMixedEpisode: false, dissociativeDisorder: false, severePersonalityDisorder: false, familyHistoryOfPsychosis: false, notes: '' },
  risk: { cssrs: NO_CSSRS, protectiveFactors: 'Partner, friends, meaningful work.', safetyPlan: 'Safety plan written together; 988 and the clinic line on the card.' },
  goals: { goals: ['Fewer days lost to low mood'] },
  suitability: { recommendation: 'suitable', rationale: 'Motivated and well supported; no psychotic or manic history.' },
};

const EXAM: PhysicianExam = {
  psychiatricHistory: { summary: 'Recurrent major depression; no psychosis or mania.', primaryPsychoticDisorder: false, psychosisHistory: false, bipolarPsychoticMania: false, currentManicOrMixedEpisode: false, dissociativeDisorder: false, severePersonalityDisorder: false, familyHistoryOfPsychosis: false },
  suicideRisk: { cssrs: NO_CSSRS, safetyPlan: 'Reviewed the safety plan from the evaluation.' },
  substanceUse: { auditC: 2, dast10: 0, priorKetamineMisuse: false, substances: [], notes: '' },
  cardiovascular: { hypertension: 'none', heartDisease: false, arrhythmia: false, aneurysm: false, arteriovenousMalformation: false, intracerebralHemorrhage: false, hypertensiveEncephalopathy: false, events: [], ekg: 'not_indicated', notes: '' },
  neuroOphthalmic: { raisedIntracranialPressure: false, headInjury: false, glaucomaOrRaisedIop: false, seizureDisorder: false, notes: '' },
  hepaticUrologic: { liverDisease: false, childPughClass: 'not_assessed', cystitisOrBladderProblems: false, notes: '' },
  thyroid: { hyperthyroidism: 'none', notes: '' },
  reproductive: { pregnancyStatus: 'not_applicable', breastfeeding: false, contraceptionCounselled: false, notes: '' },
  medicationReconciliation: { reconciled: true, notes: 'No interacting medicines.' },
  vitals: { systolicMmHg: 122, diastolicMmHg: 78, heartRate: 72, spo2: 98, heightCm: 172, weightKg: 70, acuteInfection: false },
  allergies: { reviewed: true, ketamineAllergy: false, notes: 'None known.' },
  escortPlan: { escortArranged: true, plan: 'Partner drives home after every medicine session.' },
  determination: { recommendation: 'eligible', rationale: 'No contraindication found; oral first, then IM.' },
};

/** A complete, signable therapist evaluation: the common history with `changes` section by section. */
export function demoEvaluation(changes: Sections<TherapistEvaluation> = {}): TherapistEvaluation {
  return merged(EVALUATION, changes);
}

/** A complete, signable physician exam (the 13 sections of clinical.md §2.4), with `changes`. */
export function demoExam(changes: Sections<PhysicianExam> = {}): PhysicianExam {
  return merged(EXAM, changes);
}
