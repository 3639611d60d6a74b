import { describe, expect, it } from 'vitest';
import { defaultCoursePolicy } from '@lantern/core';
import { checkCounts, draftOf, sameCounts } from './planned-counts-form';

const policy = defaultCoursePolicy().plannedCounts;

describe('the new-plan form’s planned counts', () => {
  it('sends the policy’s counts when left alone, evaluation counts included', () => {
    expect(checkCounts(draftOf(policy), policy)).toEqual({ counts: policy, errors: null });
    expect(sameCounts(draftOf(policy), policy)).toBe(true);
  });

  it('names the field of a minimum above its maximum and of an emptied field', () => {
    const draft = { ...draftOf(policy), preparation: { min: 6, max: 4 }, medicine: { min: '', max: 4 } };
    expect(sameCounts(draft, policy)).toBe(false);
    expect(checkCounts(draft, policy).errors).toEqual(
      new Map([
        ['preparation.max', 'The maximum cannot be below the minimum'],
        ['medicine.min', 'Enter a whole number'],
      ]),
    );
  });
});
