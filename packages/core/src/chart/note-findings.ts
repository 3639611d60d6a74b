import type {
  BloodPressure,
  CardiovascularEvent,
  ConditionFinding,
  FindingSource,
  ReportableCondition,
  SubstanceUse,
} from '../intake/contraindications/chart.js';
import type { CssrsAnswers } from '../intake/questionnaires/cssrs.js';
import type { PhysicianExam, TherapistEvaluation } from '../schemas/note-content.js';

/**
 * What a signed evaluation note tells the contraindication rules, in the shape of the intake chart
 * (packages/core/src/intake/contraindications/chart.ts). Each "yes" on the template becomes a finding
 * of the rule it screens for, with the note as its source; questions without a rule (head injury,
 * seizures) stay documentation only.
 */
export interface NoteFindings {
  readonly diagnoses: readonly string[];
  readonly conditions: readonly ConditionFinding[];
  readonly cssrs: CssrsAnswers | null;
  readonly substanceUse: readonly SubstanceUse[];
  readonly cardiovascularEvents: readonly CardiovascularEvent[];
  readonly bloodPressure: BloodPressure | null;
  readonly pregnant: boolean | null;
  readonly breastfeeding: boolean | null;
  readonly childPughClass: 'A' | 'B' | 'C' | null;
}

const NONE: NoteFindings = {
  diagnoses: [],
  conditions: [],
  cssrs: null,
  substanceUse: [],
  cardiovascularEvents: [],
  bloodPressure: null,
  pregnant: null,
  breastfeeding: null,
  childPughClass: null,
};

function findings(source: FindingSource, answers: ReadonlyArray<readonly [boolean, ReportableCondition]>): ConditionFinding[] {
  return answers.filter(([yes]) => yes).map(([, condition]) => ({ condition, source }));
}

/** The therapist's diagnoses, psychiatric screen and C-SSRS. */
export function evaluationFindings(evaluation: TherapistEvaluation): NoteFindings {
  const screen = evaluation.screening;
  return {
    ...NONE,
    diagnoses: evaluation.diagnoses.codes,
    conditions: findings('therapist_evaluation', [
      [screen.primaryPsychoticDisorder, 'primary_psychotic_disorder'],
      [screen.psychosisHistory, 'psychosis_history'],
      [screen.currentManicOrMixedEpisode, 'current_manic_or_mixed_episode'],
      [screen.dissociativeDisorder, 'dissociative_disorder'],
      [screen.severePersonalityDisorder, 'severe_personality_disorder'],
      [screen.familyHistoryOfPsychosis, 'family_history_of_psychosis'],
    ]),
    cssrs: evaluation.risk.cssrs,
  };
}

/** The physician exam's findings, section by section (clinical.md §2.4 items 1–11). */
export function examFindings(exam: PhysicianExam): NoteFindings {
  const psych = exam.psychiatricHistory;
  const heart = exam.cardiovascular;
  const ketamine: SubstanceUse[] = exam.substanceUse.priorKetamineMisuse
    ? [{ substance: 'ketamine', lastUseDate: null, problematic: true, inSupervisedTreatment: false }]
    : [];
  const childPugh = exam.hepaticUrologic.childPughClass;
  return {
    ...NONE,
    conditions: findings('physician_exam', [
      [psych.primaryPsychoticDisorder, 'primary_psychotic_disorder'],
      [psych.psychosisHistory, 'psychosis_history'],
      [psych.bipolarPsychoticMania, 'bipolar_psychotic_mania'],
      [psych.currentManicOrMixedEpisode, 'current_manic_or_mixed_episode'],
      [psych.dissociativeDisorder, 'dissociative_disorder'],
      [psych.severePersonalityDisorder, 'severe_personality_disorder'],
      [psych.familyHistoryOfPsychosis, 'family_history_of_psychosis'],
      [heart.hypertension === 'uncontrolled', 'uncontrolled_hypertension'],
      [heart.heartDisease, 'heart_disease'],
      [heart.arrhythmia, 'arrhythmia'],
      [heart.aneurysm, 'aneurysmal_vascular_disease'],
      [heart.arteriovenousMalformation, 'arteriovenous_malformation'],
      [heart.intracerebralHemorrhage, 'intracranial_hemorrhage'],
      [heart.hypertensiveEncephalopathy, 'hypertensive_encephalopathy'],
      [exam.neuroOphthalmic.raisedIntracranialPressure, 'raised_intracranial_pressure'],
      [exam.neuroOphthalmic.glaucomaOrRaisedIop, 'raised_intraocular_pressure'],
      [exam.hepaticUrologic.liverDisease, 'liver_disease'],
      [exam.hepaticUrologic.cystitisOrBladderProblems, 'cystitis_or_bladder_problems'],
      [exam.thyroid.hyperthyroidism === 'uncontrolled', 'uncontrolled_hyperthyroidism'],
      [exam.vitals.acuteInfection, 'acute_infection'],
      [exam.allergies.ketamineAllergy, 'ketamine_allergy'],
    ]),
    cssrs: exam.suicideRisk.cssrs,
    substanceUse: [...exam.substanceUse.substances, ...ketamine],
    cardiovascularEvents: heart.events,
    bloodPressure: { systolicMmHg: exam.vitals.systolicMmHg, diastolicMmHg: exam.vitals.diastolicMmHg, source: 'physician_exam' },
    pregnant: exam.reproductive.pregnancyStatus === 'pregnant',
    breastfeeding: exam.reproductive.breastfeeding,
    childPughClass: childPugh === 'not_assessed' ? null : childPugh,
  };
}
