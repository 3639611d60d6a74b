import { NOTE_SECTIONS, type NoteKind } from '@lantern/core';

/**
 * How the two evaluation templates are laid out on screen: each section's fields, in order, with the
 * words a clinician reads. The content's shape and what a signable note needs come from
 * @lantern/core (note-content.ts, noteSignUnmet); this file only says how to ask.
 */
export type FieldSpec =
  | { readonly key: string; readonly label: string; readonly type: 'text' | 'textarea'; readonly required?: boolean; readonly max: number }
  | { readonly key: string; readonly label: string; readonly type: 'yesno' }
  | { readonly key: string; readonly label: string; readonly type: 'confirm' }
  | { readonly key: string; readonly label: string; readonly type: 'choice'; readonly options: readonly (readonly [value: string, label: string])[] }
  | { readonly key: string; readonly label: string; readonly type: 'number'; readonly min: number; readonly max: number; readonly unit?: string; readonly decimals?: number }
  | { readonly key: string; readonly label: string; readonly type: 'cssrs' | 'codes' | 'goals' | 'substances' | 'events' };

export interface SectionSpec {
  readonly key: string;
  readonly title: string;
  readonly hint?: string;
  readonly fields: readonly FieldSpec[];
}

const yesno = (key: string, label: string): FieldSpec => ({ key, label, type: 'yesno' });
const notes = (label = 'Notes'): FieldSpec => ({ key: 'notes', label, type: 'textarea', max: 5000 });

const PSYCHIATRIC_SCREEN: readonly FieldSpec[] = [
  yesno('primaryPsychoticDisorder', 'Schizophrenia, schizoaffective or delusional disorder'),
  yesno('psychosisHistory', 'Any history of psychosis'),
  yesno('currentManicOrMixedEpisode', 'A current manic or mixed episode'),
  yesno('dissociativeDisorder', 'A primary dissociative disorder'),
  yesno('severePersonalityDisorder', 'A severe personality disorder that would interfere with treatment'),
  yesno('familyHistoryOfPsychosis', 'Psychosis in a first-degree relative'),
];

const EVALUATION: Record<string, Omit<SectionSpec, 'key' | 'title'>> = {
  presentingConcerns: { fields: [{ key: 'summary', label: 'Presenting concerns', type: 'textarea', required: true, max: 10000 }] },
  history: {
    fields: [
      { key: 'psychiatric', label: 'Psychiatric history', type: 'textarea', required: true, max: 10000 },
      { key: 'substanceUse', label: 'Substance use history', type: 'textarea', required: true, max: 5000 },
      { key: 'trauma', label: 'Trauma history', type: 'textarea', max: 5000 },
      { key: 'social', label: 'Social history', type: 'textarea', max: 5000 },
      { key: 'family', label: 'Family history', type: 'textarea', max: 5000 },
    ],
  },
  diagnoses: {
    fields: [
      { key: 'codes', label: 'Working diagnoses', type: 'codes' },
      { key: 'formulation', label: 'Formulation', type: 'textarea', required: true, max: 10000 },
    ],
  },
  screening: { hint: 'The psychiatric exclusions of clinical.md §2.2.', fields: [...PSYCHIATRIC_SCREEN, notes()] },
  risk: {
    fields: [
      { key: 'cssrs', label: 'C-SSRS screener', type: 'cssrs' },
      { key: 'protectiveFactors', label: 'Protective factors', type: 'textarea', max: 5000 },
      { key: 'safetyPlan', label: 'Safety plan', type: 'textarea', required: true, max: 5000 },
    ],
  },
  goals: { fields: [{ key: 'goals', label: 'Treatment goals', type: 'goals' }] },
  suitability: {
    fields: [
      {
        key: 'recommendation',
        label: 'Suitability for KAP',
        type: 'choice',
        options: [
          ['suitable', 'Suitable'],
          ['suitable_with_reservations', 'Suitable with reservations'],
          ['not_suitable', 'Not suitable'],
        ],
      },
      { key: 'rationale', label: 'Rationale', type: 'textarea', required: true, max: 5000 },
    ],
  },
};

const controlled = (key: string, label: string): FieldSpec => ({
  key,
  label,
  type: 'choice',
  options: [
    ['none', 'None'],
    ['controlled', 'Controlled'],
    ['uncontrolled', 'Uncontrolled'],
  ],
});

