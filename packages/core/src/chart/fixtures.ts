import type { PhysicianExam, TherapistEvaluation } from '../schemas/note-content.js';

/**
 * Complete evaluation notes of a person with no contraindication, for tests (not exported from the
 * package index). Pass overrides section by section.
 */
export function completeEvaluation(overrides: Partial<TherapistEvaluation> = {}): TherapistEvaluation {
  return {
    presentingConcerns: { summary: 'Recurrent low mood for six years; two antidepressants tried without lasting benefit.' },
    history: {
      psychiatric: 'Major depression since 2019; no hospitalizations; no mania or psychosis.',
      substanceUse: 'Alcohol about two drinks a week; no other substances.',
      trauma: '',
      social: 'Teaches middle school; lives with a partner.',
      family: 'Mother treated for depression.',
    },
    diagnoses: { codes: ['F33.1'], formulation: 'Recurrent major depression, moderate, not responding to two adequate trials.' },
    screening: {
      primaryPsychoticDisorder: false,
      psychosisHistory: false,
      currentManicOrMixedEpisode: false,
      dissociativeDisorder: false,
      severePersonalityDisorder: false,
      familyHistoryOfPsychosis: false,
      notes: '',
    },
    risk: {
      cssrs: { wishToBeDead: true, activeSuicidalThoughts: false, suicidalBehavior: false },
      protectiveFactors: 'Partner, two dogs, meaningful work.',
      safetyPlan: 'Safety plan written together; 988 and the clinic line on the card.',
    },
    goals: { goals: ['Fewer days lost to low mood', 'Return to running and music'] },
    suitability: { recommendation: 'suitable', rationale: 'Motivated, well supported, no psychotic or manic history.' },
    ...overrides,
  };
}

export function completeExam(overrides: Partial<PhysicianExam> = {}): PhysicianExam {
  return {
    psychiatricHistory: {
      summary: 'Recurrent major depression; no psychosis, mania or dissociative disorder.',
      primaryPsychoticDisorder: false,
      psychosisHistory: false,
      bipolarPsychoticMania: false,
      currentManicOrMixedEpisode: false,
      dissociativeDisorder: false,
      severePersonalityDisorder: false,
      familyHistoryOfPsychosis: false,
    },
    suicideRisk: { cssrs: { wishToBeDead: false, activeSuicidalThoughts: false, suicidalBehavior: false }, safetyPlan: 'Reviewed the safety plan from the evaluation.' },
    substanceUse: { auditC: 2, dast10: 0, priorKetamineMisuse: false, substances: [], notes: '' },
    cardiovascular: {
      hypertension: 'none',
      heartDisease: false,
      arrhythmia: false,
      aneurysm: false,
      arteriovenousMalformation: false,
      intracerebralHemorrhage: false,
      hypertensiveEncephalopathy: false,
      events: [],
      ekg: 'not_indicated',
      notes: '',
    },
    neuroOphthalmic: { raisedIntracranialPressure: false, headInjury: false, glaucomaOrRaisedIop: false, seizureDisorder: false, notes: '' },
    hepaticUrologic: { liverDisease: false, childPughClass: 'not_assessed', cystitisOrBladderProblems: false, notes: '' },
    thyroid: { hyperthyroidism: 'none', notes: '' },
    reproductive: { pregnancyStatus: 'not_pregnant', breastfeeding: false, contraceptionCounselled: true, notes: '' },
    medicationReconciliation: { reconciled: true, notes: 'Sertraline 100 mg daily.' },
    vitals: { systolicMmHg: 122, diastolicMmHg: 78, heartRate: 72, spo2: 98, heightCm: 170, weightKg: 68, acuteInfection: false },
    allergies: { reviewed: true, ketamineAllergy: false, notes: 'Penicillin (rash).' },
    escortPlan: { escortArranged: true, plan: 'Partner drives home after every medicine session.' },
    determination: { recommendation: 'eligible', rationale: 'No contraindication found; suitable for oral first, then IM.' },
    ...overrides,
  };
}
