import { describe, expect, it } from 'vitest';
import { assessContraindications } from '../intake/contraindications/assess.js';
import type { IntakeChartInput } from '../intake/contraindications/chart.js';
import { intakeChart } from '../intake/contraindications/chart.js';
import { defaultEligibilityPolicy } from '../intake/policy.js';
import { applicableResolutions, latestResolutions, resolutionCovers, type RuleResolution } from './resolutions.js';

const director = { userId: 'u-director', roles: ['admin', 'physician'] as const };

function assess(chart: IntakeChartInput): ReturnType<typeof assessContraindications> {
  return assessContraindications({ chart: intakeChart.parse(chart), policy: defaultEligibilityPolicy(), today: '2026-11-28' });
}

function resolution(overrides: Partial<RuleResolution>): RuleResolution {
  return { id: 'r1', ruleId: 'heart_disease', kind: 'clearance', text: 'EKG reviewed 2026-11-20', evidence: [], approvedBy: [director], at: '2026-11-20T15:00:00.000Z', ...overrides };
}

describe('clearances and overrides', () => {
  it('cover a result only with the right kind and every piece of its evidence weighed', () => {
    const before = assess({ dateOfBirth: '1980-01-01', diagnoses: ['I25.10'] });
    const heart = before.relative.find((r) => r.ruleId === 'heart_disease');
    if (!heart) throw new Error('expected heart disease');
    const clearance = resolution({ evidence: heart.evidence });
    expect(resolutionCovers(heart, clearance)).toBe(true);
    expect(resolutionCovers(heart, { ...clearance, kind: 'override' })).toBe(false);
    const after = assess({ dateOfBirth: '1980-01-01', diagnoses: ['I25.10', 'I20.9'] }).relative.find((r) => r.ruleId === 'heart_disease');
    if (!after) throw new Error('expected heart disease');
    expect(resolutionCovers(after, clearance)).toBe(false);
  });

  it('gives a decision the overrides and clearances that still apply, latest first', () => {
    const assessment = assess({ dateOfBirth: '2010-04-02', diagnoses: ['I48.0'] });
    const age = assessment.absolute.find((r) => r.ruleId === 'minimum_age');
    const arrhythmia = assessment.relative.find((r) => r.ruleId === 'arrhythmia');
    if (!age || !arrhythmia) throw new Error('expected both rules');
    const resolutions = [
      resolution({ id: 'a', ruleId: 'minimum_age', kind: 'override', text: 'Ethics board approval 2026-11', evidence: age.evidence }),
      resolution({ id: 'b', ruleId: 'arrhythmia', text: 'Old clearance', evidence: ['something else'], at: '2026-11-01T00:00:00.000Z' }),
      resolution({ id: 'c', ruleId: 'arrhythmia', text: 'Cardiology letter 2026-11-21', evidence: arrhythmia.evidence, at: '2026-11-21T00:00:00.000Z' }),
    ];
    expect(latestResolutions(resolutions).get('arrhythmia')?.id).toBe('c');
    expect(applicableResolutions(assessment, resolutions)).toEqual({
      overrides: [{ ruleId: 'minimum_age', reason: 'Ethics board approval 2026-11', approvedBy: [director] }],
      clearances: [{ ruleId: 'arrhythmia', note: 'Cardiology letter 2026-11-21' }],
    });
  });
});
