import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { phq9Severity, scorePhq9, type Phq9Answers, type Phq9Severity } from './phq9.js';

const BANDS: readonly Phq9Severity[] = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'];
const answer = fc.integer({ min: 0, max: 3 });
const answers = fc.tuple(answer, answer, answer, answer, answer, answer, answer, answer, answer);

/** A PHQ-9 whose items add up to `total`; item 9 is fixed when given, else filled last. */
function phq9WithTotal(total: number, item9?: number): Phq9Answers {
  const items: Phq9Answers = [0, 0, 0, 0, 0, 0, 0, 0, item9 ?? 0];
  let left = total - (item9 ?? 0);
  for (let i = 0; i < (item9 === undefined ? 9 : 8) && left > 0; i += 1) {
    items[i] = Math.min(3, left);
    left -= items[i] ?? 0;
  }
  return items;
}

function rejection(input: unknown): { path: ReadonlyArray<string | number>; message: string } | null {
  try {
    scorePhq9(input as Phq9Answers);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return { path: error.path, message: error.message };
    throw error;
  }
}

describe('scorePhq9', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ] as const)('bands a total of %i as %s', (total, band) => {
    const score = scorePhq9(phq9WithTotal(total));
    expect(score.total).toBe(total);
    expect(score.severity).toBe(band);
  });

  it('flags any non-zero item 9 whatever the total', () => {
    expect(scorePhq9(phq9WithTotal(1, 1))).toMatchObject({ total: 1, severity: 'minimal', item9: 1, item9Positive: true });
    expect(scorePhq9(phq9WithTotal(27, 3)).item9Positive).toBe(true);
    expect(scorePhq9(phq9WithTotal(24, 0))).toMatchObject({ item9: 0, item9Positive: false });
  });

  it('rejects a form with eight answers', () => {
    expect(rejection([0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ path: ['phq9'], message: 'Answer all 9 PHQ-9 items' });
  });

  it('rejects a form with ten answers', () => {
    expect(rejection([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])?.path).toEqual(['phq9']);
  });

  it('rejects an unanswered item rather than counting it as zero, naming the item', () => {
    expect(rejection([0, 1, 2, 3, null, 0, 0, 0, 0])?.path).toEqual(['phq9', 4]);
  });

  it('rejects answers outside 0–3 and fractions', () => {
    expect(rejection([0, 0, 0, 0, 0, 0, 0, 0, 4])?.path).toEqual(['phq9', 8]);
    expect(rejection([0, -1, 0, 0, 0, 0, 0, 0, 0])?.path).toEqual(['phq9', 1]);
    expect(rejection([0, 1.5, 0, 0, 0, 0, 0, 0, 0])?.path).toEqual(['phq9', 1]);
    expect(rejection(['2', 0, 0, 0, 0, 0, 0, 0, 0])?.path).toEqual(['phq9', 0]);
  });

  it('totals the sum of the items, within 0–27', () => {
    fc.assert(
      fc.property(answers, (items) => {
        const { total } = scorePhq9(items);
        expect(total).toBe(items.reduce((sum, item) => sum + item, 0));
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(27);
      }),
    );
  });

  it('never lowers the band as the total rises', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 26 }), (total) => {
        expect(BANDS.indexOf(phq9Severity(total + 1))).toBeGreaterThanOrEqual(BANDS.indexOf(phq9Severity(total)));
      }),
    );
  });

  it('never lowers the band when one answer goes up by one', () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 0, max: 8 }), (items, index) => {
        fc.pre(items[index] !== undefined && items[index] < 3);
        const raised = items.map((item, i) => (i === index ? item + 1 : item)) as Phq9Answers;
        const before = scorePhq9(items);
        const after = scorePhq9(raised);
        expect(after.total).toBe(before.total + 1);
        expect(BANDS.indexOf(after.severity)).toBeGreaterThanOrEqual(BANDS.indexOf(before.severity));
      }),
    );
  });
});
