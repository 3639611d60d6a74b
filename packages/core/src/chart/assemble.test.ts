import { describe, expect, it } from 'vitest';
import { assessContraindications } from '../intake/contraindications/assess.js';
import { defaultEligibilityPolicy } from '../intake/policy.js';
import { assembleIntakeChart, type ChartSources } from './assemble.js';
import { completeEvaluation, completeExam } from './fixtures.js';
import { examFindings } from './note-findings.js';

const empty: ChartSources = {
  dateOfBirth: '1988-03-14',
  selfReport: null,
  diagnoses: [],
  medications: [],
  medicationListStarted: false,
  allergies: [],
  findings: [],
  evaluation: null,
  exam: null,
};

function levels(sources: ChartSources): Record<string, string> {
  const assessment = assessContraindications({ chart: assembleIntakeChart(sources), policy: defaultEligibilityPolicy(), today: '2026-11-28' });
  return Object.fromEntries(assessment.results.filter((r) => r.level !== 'clear').map((r) => [r.ruleId, r.level]));
}

describe('what a signed exam tells the rules', () => {
  it('turns each "yes" into a finding of the rule it screens for, with the exam as source', () => {
    const exam = completeExam({
      cardiovascular: { ...completeExam().cardiovascular, hypertension: 'uncontrolled', aneurysm: true },
      neuroOphthalmic: { ...completeExam().neuroOphthalmic, glaucomaOrRaisedIop: true, seizureDisorder: true },
      substanceUse: { ...completeExam().substanceUse, priorKetamineMisuse: true },
      hepaticUrologic: { liverDisease: false, childPughClass: 'C', cystitisOrBladderProblems: false, notes: '' },
      reproductive: { pregnancyStatus: 'pregnant', breastfeeding: false, contraceptionCounselled: false, notes: '' },
    });
    const findings = examFindings(exam);
    expect(findings.conditions.map((c) => c.condition)).toEqual(['uncontrolled_hypertension', 'aneurysmal_vascular_disease', 'raised_intraocular_pressure']);
    expect(findings.conditions.every((c) => c.source === 'physician_exam')).toBe(true);
    expect(findings).toMatchObject({ pregnant: true, childPughClass: 'C', bloodPressure: { systolicMmHg: 122, source: 'physician_exam' } });
    expect(levels({ ...empty, exam: { content: exam, signedAt: '2026-11-20T15:00:00Z' } })).toEqual({
      pregnancy: 'absolute',
      aneurysmal_vascular_disease: 'absolute',
      uncontrolled_hypertension: 'relative',
      raised_intraocular_pressure: 'relative',
      severe_hepatic_impairment: 'relative',
      liver_disease: 'relative',
      ketamine_misuse: 'relative',
      substance_use_disorder: 'relative',
    });
  });
});

describe('assembling the chart', () => {
  it('is clear for a person with clean notes and an antidepressant', () => {
    const sources: ChartSources = {
      ...empty,
      diagnoses: ['F33.1'],
      medications: [{ name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: 100 }],
      medicationListStarted: true,
      evaluation: { content: completeEvaluation(), signedAt: '2026-11-19T15:00:00Z' },
      exam: { content: completeExam(), signedAt: '2026-11-20T15:00:00Z' },
    };
    expect(levels(sources)).toEqual({});
  });

  it('lets the signed exam answer pregnancy over the self-report, while a reported pregnancy still counts', () => {
    const selfReport = { pregnant: true, diagnoses: [], medications: [], allergies: [], conditions: [], substanceUse: [], cardiovascularEvents: [] };
    expect(levels({ ...empty, selfReport })).toEqual({ pregnancy: 'absolute' });
    const exam = { content: completeExam(), signedAt: '2026-11-20T15:00:00Z' };
    expect(levels({ ...empty, selfReport, exam })).toEqual({});
    expect(levels({ ...empty, selfReport, exam, findings: [{ condition: 'pregnancy', note: 'Positive test 2026-11-27' }] })).toEqual({ pregnancy: 'absolute' });
  });

  it('uses the most recently signed C-SSRS', () => {
    const intent = { wishToBeDead: true, activeSuicidalThoughts: true, thoughtsOfMethod: true, intentToAct: true, planWithIntent: false, suicidalBehavior: false };
    const evaluation = { content: completeEvaluation({ risk: { ...completeEvaluation().risk, cssrs: intent } }), signedAt: '2026-11-10T15:00:00Z' };
    expect(levels({ ...empty, evaluation })).toEqual({ acute_suicidality_with_intent: 'absolute' });
    expect(levels({ ...empty, evaluation, exam: { content: completeExam(), signedAt: '2026-11-20T15:00:00Z' } })).toEqual({});
    expect(levels({ ...empty, evaluation, exam: { content: completeExam(), signedAt: '2026-11-01T15:00:00Z' } })).toEqual({ acute_suicidality_with_intent: 'absolute' });
  });

  it('counts self-reported medications only until the chart has its own list', () => {
    const selfReport = { diagnoses: [], medications: [{ name: 'Adderall', drugClass: 'psychostimulant' as const, dailyDoseMg: 20 }], allergies: ['Ketamine'], conditions: [], substanceUse: [], cardiovascularEvents: [] };
    expect(levels({ ...empty, selfReport })).toEqual({ ketamine_allergy: 'absolute', interaction_psychostimulant: 'relative' });
    expect(levels({ ...empty, selfReport, medicationListStarted: true })).toEqual({ ketamine_allergy: 'absolute' });
  });

  it('adds the diagnoses of the signed evaluation to the chart', () => {
    const evaluation = { content: completeEvaluation({ diagnoses: { codes: ['F33.1', 'F31.2'], formulation: 'Bipolar, psychotic mania' } }), signedAt: '2026-11-10T15:00:00Z' };
    expect(levels({ ...empty, diagnoses: ['F33.1'], evaluation })).toEqual({ bipolar_psychotic_mania: 'absolute', current_manic_or_mixed_episode: 'absolute' });
  });
});
