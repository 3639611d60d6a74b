import { describe, expect, it } from 'vitest';
import { intakeChart, type IntakeChartInput } from './contraindications/chart.js';
import { defaultEligibilityPolicy } from './policy.js';
import type { SafetyPrescreen } from './safety-screen.js';
import { triageInquiry, type InquiryTriage } from './triage.js';

const TODAY = '2026-03-15';
const POLICY = defaultEligibilityPolicy();

function triage(chart: IntakeChartInput, prescreen: SafetyPrescreen = {}): InquiryTriage {
  return triageInquiry({ prescreen, chart: intakeChart.parse({ dateOfBirth: '1992-11-20', ...chart }), policy: POLICY, today: TODAY });
}

describe('triageInquiry', () => {
  it('sends a safety concern to urgent, ahead of an absolute contraindication', () => {
    const result = triage({ pregnant: true }, { phq9Item9: 1 });
    expect(result.kind).toBe('urgent_safety');
  });

  it('stays urgent even when the chart cannot be assessed', () => {
    const result = triageInquiry({
      prescreen: { inImmediateDanger: true },
      chart: { ...intakeChart.parse({}), dateOfBirth: '2099-01-01' },
      policy: POLICY,
      today: TODAY,
    });
    expect(result.kind).toBe('urgent_safety');
  });

  it('marks an absolute contraindication as likely ineligible, with the reasons', () => {
    const result = triage({ dateOfBirth: '2008-03-16', diagnoses: ['F20.9'] });
    expect(result.kind).toBe('likely_ineligible');
    if (result.kind !== 'likely_ineligible') return;
    expect(result.reasons.map((reason) => reason.ruleId)).toEqual(['minimum_age', 'primary_psychotic_disorder']);
  });

  it('sends relative contraindications on to evaluation, with what must be cleared', () => {
    const result = triage({ diagnoses: ['I48.91'], medications: [{ name: 'phenelzine', drugClass: 'maoi', dailyDoseMg: 45 }] });
    expect(result.kind).toBe('ready_for_evaluation');
    if (result.kind !== 'ready_for_evaluation') return;
    expect(result.toClear.map((reason) => reason.ruleId)).toEqual(['arrhythmia', 'interaction_maoi']);
  });

  it('sends a clear inquiry with a low C-SSRS follow-up on to evaluation', () => {
    const result = triage({}, { cssrs: { wishToBeDead: true, activeSuicidalThoughts: false, suicidalBehavior: false } });
    expect(result).toMatchObject({ kind: 'ready_for_evaluation', toClear: [], safety: { followUps: [{ code: 'cssrs_low_risk' }] } });
  });

  it('gives the same answer for the same inquiry', () => {
    const input: IntakeChartInput = { diagnoses: ['F33.1', 'F41.1'], medications: [{ name: 'lorazepam', drugClass: 'benzodiazepine', dailyDoseMg: 2 }] };
    expect(triage(input)).toEqual(triage(input));
  });
});
