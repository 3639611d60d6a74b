import { z } from 'zod';
import { cardiovascularEvent, substanceUse } from '../intake/contraindications/chart.js';
import { eligibilityOutcome } from '../intake/eligibility-decision.js';
import { cssrsAnswers } from '../intake/questionnaires/cssrs.js';
import { storedIcd10Code } from './chart-entries.js';
import { text } from './common.js';

/**
 * The two evaluation notes of phase 1 (program.md): the therapist's diagnostic evaluation and the
 * physician's medical eligibility exam, whose 13 sections follow clinical.md §2.4. Each template is
 * written once, complete; a draft is the same template with every section and field optional, and a
 * note may be signed only when it parses as complete. Free text is stored verbatim (bounded).
 */

/** Free text that may be left empty (a section's notes, a history with nothing to report). */
const narrative = (max = 10_000): z.ZodOptional<z.ZodString> => text(max).optional();
const required = (max = 10_000): z.ZodString => text(max).min(1, 'Write this section');
const yesNo = z.boolean({ error: 'Answer yes or no' });

// Therapist diagnostic evaluation.
const presentingConcerns = z.strictObject({ summary: required() });
const evaluationHistory = z.strictObject({
  psychiatric: required(),
  substanceUse: required(5_000),
  trauma: narrative(5_000),
  social: narrative(5_000),
  family: narrative(5_000),
});
const evaluationDiagnoses = z.strictObject({
  codes: z.array(storedIcd10Code).min(1, 'Give at least one diagnosis').max(10),
  formulation: required(),
});
/** The therapist's screen for the psychiatric exclusions (clinical.md §2.2). */
const psychiatricScreen = z.strictObject({
  primaryPsychoticDisorder: yesNo,
  psychosisHistory: yesNo,
  currentManicOrMixedEpisode: yesNo,
  dissociativeDisorder: yesNo,
  severePersonalityDisorder: yesNo,
  familyHistoryOfPsychosis: yesNo,
  notes: narrative(2_000),
});
const riskAssessment = z.strictObject({
  cssrs: cssrsAnswers,
  protectiveFactors: narrative(5_000),
  safetyPlan: required(5_000),
});
const goals = z.strictObject({ goals: z.array(text(500).min(1, 'Write the goal')).min(1, 'Give at least one goal').max(10) });
const suitability = z.strictObject({
  recommendation: z.enum(['suitable', 'suitable_with_reservations', 'not_suitable']),
  rationale: required(5_000),
});

/** A therapist evaluation that may be signed. */
export const therapistEvaluation = z.strictObject({
  presentingConcerns,
  history: evaluationHistory,
  diagnoses: evaluationDiagnoses,
  screening: psychiatricScreen,
  risk: riskAssessment,
  goals,
  suitability,
});
export type TherapistEvaluation = z.infer<typeof therapistEvaluation>;

// Physician medical eligibility exam: the 13 sections of clinical.md §2.4.
const psychiatricHistory = z.strictObject({
  summary: required(),
  primaryPsychoticDisorder: yesNo,
  psychosisHistory: yesNo,
  bipolarPsychoticMania: yesNo,
  currentManicOrMixedEpisode: yesNo,
  dissociativeDisorder: yesNo,
  severePersonalityDisorder: yesNo,
  familyHistoryOfPsychosis: yesNo,
});
const suicideRisk = z.strictObject({ cssrs: cssrsAnswers, safetyPlan: required(5_000) });
const substanceUseSection = z.strictObject({
  /** AUDIT-C total, 0–12 (LOINC 75626-2 ⚠, clinical.md §4.1). */
  auditC: z.number().int().min(0).max(12),
  /** DAST-10 total, 0–10 (LOINC 82667-7). */
  dast10: z.number().int().min(0).max(10),
  priorKetamineMisuse: yesNo,
  substances: z.array(substanceUse).max(20).default([]),
  notes: narrative(5_000),
});
const cardiovascular = z.strictObject({
  hypertension: z.enum(['none', 'controlled', 'uncontrolled']),
  heartDisease: yesNo,
  arrhythmia: yesNo,
  aneurysm: yesNo,
  arteriovenousMalformation: yesNo,
  intracerebralHemorrhage: yesNo,
  hypertensiveEncephalopathy: yesNo,
  events: z.array(cardiovascularEvent).max(10).default([]),
  ekg: z.enum(['not_indicated', 'normal', 'abnormal', 'pending']),
  notes: narrative(5_000),
});
const neuroOphthalmic = z.strictObject({
  raisedIntracranialPressure: yesNo,
  headInjury: yesNo,
  glaucomaOrRaisedIop: yesNo,
  seizureDisorder: yesNo,
  notes: narrative(5_000),
});
const hepaticUrologic = z.strictObject({
  liverDisease: yesNo,
  childPughClass: z.enum(['A', 'B', 'C', 'not_assessed']),
  cystitisOrBladderProblems: yesNo,
  notes: narrative(5_000),
});
const thyroid = z.strictObject({ hyperthyroidism: z.enum(['none', 'controlled', 'uncontrolled']), notes: narrative(2_000) });
const reproductive = z.strictObject({
  pregnancyStatus: z.enum(['not_pregnant', 'pregnant', 'not_applicable']),
  breastfeeding: yesNo,
  contraceptionCounselled: yesNo,
  notes: narrative(2_000),
});
const medicationReconciliation = z.strictObject({ reconciled: yesNo, notes: narrative(5_000) });
/** Baseline vitals (LOINC 8480-6/8462-4 BP, 8867-4 HR, 59408-5 SpO2, 8302-2 height, 29463-7 weight). */
const vitals = z.strictObject({
  systolicMmHg: z.number().int().min(60).max(260),
  diastolicMmHg: z.number().int().min(30).max(160),
  heartRate: z.number().int().min(20).max(250),
  spo2: z.number().int().min(50).max(100),
  heightCm: z.number().min(100).max(250),
  weightKg: z.number().min(25).max(350),
  acuteInfection: yesNo,
});
const allergiesSection = z.strictObject({ reviewed: yesNo, ketamineAllergy: yesNo, notes: narrative(2_000) });
const escortPlan = z.strictObject({ escortArranged: yesNo, plan: required(2_000) });
const determination = z.strictObject({ recommendation: eligibilityOutcome, rationale: required(5_000) });

