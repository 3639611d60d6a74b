import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { defaultEligibilityPolicy, eligibilityPolicy, type EligibilityPolicy } from '../policy.js';
import { assessContraindications } from './assess.js';
import { intakeChart, type IntakeChartInput } from './chart.js';
import type { ContraindicationResult } from './result.js';
import type { ConditionRuleId } from './rule-ids.js';

const TODAY = '2026-03-15';
const POLICY = defaultEligibilityPolicy();

function rule(id: ConditionRuleId, input: IntakeChartInput, policy: EligibilityPolicy = POLICY): ContraindicationResult {
  const chart = intakeChart.parse({ dateOfBirth: '1980-01-01', ...input });
  const found = assessContraindications({ chart, policy, today: TODAY }).results.find((result) => result.ruleId === id);
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

const bp = (systolicMmHg: number, diastolicMmHg: number): IntakeChartInput => ({
  bloodPressure: { systolicMmHg, diastolicMmHg, source: 'physician_exam' },
});

describe('uncontrolled hypertension', () => {
  it('is clear just under 160/100', () => {
    expect(rule('uncontrolled_hypertension', bp(159, 99)).level).toBe('clear');
  });

  it('needs clearance at 160 systolic or 100 diastolic, either one', () => {
    expect(rule('uncontrolled_hypertension', bp(160, 80))).toMatchObject({
      level: 'relative',
      evidence: ['Blood pressure 160/80 mmHg (Physician exam), at or above 160/100'],
      clearance: ['Blood pressure re-check under the target', 'Primary care or cardiology clearance'],
    });
    expect(rule('uncontrolled_hypertension', bp(130, 100)).level).toBe('relative');
  });

  it('follows the clinic’s thresholds', () => {
    const policy = eligibilityPolicy.parse({ uncontrolledHypertension: { systolicMmHg: 140, diastolicMmHg: 90 } });
    expect(rule('uncontrolled_hypertension', bp(140, 85), policy).level).toBe('relative');
    expect(rule('uncontrolled_hypertension', bp(139, 89), policy).level).toBe('clear');
  });

  it('fires on a hypertensive-crisis code without a reading', () => {
    expect(rule('uncontrolled_hypertension', { diagnoses: ['I16.0'] }).level).toBe('relative');
  });
});

describe('heart and brain', () => {
  it('asks for an EKG and cardiology letter for angina or an arrhythmia', () => {
    expect(rule('heart_disease', { diagnoses: ['I20.9'] }).clearance).toEqual(['EKG', 'Cardiology clearance letter']);
    expect(rule('arrhythmia', { diagnoses: ['I48.91'] }).level).toBe('relative');
  });

  it('counts a heart attack as recent until six whole months have passed', () => {
    const event = (date: string): IntakeChartInput => ({ cardiovascularEvents: [{ event: 'myocardial_infarction', date }] });
    expect(rule('recent_cardiovascular_event', event('2025-09-16'))).toMatchObject({
      level: 'relative',
      evidence: ['Heart attack on 2025-09-16, within 6 months'],
    });
    expect(rule('recent_cardiovascular_event', event('2025-09-15')).level).toBe('clear');
  });

  it('treats an acute MI or stroke code as recent', () => {
    expect(rule('recent_cardiovascular_event', { diagnoses: ['I63.9'] }).level).toBe('relative');
    expect(rule('heart_disease', { diagnoses: ['I21.9'] }).level).toBe('relative');
    expect(rule('recent_cardiovascular_event', { diagnoses: ['I25.2'] }).level).toBe('clear');
  });

  it('rejects a heart attack dated in the future', () => {
    const chart = intakeChart.parse({ cardiovascularEvents: [{ event: 'stroke', date: '2026-03-16' }] });
    expect(validationPath(() => assessContraindications({ chart, policy: POLICY, today: TODAY }))).toEqual([
      'cardiovascularEvents',
      0,
      'date',
    ]);
  });

  it('stops for an aneurysm or AVM, and asks neurology about raised intracranial pressure', () => {
    expect(rule('aneurysmal_vascular_disease', { diagnoses: ['I67.1'] }).level).toBe('absolute');
    expect(rule('arteriovenous_malformation', { diagnoses: ['Q28.2'] }).level).toBe('absolute');
    expect(rule('raised_intracranial_pressure', { diagnoses: ['G93.2'] }).clearance).toEqual(['Neurology clearance']);
  });

  it('asks ophthalmology about glaucoma', () => {
    expect(rule('raised_intraocular_pressure', { diagnoses: ['H40.9'] })).toMatchObject({
      level: 'relative',
      clearance: ['Ophthalmology clearance'],
    });
  });
});

describe('liver, bladder, thyroid and infection', () => {
  it('marks Child-Pugh C as severe hepatic impairment and any class as liver disease', () => {
    expect(rule('severe_hepatic_impairment', { childPughClass: 'C' }).level).toBe('relative');
    expect(rule('severe_hepatic_impairment', { childPughClass: 'B' }).level).toBe('clear');
    expect(rule('liver_disease', { childPughClass: 'B' }).evidence).toEqual(['Child-Pugh class B']);
    expect(rule('liver_disease', { diagnoses: ['K74.60'] }).level).toBe('relative');
  });

  it('lets the clinic make severe hepatic impairment absolute', () => {
    const policy = eligibilityPolicy.parse({ conditions: { severe_hepatic_impairment: { level: 'absolute' } } });
    expect(rule('severe_hepatic_impairment', { childPughClass: 'C' }, policy).level).toBe('absolute');
  });

  it('needs review for cystitis, hyperthyroidism and a current infection', () => {
    expect(rule('cystitis_or_bladder_problems', { diagnoses: ['N30.10'] }).level).toBe('relative');
    expect(rule('uncontrolled_hyperthyroidism', { diagnoses: ['E05.90'] }).level).toBe('relative');
    expect(rule('acute_infection', { conditions: [{ condition: 'acute_infection', source: 'physician_exam', note: 'strep throat' }] })).toMatchObject({
      level: 'relative',
      evidence: ['Physician exam: strep throat'],
    });
  });
});

describe('substance use', () => {
  const use = (substance: 'alcohol' | 'tobacco' | 'ketamine', lastUseDate: string | null, extra = {}): IntakeChartInput => ({
    substanceUse: [{ substance, lastUseDate, ...extra }],
  });

  it('needs an assessment for an active use disorder code, but not for nicotine', () => {
    expect(rule('substance_use_disorder', { diagnoses: ['F10.20'] }).level).toBe('relative');
    expect(rule('substance_use_disorder', { diagnoses: ['F17.210'] }).level).toBe('clear');
  });

  it('asks to confirm abstinence for a disorder coded in remission', () => {
    expect(rule('substance_use_disorder', { diagnoses: ['F10.21'] }).evidence).toEqual([
      "Diagnosis F10.21, in remission: confirm 12 months' abstinence",
    ]);
  });

  it('clears self-reported use after exactly 12 months of abstinence, not a day sooner', () => {
    expect(rule('substance_use_disorder', use('alcohol', '2025-03-15')).level).toBe('clear');
    expect(rule('substance_use_disorder', use('alcohol', '2025-03-16')).level).toBe('relative');
  });

  it('treats unknown last use as current, and clears supervised treatment, tobacco and non-problematic use', () => {
    expect(rule('substance_use_disorder', use('alcohol', null)).level).toBe('relative');
    expect(rule('substance_use_disorder', use('alcohol', null, { inSupervisedTreatment: true })).level).toBe('clear');
    expect(rule('substance_use_disorder', use('tobacco', null)).level).toBe('clear');
    expect(rule('substance_use_disorder', use('alcohol', null, { problematic: false })).level).toBe('clear');
  });

  it('flags past ketamine misuse however long ago', () => {
    expect(rule('ketamine_misuse', use('ketamine', '2015-01-01'))).toMatchObject({
      level: 'relative',
      evidence: ['Ketamine misuse, last use 2015-01-01'],
    });
  });

  it('follows the clinic’s abstinence period', () => {
    const policy = eligibilityPolicy.parse({ substanceAbstinenceMonths: 6 });
    expect(rule('substance_use_disorder', use('alcohol', '2025-09-15'), policy).level).toBe('clear');
  });

  it('rejects a last use in the future', () => {
    const chart = intakeChart.parse(use('alcohol', '2026-04-01'));
    expect(validationPath(() => assessContraindications({ chart, policy: POLICY, today: TODAY }))).toEqual([
      'substanceUse',
      0,
      'lastUseDate',
    ]);
  });
});