const EXAM: Record<string, Omit<SectionSpec, 'key' | 'title'>> = {
  psychiatricHistory: {
    fields: [
      { key: 'summary', label: 'Psychiatric history and diagnoses', type: 'textarea', required: true, max: 10000 },
      ...PSYCHIATRIC_SCREEN.slice(0, 2),
      yesno('bipolarPsychoticMania', 'Bipolar disorder with psychotic mania'),
      ...PSYCHIATRIC_SCREEN.slice(2),
    ],
  },
  suicideRisk: {
    fields: [
      { key: 'cssrs', label: 'C-SSRS screener', type: 'cssrs' },
      { key: 'safetyPlan', label: 'Safety plan', type: 'textarea', required: true, max: 5000 },
    ],
  },
  substanceUse: {
    fields: [
      { key: 'auditC', label: 'AUDIT-C total', type: 'number', min: 0, max: 12 },
      { key: 'dast10', label: 'DAST-10 total', type: 'number', min: 0, max: 10 },
      yesno('priorKetamineMisuse', 'Prior ketamine misuse'),
      { key: 'substances', label: 'Substance use to weigh', type: 'substances' },
      notes(),
    ],
  },
  cardiovascular: {
    hint: 'An EKG and clearance may be needed for a relative contraindication.',
    fields: [
      controlled('hypertension', 'Hypertension'),
      yesno('heartDisease', 'Coronary disease, angina or heart failure'),
      yesno('arrhythmia', 'Arrhythmia'),
      yesno('aneurysm', 'Aneurysmal vascular disease'),
      yesno('arteriovenousMalformation', 'Arteriovenous malformation'),
      yesno('intracerebralHemorrhage', 'Prior intracerebral hemorrhage'),
      yesno('hypertensiveEncephalopathy', 'Hypertensive encephalopathy'),
      { key: 'events', label: 'Heart attacks and strokes', type: 'events' },
      { key: 'ekg', label: 'EKG', type: 'choice', options: [['not_indicated', 'Not indicated'], ['normal', 'Normal'], ['abnormal', 'Abnormal'], ['pending', 'Pending']] },
      notes(),
    ],
  },
  neuroOphthalmic: {
    fields: [
      yesno('raisedIntracranialPressure', 'Raised intracranial pressure'),
      yesno('headInjury', 'Significant head injury'),
      yesno('glaucomaOrRaisedIop', 'Glaucoma or raised eye pressure'),
      yesno('seizureDisorder', 'Seizure disorder'),
      notes(),
    ],
  },
  hepaticUrologic: {
    fields: [
      yesno('liverDisease', 'Liver disease'),
      { key: 'childPughClass', label: 'Child-Pugh class', type: 'choice', options: [['not_assessed', 'Not assessed'], ['A', 'A'], ['B', 'B'], ['C', 'C']] },
      yesno('cystitisOrBladderProblems', 'Cystitis or bladder problems'),
      notes(),
    ],
  },
  thyroid: { fields: [controlled('hyperthyroidism', 'Hyperthyroidism'), notes()] },
  reproductive: {
    fields: [
      { key: 'pregnancyStatus', label: 'Pregnancy status', type: 'choice', options: [['not_pregnant', 'Not pregnant'], ['pregnant', 'Pregnant'], ['not_applicable', 'Not applicable']] },
      yesno('breastfeeding', 'Breastfeeding'),
      yesno('contraceptionCounselled', 'Contraception counselling given'),
      notes(),
    ],
  },
  medicationReconciliation: {
    hint: 'The current list and its interaction flags are on the Medications tab.',
    fields: [{ key: 'reconciled', label: 'I have reconciled the medication list with the patient', type: 'confirm' }, notes()],
  },
  vitals: {
    fields: [
      { key: 'systolicMmHg', label: 'Systolic blood pressure', type: 'number', min: 60, max: 260, unit: 'mmHg' },
      { key: 'diastolicMmHg', label: 'Diastolic blood pressure', type: 'number', min: 30, max: 160, unit: 'mmHg' },
      { key: 'heartRate', label: 'Heart rate', type: 'number', min: 20, max: 250, unit: '/min' },
      { key: 'spo2', label: 'SpO2', type: 'number', min: 50, max: 100, unit: '%' },
      { key: 'heightCm', label: 'Height', type: 'number', min: 100, max: 250, unit: 'cm', decimals: 1 },
      { key: 'weightKg', label: 'Weight', type: 'number', min: 25, max: 350, unit: 'kg', decimals: 1 },
      yesno('acuteInfection', 'Acute infection'),
    ],
  },
  allergies: {
    hint: 'The allergy list is on the Allergies tab.',
    fields: [{ key: 'reviewed', label: 'I have reviewed the allergies with the patient', type: 'confirm' }, yesno('ketamineAllergy', 'Allergy to ketamine or esketamine'), notes()],
  },
  escortPlan: {
    fields: [yesno('escortArranged', 'An escort will take the patient home after each session'), { key: 'plan', label: 'Transport plan', type: 'textarea', required: true, max: 2000 }],
  },
  determination: {
    hint: 'Your recommendation; the decision itself is recorded on the Eligibility tab.',
    fields: [
      { key: 'recommendation', label: 'Recommendation', type: 'choice', options: [['eligible', 'Eligible'], ['eligible_with_conditions', 'Eligible with conditions'], ['not_eligible', 'Not eligible']] },
      { key: 'rationale', label: 'Rationale', type: 'textarea', required: true, max: 5000 },
    ],
  },
};

const SPECS: Record<NoteKind, Record<string, Omit<SectionSpec, 'key' | 'title'>>> = { therapist_evaluation: EVALUATION, physician_exam: EXAM };

/** The sections of a template, titled and ordered as core's NOTE_SECTIONS. */
export function templateOf(kind: NoteKind): SectionSpec[] {
  return NOTE_SECTIONS[kind].map(([key, title]) => ({ key, title, ...(SPECS[kind][key] ?? { fields: [] }) }));
}

export const NOTE_KIND_LABELS: Record<NoteKind, string> = { therapist_evaluation: 'Therapist diagnostic evaluation', physician_exam: 'Physician medical eligibility exam' };
