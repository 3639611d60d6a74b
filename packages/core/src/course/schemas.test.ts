import { describe, expect, it } from 'vitest';
import { defaultCoursePolicy } from './policy.js';
import { createPlanRequest, plannedCounts, PLANNED_COUNT_MAX, type PlannedCounts } from './schemas.js';

const defaults: PlannedCounts = defaultCoursePolicy().plannedCounts;

function withPreparation(min: unknown, max: unknown): unknown {
  return { ...defaults, preparation: { min, max } };
}

function problems(input: unknown): { path: string; message: string }[] {
  const result = plannedCounts.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('planned session counts of a plan', () => {
  it('accepts the clinic policy defaults unchanged', () => {
    expect(problems(defaults)).toEqual([]);
  });

  it('accepts 0 and the upper bound, and a range whose minimum equals its maximum', () => {
    expect(problems(withPreparation(0, 0))).toEqual([]);
    expect(problems(withPreparation(0, PLANNED_COUNT_MAX))).toEqual([]);
    expect(problems(withPreparation(PLANNED_COUNT_MAX, PLANNED_COUNT_MAX))).toEqual([]);
  });

  it('refuses a minimum above its maximum, naming the maximum', () => {
    expect(problems(withPreparation(5, 4))).toEqual([{ path: 'preparation.max', message: 'The maximum cannot be below the minimum' }]);
    expect(problems({ ...defaults, integrationPerMedicine: { min: 2, max: 1 } })).toEqual([{ path: 'integrationPerMedicine.max', message: 'The maximum cannot be below the minimum' }]);
  });

  it('refuses negative, fractional, too large and missing counts with a message for the field', () => {
    expect(problems(withPreparation(-1, 4))).toEqual([{ path: 'preparation.min', message: 'Cannot be negative' }]);
    expect(problems(withPreparation(2.5, 4))).toEqual([{ path: 'preparation.min', message: 'Use a whole number' }]);
    expect(problems(withPreparation(3, PLANNED_COUNT_MAX + 1))).toEqual([{ path: 'preparation.max', message: `At most ${PLANNED_COUNT_MAX}` }]);
    expect(problems(withPreparation(3, '4'))).toEqual([{ path: 'preparation.max', message: 'Enter a whole number' }]);
  });

  it('is optional on a new plan, and checked there when given', () => {
    const base = { modality: 'individual', focus: 'general', title: 'Course', patientIds: ['01900000-0000-7000-8000-000000000001'], content: { targetConditions: [], goals: [], intentions: '', careTeam: [] } };
    expect(createPlanRequest.safeParse(base).success).toBe(true);
    const bad = createPlanRequest.safeParse({ ...base, content: { ...base.content, plannedCounts: { ...defaults, medicine: { min: 4, max: 2 } } } });
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.'))).toEqual(['content.plannedCounts.medicine.max']);
  });
});
