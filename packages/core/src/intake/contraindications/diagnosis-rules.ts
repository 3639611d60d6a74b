import { normalizeIcd10 } from '../icd10/search.js';
import { CONDITION_RULE_IDS, type ConditionRuleId } from './rule-ids.js';

/**
 * Which ICD-10-CM codes (clinical.md §5.5, standard ICD-10-CM ⚠) are evidence for which rule, by
 * prefix on the normalized code ('F31.6' matches F31.60–F31.64). A code may feed several rules
 * (F30.2, severe mania with psychotic symptoms, is both current mania and psychotic mania).
 * Codes that cannot be mapped safely are left out: F44.9 and F44.89 mix dissociative with conversion
 * disorders, and a stroke or MI is "recent" only while coded I21/I22/I63 (acute-episode codes).
 */
const PREFIXES: Partial<Record<ConditionRuleId, readonly string[]>> = {
  primary_psychotic_disorder: ['F20', 'F22', 'F25'],
  bipolar_psychotic_mania: ['F30.2', 'F31.2', 'F31.64'],
  current_manic_or_mixed_episode: ['F30.1', 'F30.2', 'F30.8', 'F30.9', 'F31.1', 'F31.2', 'F31.6'],
  dissociative_disorder: ['F44.0', 'F44.1', 'F44.81', 'F48.1'],
  pregnancy: ['Z33.1', 'Z34', 'Z3A', 'O09'],
  breastfeeding: ['Z39.1'],
  aneurysmal_vascular_disease: ['I71', 'I72', 'I67.1'],
  arteriovenous_malformation: ['Q28.2', 'Q27.3'],
  intracranial_hemorrhage: ['I60', 'I61', 'I62', 'I69.0', 'I69.1', 'I69.2'],
  psychosis_history: ['F23', 'F28', 'F29', 'F31.5', 'F32.3', 'F33.3'],
  severe_personality_disorder: ['F60.0', 'F60.3'],
  uncontrolled_hypertension: ['I16'],
  hypertensive_encephalopathy: ['I67.4'],
  heart_disease: ['I11', 'I20', 'I21', 'I22', 'I25', 'I50'],
  arrhythmia: ['I47', 'I48', 'I49'],
  recent_cardiovascular_event: ['I21', 'I22', 'I63'],
  uncontrolled_hyperthyroidism: ['E05'],
  raised_intracranial_pressure: ['G91', 'G93.2', 'G93.6'],
  raised_intraocular_pressure: ['H40', 'H42'],
  liver_disease: ['B18', 'K70', 'K71', 'K72', 'K73', 'K74', 'K75', 'K76', 'K77'],
  cystitis_or_bladder_problems: ['N30', 'N31', 'N32'],
};

/** Substance-related disorders F10–F19, except F17 (nicotine): Psyon excludes tobacco (clinical.md §2.2). */
const SUBSTANCE_DISORDER = /^F1[0-689]\./;
/** F1x.11 / F1x.21 / F1x.91: abuse, dependence or use "in remission". */
const SUBSTANCE_IN_REMISSION = /^F1[0-689]\.[129]1$/;
/** F1x.15x / F1x.25x / F1x.95x: substance-induced psychotic disorder. */
const SUBSTANCE_INDUCED_PSYCHOSIS = /^F1[0-689]\.[129]5/;

/** The codes in `diagnoses` that are evidence for `rule`. */
export function diagnosesFor(rule: ConditionRuleId, diagnoses: readonly string[]): string[] {
  const codes = diagnoses.map(normalizeIcd10);
  const prefixes = PREFIXES[rule] ?? [];
  const matched = codes.filter((code) => prefixes.some((prefix) => code.startsWith(prefix)));
  if (rule === 'psychosis_history') matched.push(...codes.filter((code) => SUBSTANCE_INDUCED_PSYCHOSIS.test(code)));
  return [...new Set(matched)];
}

/** Substance use disorder codes, split by whether they are coded "in remission". */
export function substanceDisorderCodes(diagnoses: readonly string[]): { active: string[]; inRemission: string[] } {
  const codes = [...new Set(diagnoses.map(normalizeIcd10))].filter((code) => SUBSTANCE_DISORDER.test(code));
  return {
    active: codes.filter((code) => !SUBSTANCE_IN_REMISSION.test(code)),
    inRemission: codes.filter((code) => SUBSTANCE_IN_REMISSION.test(code)),
  };
}

/** Every prefix a rule reads, for the check that each has a bundled code to pick from. */
export function diagnosisPrefixes(): ReadonlyArray<readonly [ConditionRuleId, string]> {
  return CONDITION_RULE_IDS.flatMap((rule) => (PREFIXES[rule] ?? []).map((prefix) => [rule, prefix] as const));
}
