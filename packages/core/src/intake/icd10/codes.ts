/**
 * ICD-10-CM codes the program uses (system http://hl7.org/fhir/sid/icd-10-cm, clinical.md §8.1).
 * Target conditions are clinical.md §5.5; the rest are the codes the contraindication rules read
 * (./../contraindications/diagnosis-rules.ts). Labels are short self-written paraphrases.
 * `verified` is true only where clinical.md marks the code VERIFIED (F41.1, F43.81); every other code
 * is "⚠ standard ICD-10-CM" and a coder should confirm it against the current fiscal-year release.
 */
export type Icd10Group =
  | 'depression'
  | 'anxiety'
  | 'trauma_and_grief'
  | 'suicidality'
  | 'substance_use'
  | 'psychotic_or_bipolar'
  | 'dissociative_or_personality'
  | 'cardiovascular'
  | 'neurological_or_eye'
  | 'hepatic_urologic_endocrine'
  | 'pregnancy';

export interface Icd10Entry {
  readonly code: string;
  readonly label: string;
  readonly group: Icd10Group;
  /** A target condition of the program (clinical.md §5.5), as opposed to a screening code. */
  readonly target: boolean;
  readonly verified: boolean;
}

type Row = readonly [code: string, label: string];

function rows(group: Icd10Group, target: boolean, list: readonly Row[], verified: readonly string[] = []): Icd10Entry[] {
  return list.map(([code, label]) => ({ code, label, group, target, verified: verified.includes(code) }));
}

