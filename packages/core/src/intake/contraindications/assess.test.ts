import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { defaultEligibilityPolicy, eligibilityPolicy, type EligibilityPolicy } from '../policy.js';
import { assessContraindications, type ContraindicationAssessment } from './assess.js';
import { intakeChart, type IntakeChartInput } from './chart.js';
import type { ContraindicationResult } from './result.js';
import { CONDITION_RULE_IDS, INTERACTION_CLASSES, type ContraindicationRuleId } from './rule-ids.js';

const TODAY = '2026-03-15';
const POLICY = defaultEligibilityPolicy();

/** An adult chart with nothing recorded, plus `input`. */
function assess(input: IntakeChartInput = {}, policy: EligibilityPolicy = POLICY, today = TODAY): ContraindicationAssessment {
  return assessContraindications({ chart: intakeChart.parse({ dateOfBirth: '1990-05-01', ...input }), policy, today });
}

function rule(assessment: ContraindicationAssessment, id: ContraindicationRuleId): ContraindicationResult {
  const found = assessment.results.find((result) => result.ruleId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}

function validationPath(run: () => unknown): ReadonlyArray<string | number> | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.path;
    throw error;
  }
}

describe('assessContraindications', () => {
  it('returns one clear result per rule for an adult with nothing recorded', () => {
    const assessment = assess();
    const ids = assessment.results.map((result) => result.ruleId);
    expect(ids).toHaveLength(1 + CONDITION_RULE_IDS.length + INTERACTION_CLASSES.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(assessment.results.every((result) => result.level === 'clear')).toBe(true);
    expect(assessment).toMatchObject({ summary: 'clear', absolute: [], relative: [], interactionFlags: [] });
  });

  it('summarises with the worst level and lists absolute and relative results apart', () => {
    const assessment = assess({ pregnant: true, diagnoses: ['I48.91'] });
    expect(assessment.summary).toBe('absolute');
    expect(assessment.absolute.map((result) => result.ruleId)).toEqual(['pregnancy']);
    expect(assessment.relative.map((result) => result.ruleId)).toEqual(['arrhythmia']);
    expect(assess({ diagnoses: ['I48.91'] }).summary).toBe('relative');
  });

  it('rejects a malformed diagnosis code with its path', () => {
    expect(validationPath(() => assessContraindications({ chart: { ...intakeChart.parse({}), diagnoses: ['schizophrenia'] }, policy: POLICY, today: TODAY }))).toEqual([
      'chart',
      'diagnoses',
      0,
    ]);
  });
});

describe('minimum age', () => {
  it('is absolute at 17 years and 364 days, and clear on the 18th birthday', () => {
    expect(rule(assess({ dateOfBirth: '2008-03-16' }), 'minimum_age')).toMatchObject({ level: 'absolute', kind: 'age' });
    expect(rule(assess({ dateOfBirth: '2008-03-15' }), 'minimum_age').level).toBe('clear');
  });

  it('follows the clinic’s minimum age', () => {
    const policy = eligibilityPolicy.parse({ minimumAge: 21 });
    expect(rule(assess({ dateOfBirth: '2005-03-16' }, policy), 'minimum_age')).toMatchObject({
      level: 'absolute',
      reason: 'Under 21: the program treats adults only.',
    });
    expect(rule(assess({ dateOfBirth: '2005-03-15' }, policy), 'minimum_age').level).toBe('clear');
  });

  it('uses a self-reported age when there is no date of birth', () => {
    expect(rule(assess({ dateOfBirth: undefined, ageYears: 17 }), 'minimum_age').level).toBe('absolute');
    expect(rule(assess({ dateOfBirth: undefined, ageYears: 18 }), 'minimum_age').evidence).toEqual(['Reported age 18']);
  });

  it('asks for the date of birth when no age is known', () => {
    expect(rule(assess({ dateOfBirth: undefined }), 'minimum_age')).toMatchObject({
      level: 'relative',
      clearance: ['Confirm the date of birth'],
    });
  });

  it('rejects an impossible or future date of birth', () => {
    expect(validationPath(() => assess({ dateOfBirth: '2026-03-16' }))).toEqual(['dateOfBirth']);
    const impossible = { ...intakeChart.parse({}), dateOfBirth: '1990-02-30' };
    expect(validationPath(() => assessContraindications({ chart: impossible, policy: POLICY, today: TODAY }))).toEqual([
      'chart',
      'dateOfBirth',
    ]);
  });

  it('asks for a dosing review from 65, not at 64', () => {
    expect(rule(assess({ dateOfBirth: '1961-03-16' }), 'older_adult').level).toBe('clear');
    expect(rule(assess({ dateOfBirth: '1961-03-15' }), 'older_adult')).toMatchObject({
      level: 'relative',
      reason: 'Aged 65 or over: the physician reviews the dose.',
      clearance: ['Physician review of dosing'],
    });
  });
});

describe('psychiatric rules', () => {
  it('stops for schizophrenia, schizoaffective or delusional disorder', () => {
    for (const code of ['F20.9', 'F25.0', 'F22']) {
      expect(rule(assess({ diagnoses: [code] }), 'primary_psychotic_disorder').level).toBe('absolute');
    }
  });

  it('counts brief, unspecified and substance-induced psychosis as a history needing review, not a primary disorder', () => {
    for (const code of ['F23', 'F29', 'F12.159', 'F33.3']) {
      const assessment = assess({ diagnoses: [code] });
      expect(rule(assessment, 'primary_psychotic_disorder').level).toBe('clear');
      expect(rule(assessment, 'psychosis_history').level).toBe('relative');
    }
  });

  it('stops for psychotic mania and a current manic or mixed episode, but not for hypomania or bipolar II', () => {
    const psychoticMania = assess({ diagnoses: ['F31.2'] });
    expect(rule(psychoticMania, 'bipolar_psychotic_mania').level).toBe('absolute');
    expect(rule(psychoticMania, 'current_manic_or_mixed_episode').level).toBe('absolute');
    expect(rule(assess({ diagnoses: ['F31.62'] }), 'current_manic_or_mixed_episode').level).toBe('absolute');
    expect(assess({ diagnoses: ['F31.0', 'F31.81'] }).summary).toBe('clear');
  });

  it('takes psychotic mania from the exam when no code says so', () => {
    const assessment = assess({
      diagnoses: ['F31.72'],
      conditions: [{ condition: 'bipolar_psychotic_mania', source: 'physician_exam', note: 'psychotic mania in 2019' }],
    });
    expect(rule(assessment, 'bipolar_psychotic_mania')).toMatchObject({
      level: 'absolute',
      evidence: ['Physician exam: psychotic mania in 2019'],
    });
  });

  it('stops for a dissociative disorder, but not for the mixed code F44.9', () => {
    expect(rule(assess({ diagnoses: ['F44.81'] }), 'dissociative_disorder')).toMatchObject({
      level: 'absolute',
      evidence: ['Diagnosis F44.81 (Dissociative identity disorder)'],
    });
    expect(rule(assess({ diagnoses: ['F44.9'] }), 'dissociative_disorder').level).toBe('clear');
  });

  it('needs review for family psychosis and borderline or paranoid personality disorder', () => {
    const assessment = assess({
      diagnoses: ['F60.3'],
      conditions: [{ condition: 'family_history_of_psychosis', source: 'self_report' }],
    });
    expect(rule(assessment, 'severe_personality_disorder').level).toBe('relative');
    expect(rule(assessment, 'family_history_of_psychosis')).toMatchObject({ level: 'relative', evidence: ['Self-report'] });
  });

  it('stops for suicidal intent on the C-SSRS or in the record', () => {
    const cssrs = {
      wishToBeDead: true,
      activeSuicidalThoughts: true,
      thoughtsOfMethod: true,
      intentToAct: true,
      planWithIntent: false,
      suicidalBehavior: false,
    };
    expect(rule(assess({ cssrs }), 'acute_suicidality_with_intent').level).toBe('absolute');
    expect(rule(assess({ cssrs: { ...cssrs, intentToAct: false } }), 'acute_suicidality_with_intent').level).toBe('clear');
    expect(
      rule(assess({ conditions: [{ condition: 'acute_suicidality_with_intent', source: 'therapist_evaluation' }] }), 'acute_suicidality_with_intent')
        .level,
    ).toBe('absolute');
  });
});

describe('pregnancy, breastfeeding and allergy', () => {
  it('stops for pregnancy recorded as a flag or a code', () => {
    expect(rule(assess({ pregnant: true }), 'pregnancy')).toMatchObject({ level: 'absolute', evidence: ['Recorded as pregnant'] });
    expect(rule(assess({ diagnoses: ['Z33.1'] }), 'pregnancy').level).toBe('absolute');
    expect(rule(assess({ pregnant: false }), 'pregnancy').level).toBe('clear');
  });

  it('makes breastfeeding relative, with the clinic’s clearance, when the policy says so', () => {
    const policy = eligibilityPolicy.parse({ conditions: { breastfeeding: { level: 'relative', clearance: ['Lactation plan'] } } });
    expect(rule(assess({ breastfeeding: true }), 'breastfeeding').level).toBe('absolute');
    expect(rule(assess({ breastfeeding: true }, policy), 'breastfeeding')).toMatchObject({
      level: 'relative',
      clearance: ['Lactation plan'],
    });
  });

  it('stops for an allergy to ketamine or esketamine, whatever the brand name', () => {
    expect(rule(assess({ allergies: ['Spravato (esketamine)'] }), 'ketamine_allergy').level).toBe('absolute');
    expect(rule(assess({ allergies: ['KETAMINE'] }), 'ketamine_allergy').level).toBe('absolute');
    expect(rule(assess({ allergies: ['penicillin'] }), 'ketamine_allergy').level).toBe('clear');
  });

  it('gives no clearance list for an absolute result', () => {
    expect(rule(assess({ diagnoses: ['I61.9'] }), 'intracranial_hemorrhage')).toMatchObject({ level: 'absolute', clearance: [] });
  });
});