/** A physician exam that may be signed: every section, the medication list reconciled, allergies reviewed. */
const physicianExamSections = z.strictObject({
  psychiatricHistory,
  suicideRisk,
  substanceUse: substanceUseSection,
  cardiovascular,
  neuroOphthalmic,
  hepaticUrologic,
  thyroid,
  reproductive,
  medicationReconciliation,
  vitals,
  allergies: allergiesSection,
  escortPlan,
  determination,
});

export const physicianExam = physicianExamSections.superRefine((exam, ctx) => {
  if (!exam.medicationReconciliation.reconciled) {
    ctx.addIssue({ code: 'custom', path: ['medicationReconciliation', 'reconciled'], message: 'Reconcile the medication list' });
  }
  if (!exam.allergies.reviewed) ctx.addIssue({ code: 'custom', path: ['allergies', 'reviewed'], message: 'Review the allergies' });
});
export type PhysicianExam = z.infer<typeof physicianExam>;

// Drafts: the same templates with every section, and every field in it, optional. A draft C-SSRS
// may be half answered; its skip rule is checked when the note is signed.
const cssrsDraft = z.strictObject({
  wishToBeDead: yesNo.optional(),
  activeSuicidalThoughts: yesNo.optional(),
  thoughtsOfMethod: yesNo.optional(),
  intentToAct: yesNo.optional(),
  planWithIntent: yesNo.optional(),
  suicidalBehavior: yesNo.optional(),
  behaviorWithinPastThreeMonths: yesNo.optional(),
});

export const therapistEvaluationDraft = z.strictObject({
  presentingConcerns: presentingConcerns.partial().optional(),
  history: evaluationHistory.partial().optional(),
  diagnoses: evaluationDiagnoses.partial().optional(),
  screening: psychiatricScreen.partial().optional(),
  risk: riskAssessment.partial().extend({ cssrs: cssrsDraft.optional() }).optional(),
  goals: goals.partial().optional(),
  suitability: suitability.partial().optional(),
});
export type TherapistEvaluationDraft = z.infer<typeof therapistEvaluationDraft>;

export const physicianExamDraft = z.strictObject({
  psychiatricHistory: psychiatricHistory.partial().optional(),
  suicideRisk: suicideRisk.partial().extend({ cssrs: cssrsDraft.optional() }).optional(),
  substanceUse: substanceUseSection.partial().optional(),
  cardiovascular: cardiovascular.partial().optional(),
  neuroOphthalmic: neuroOphthalmic.partial().optional(),
  hepaticUrologic: hepaticUrologic.partial().optional(),
  thyroid: thyroid.partial().optional(),
  reproductive: reproductive.partial().optional(),
  medicationReconciliation: medicationReconciliation.partial().optional(),
  vitals: vitals.partial().optional(),
  allergies: allergiesSection.partial().optional(),
  escortPlan: escortPlan.partial().optional(),
  determination: determination.partial().optional(),
});
export type PhysicianExamDraft = z.infer<typeof physicianExamDraft>;

export const NOTE_KINDS = ['therapist_evaluation', 'physician_exam'] as const;
export const noteKind = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof noteKind>;

/** Section titles in template order, for the editor and for "incomplete" messages. */
export const NOTE_SECTIONS: Record<NoteKind, readonly (readonly [key: string, title: string])[]> = {
  therapist_evaluation: [
    ['presentingConcerns', 'Presenting concerns'],
    ['history', 'History'],
    ['diagnoses', 'Diagnoses'],
    ['screening', 'Psychiatric screen'],
    ['risk', 'Risk assessment (C-SSRS)'],
    ['goals', 'Goals'],
    ['suitability', 'Suitability for KAP'],
  ],
  physician_exam: [
    ['psychiatricHistory', '1. Psychiatric history'],
    ['suicideRisk', '2. Suicide risk (C-SSRS) and safety plan'],
    ['substanceUse', '3. Substance use'],
    ['cardiovascular', '4. Cardiovascular'],
    ['neuroOphthalmic', '5. Neurological and ophthalmic'],
    ['hepaticUrologic', '6. Hepatic and urologic'],
    ['thyroid', '7. Thyroid'],
    ['reproductive', '8. Pregnancy and breastfeeding'],
    ['medicationReconciliation', '9. Medication reconciliation'],
    ['vitals', '10. Baseline vitals, height and weight'],
    ['allergies', '11. Allergies'],
    ['escortPlan', '12. Escort and transport plan'],
    ['determination', '13. Determination'],
  ],
};