const DEPRESSION: readonly Row[] = [
  ['F32.0', 'Major depressive disorder, single episode, mild'],
  ['F32.1', 'Major depressive disorder, single episode, moderate'],
  ['F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
  ['F32.3', 'Major depressive disorder, single episode, severe with psychotic features'],
  ['F32.4', 'Major depressive disorder, single episode, in partial remission'],
  ['F32.5', 'Major depressive disorder, single episode, in full remission'],
  ['F32.9', 'Major depressive disorder, single episode, unspecified'],
  ['F32.A', 'Depression, unspecified'],
  ['F33.0', 'Major depressive disorder, recurrent, mild'],
  ['F33.1', 'Major depressive disorder, recurrent, moderate'],
  ['F33.2', 'Major depressive disorder, recurrent, severe without psychotic features'],
  ['F33.3', 'Major depressive disorder, recurrent, severe with psychotic symptoms'],
  ['F33.40', 'Major depressive disorder, recurrent, in remission, unspecified'],
  ['F33.41', 'Major depressive disorder, recurrent, in partial remission'],
  ['F33.42', 'Major depressive disorder, recurrent, in full remission'],
  ['F33.8', 'Other recurrent depressive disorders'],
  ['F33.9', 'Major depressive disorder, recurrent, unspecified'],
];

const ANXIETY: readonly Row[] = [
  ['F41.0', 'Panic disorder (episodic paroxysmal anxiety)'],
  ['F41.1', 'Generalized anxiety disorder'],
  ['F40.10', 'Social phobia, unspecified'],
  ['F40.11', 'Social phobia, generalized'],
];

const TRAUMA_AND_GRIEF: readonly Row[] = [
  ['F43.10', 'Post-traumatic stress disorder, unspecified'],
  ['F43.11', 'Post-traumatic stress disorder, acute'],
  ['F43.12', 'Post-traumatic stress disorder, chronic'],
  ['F43.81', 'Prolonged grief disorder (complicated grief), effective 1 October 2022'],
];

const SUBSTANCE_USE: readonly Row[] = [
  ['F10.10', 'Alcohol abuse, uncomplicated'],
  ['F10.11', 'Alcohol abuse, in remission'],
  ['F10.20', 'Alcohol dependence, uncomplicated'],
  ['F10.21', 'Alcohol dependence, in remission'],
  ['F11.10', 'Opioid abuse, uncomplicated'],
  ['F11.20', 'Opioid dependence, uncomplicated'],
  ['F11.21', 'Opioid dependence, in remission'],
  ['F12.10', 'Cannabis abuse, uncomplicated'],
  ['F12.20', 'Cannabis dependence, uncomplicated'],
  ['F13.10', 'Sedative, hypnotic or anxiolytic abuse, uncomplicated'],
  ['F13.20', 'Sedative, hypnotic or anxiolytic dependence, uncomplicated'],
  ['F14.10', 'Cocaine abuse, uncomplicated'],
  ['F14.20', 'Cocaine dependence, uncomplicated'],
  ['F15.10', 'Other stimulant abuse, uncomplicated'],
  ['F15.20', 'Other stimulant dependence, uncomplicated'],
  ['F16.10', 'Hallucinogen abuse, uncomplicated'],
  ['F16.20', 'Hallucinogen dependence, uncomplicated'],
  ['F17.210', 'Nicotine dependence, cigarettes, uncomplicated'],
  ['F19.10', 'Other psychoactive substance abuse, uncomplicated'],
  ['F19.20', 'Other psychoactive substance dependence, uncomplicated'],
];

const PSYCHOTIC_OR_BIPOLAR: readonly Row[] = [
  ['F20.0', 'Paranoid schizophrenia'],
  ['F20.81', 'Schizophreniform disorder'],
  ['F20.9', 'Schizophrenia, unspecified'],
  ['F22', 'Delusional disorders'],
  ['F23', 'Brief psychotic disorder'],
  ['F25.0', 'Schizoaffective disorder, bipolar type'],
  ['F25.1', 'Schizoaffective disorder, depressive type'],
  ['F25.9', 'Schizoaffective disorder, unspecified'],
  ['F28', 'Other psychotic disorder not due to a substance or known physiological condition'],
  ['F29', 'Unspecified psychosis not due to a substance or known physiological condition'],
  ['F30.10', 'Manic episode without psychotic symptoms, unspecified'],
  ['F30.2', 'Manic episode, severe, with psychotic symptoms'],
  ['F30.8', 'Other manic episodes'],
  ['F30.9', 'Manic episode, unspecified'],
  ['F31.10', 'Bipolar disorder, current episode manic without psychotic features, unspecified'],
  ['F31.2', 'Bipolar disorder, current episode manic, severe, with psychotic features'],
  ['F31.5', 'Bipolar disorder, current episode depressed, severe, with psychotic features'],
  ['F31.60', 'Bipolar disorder, current episode mixed, unspecified'],
  ['F31.64', 'Bipolar disorder, current episode mixed, severe, with psychotic features'],
  ['F31.81', 'Bipolar II disorder'],
  ['F31.9', 'Bipolar disorder, unspecified'],
];

const DISSOCIATIVE_OR_PERSONALITY: readonly Row[] = [
  ['F44.0', 'Dissociative amnesia'],
  ['F44.1', 'Dissociative fugue'],
  ['F44.81', 'Dissociative identity disorder'],
  ['F48.1', 'Depersonalization-derealization syndrome'],
  ['F60.0', 'Paranoid personality disorder'],
  ['F60.3', 'Borderline personality disorder'],
];

const CARDIOVASCULAR: readonly Row[] = [
  ['I11.9', 'Hypertensive heart disease without heart failure'],
  ['I16.0', 'Hypertensive urgency'],
  ['I16.1', 'Hypertensive emergency'],
  ['I16.9', 'Hypertensive crisis, unspecified'],
  ['I67.4', 'Hypertensive encephalopathy'],
  ['I20.9', 'Angina pectoris, unspecified'],
  ['I21.9', 'Acute myocardial infarction, unspecified'],
  ['I22.9', 'Subsequent ST elevation (STEMI) myocardial infarction of unspecified site'],
  ['I25.10', 'Atherosclerotic heart disease of native coronary artery without angina pectoris'],
  ['I25.2', 'Old myocardial infarction'],
  ['I50.9', 'Heart failure, unspecified'],
  ['I47.9', 'Paroxysmal tachycardia, unspecified'],
  ['I48.0', 'Paroxysmal atrial fibrillation'],
  ['I48.91', 'Unspecified atrial fibrillation'],
  ['I49.9', 'Cardiac arrhythmia, unspecified'],
  ['I71.9', 'Aortic aneurysm of unspecified site, without rupture'],
  ['I72.9', 'Aneurysm of unspecified site'],
  ['I67.1', 'Cerebral aneurysm, nonruptured'],
  ['Q28.2', 'Arteriovenous malformation of cerebral vessels'],
  ['Q27.30', 'Arteriovenous malformation, site unspecified'],
  ['I60.9', 'Nontraumatic subarachnoid hemorrhage, unspecified'],
  ['I61.9', 'Nontraumatic intracerebral hemorrhage, unspecified'],
  ['I62.9', 'Nontraumatic intracranial hemorrhage, unspecified'],
  ['I69.00', 'Unspecified sequelae of nontraumatic subarachnoid hemorrhage'],
  ['I69.10', 'Unspecified sequelae of nontraumatic intracerebral hemorrhage'],
  ['I69.20', 'Unspecified sequelae of other nontraumatic intracranial hemorrhage'],
  ['I63.9', 'Cerebral infarction, unspecified'],
];

const NEUROLOGICAL_OR_EYE: readonly Row[] = [
  ['G93.2', 'Benign intracranial hypertension'],
  ['G93.6', 'Cerebral edema'],
  ['G91.9', 'Hydrocephalus, unspecified'],
  ['H40.9', 'Unspecified glaucoma'],
  ['H42', 'Glaucoma in diseases classified elsewhere'],
];

const HEPATIC_UROLOGIC_ENDOCRINE: readonly Row[] = [
  ['K76.9', 'Liver disease, unspecified'],
  ['K74.60', 'Unspecified cirrhosis of liver'],
  ['K70.30', 'Alcoholic cirrhosis of liver without ascites'],
  ['K72.90', 'Hepatic failure, unspecified without coma'],
  ['K71.9', 'Toxic liver disease, unspecified'],
  ['K73.9', 'Chronic hepatitis, unspecified'],
  ['K75.9', 'Inflammatory liver disease, unspecified'],
  ['K77', 'Liver disorders in diseases classified elsewhere'],
  ['B18.2', 'Chronic viral hepatitis C'],
  ['N30.10', 'Interstitial cystitis (chronic) without hematuria'],
  ['N30.90', 'Cystitis, unspecified without hematuria'],
  ['N31.9', 'Neuromuscular dysfunction of bladder, unspecified'],
  ['N32.9', 'Bladder disorder, unspecified'],
  ['E05.90', 'Thyrotoxicosis, unspecified, without thyrotoxic crisis or storm'],
];

const PREGNANCY: readonly Row[] = [
  ['Z33.1', 'Pregnant state, incidental'],
  ['Z34.90', 'Encounter for supervision of normal pregnancy, unspecified, unspecified trimester'],
  ['Z3A.00', 'Weeks of gestation of pregnancy not specified'],
  ['O09.90', 'Supervision of high risk pregnancy, unspecified, unspecified trimester'],
  ['Z39.1', 'Encounter for care and examination of lactating mother'],
];

/** Every bundled code, target conditions first. */
export const ICD10_CODES: readonly Icd10Entry[] = [
  ...rows('depression', true, DEPRESSION),
  ...rows('anxiety', true, ANXIETY, ['F41.1']),
  ...rows('trauma_and_grief', true, TRAUMA_AND_GRIEF, ['F43.81']),
  ...rows('suicidality', true, [['R45.851', 'Suicidal ideations']]),
  ...rows('substance_use', true, SUBSTANCE_USE),
  ...rows('psychotic_or_bipolar', false, PSYCHOTIC_OR_BIPOLAR),
  ...rows('dissociative_or_personality', false, DISSOCIATIVE_OR_PERSONALITY),
  ...rows('cardiovascular', false, CARDIOVASCULAR),
  ...rows('neurological_or_eye', false, NEUROLOGICAL_OR_EYE),
  ...rows('hepatic_urologic_endocrine', false, HEPATIC_UROLOGIC_ENDOCRINE),
  ...rows('pregnancy', false, PREGNANCY),
];
