import { describe, expect, it } from 'vitest';
import { defaultEligibilityPolicy } from '../policy.js';
import { assessContraindications } from './assess.js';
import { intakeChart, type IntakeChart, type IntakeChartInput } from './chart.js';
import { applyChartChange, reassessAfterChange, type ChartChange, type Reassessment } from './reassess.js';

const TODAY = '2026-03-15';
const POLICY = defaultEligibilityPolicy();

function chart(input: IntakeChartInput = {}): IntakeChart {
  return intakeChart.parse({ dateOfBirth: '1985-07-04', ...input });
}

function reassess(before: IntakeChart, change: ChartChange): Reassessment {
  const prior = assessContraindications({ chart: before, policy: POLICY, today: TODAY });
  return reassessAfterChange({ prior, chart: before, change, policy: POLICY, today: TODAY });
}

describe('reassessAfterChange', () => {
  it('reopens the decision when a new benzodiazepine is above the threshold', () => {
    const result = reassess(chart(), {
      kind: 'medication_added',
      medication: { name: 'clonazepam', drugClass: 'benzodiazepine', dailyDoseMg: 1 },
    });
    expect(result.reopen).toBe(true);
    expect(result.changes).toMatchObject([{ ruleId: 'interaction_benzodiazepine', from: 'clear', to: 'relative', reopens: true }]);
  });

  it('reopens the decision when pregnancy is reported', () => {
    const result = reassess(chart(), { kind: 'pregnancy_reported' });
    expect(result.reopen).toBe(true);
    expect(result.assessment.summary).toBe('absolute');
    expect(result.changes.map((change) => [change.ruleId, change.to])).toEqual([['pregnancy', 'absolute']]);
  });

  it('reopens the decision when a new diagnosis adds a contraindication', () => {
    expect(reassess(chart(), { kind: 'diagnosis_added', code: 'F20.9' }).reopen).toBe(true);
  });

  it('reopens a cleared heart condition when a new cardiac diagnosis arrives', () => {
    const result = reassess(chart({ diagnoses: ['I20.9'] }), { kind: 'diagnosis_added', code: 'I48.0' });
    expect(result.changes.find((change) => change.ruleId === 'heart_disease')).toBeUndefined();
    const again = reassess(chart({ diagnoses: ['I20.9'] }), { kind: 'diagnosis_added', code: 'I25.10' });
    expect(again.changes).toMatchObject([
      { ruleId: 'heart_disease', from: 'relative', to: 'relative', reopens: true, newEvidence: [expect.stringContaining('I25.10')] },
    ]);
    expect(again.reopen).toBe(true);
  });

  it('does not reopen for a conventional antidepressant', () => {
    const result = reassess(chart(), {
      kind: 'medication_added',
      medication: { name: 'escitalopram', drugClass: 'antidepressant', dailyDoseMg: 10 },
    });
    expect(result).toMatchObject({ reopen: false, changes: [] });
  });

  it('reports a new low-severity flag without reopening', () => {
    const result = reassess(chart(), {
      kind: 'medication_added',
      medication: { name: 'gabapentin', drugClass: 'gabapentinoid', dailyDoseMg: 300 },
    });
    expect(result.reopen).toBe(false);
    expect(result.changes).toMatchObject([{ ruleId: 'interaction_gabapentinoid', from: 'clear', to: 'clear', reopens: false }]);
  });

  it('reports a lower blood pressure without reopening', () => {
    const before = chart({ bloodPressure: { systolicMmHg: 168, diastolicMmHg: 96, source: 'physician_exam' } });
    const result = reassess(before, {
      kind: 'blood_pressure_recorded',
      bloodPressure: { systolicMmHg: 132, diastolicMmHg: 84, source: 'physician_exam' },
    });
    expect(result.reopen).toBe(false);
    expect(result.changes).toMatchObject([{ ruleId: 'uncontrolled_hypertension', from: 'relative', to: 'clear', reopens: false }]);
  });

  it('reopens for a new ketamine allergy and for recent substance use', () => {
    expect(reassess(chart(), { kind: 'allergy_added', substance: 'ketamine' }).reopen).toBe(true);
    expect(
      reassess(chart(), { kind: 'substance_use_reported', use: { substance: 'cocaine', lastUseDate: '2026-02-01', problematic: true, inSupervisedTreatment: false } })
        .reopen,
    ).toBe(true);
  });

  it('does not reopen because a birthday passed between the two assessments', () => {
    const before = chart({ dateOfBirth: '1960-03-15' });
    const prior = assessContraindications({ chart: before, policy: POLICY, today: '2026-03-14' });
    const result = reassessAfterChange({
      prior,
      chart: before,
      change: { kind: 'medication_added', medication: { name: 'bupropion', drugClass: 'antidepressant', dailyDoseMg: 150 } },
      policy: POLICY,
      today: '2026-03-15',
    });
    expect(result).toMatchObject({ reopen: false, changes: [] });
  });
});

describe('applyChartChange', () => {
  it('returns a new chart and leaves the old one as it was', () => {
    const before = chart();
    const after = applyChartChange(before, { kind: 'condition_reported', finding: { condition: 'acute_infection', source: 'self_report' } });
    expect(before.conditions).toEqual([]);
    expect(after.conditions).toEqual([{ condition: 'acute_infection', source: 'self_report' }]);
    const withEvent = applyChartChange(before, { kind: 'cardiovascular_event_reported', event: { event: 'stroke', date: '2026-01-02' } });
    expect(withEvent.cardiovascularEvents).toHaveLength(1);
    expect(applyChartChange(before, { kind: 'breastfeeding_reported' }).breastfeeding).toBe(true);
  });
});
