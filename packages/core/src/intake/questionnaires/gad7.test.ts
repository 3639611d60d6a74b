import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { gad7Severity, scoreGad7, type Gad7Answers, type Gad7Severity } from './gad7.js';

const BANDS: readonly Gad7Severity[] = ['minimal', 'mild', 'moderate', 'severe'];
const answer = fc.integer({ min: 0, max: 3 });
const answers = fc.tuple(answer, answer, answer, answer, answer, answer, answer);

function gad7WithTotal(total: number): Gad7Answers {
  const items: Gad7Answers = [0, 0, 0, 0, 0, 0, 0];
  let left = total;
  for (let i = 0; i < 7 && left > 0; i += 1) {
    items[i] = Math.min(3, left);
    left -= items[i] ?? 0;
  }
  return items;
}

function rejectionPath(input: unknown): ReadonlyArray<string | number> | null {
  try {
    scoreGad7(input as Gad7Answers);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.path;
    throw error;
  }
}

describe('scoreGad7', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ] as const)('bands a total of %i as %s', (total, band) => {
    expect(scoreGad7(gad7WithTotal(total))).toEqual({ instrument: 'gad7', total, severity: band });
  });

  it('rejects six answers, eight answers, and an unanswered item', () => {
    expect(rejectionPath([0, 0, 0, 0, 0, 0])).toEqual(['gad7']);
    expect(rejectionPath([0, 0, 0, 0, 0, 0, 0, 0])).toEqual(['gad7']);
    expect(rejectionPath([0, 0, undefined, 0, 0, 0, 0])).toEqual(['gad7', 2]);
    expect(rejectionPath([0, 0, 0, 0, 0, 0, 4])).toEqual(['gad7', 6]);
  });

  it('totals the sum of the items, within 0–21', () => {
    fc.assert(
      fc.property(answers, (items) => {
        const { total } = scoreGad7(items);
        expect(total).toBe(items.reduce((sum, item) => sum + item, 0));
        expect(total).toBeLessThanOrEqual(21);
      }),
    );
  });

  it('never lowers the band when one answer goes up by one', () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 0, max: 6 }), (items, index) => {
        fc.pre(items[index] !== undefined && items[index] < 3);
        const raised = items.map((item, i) => (i === index ? item + 1 : item)) as Gad7Answers;
        expect(BANDS.indexOf(scoreGad7(raised).severity)).toBeGreaterThanOrEqual(BANDS.indexOf(scoreGad7(items).severity));
      }),
    );
  });

  it('never lowers the band as the total rises', () => {
    for (let total = 0; total < 21; total += 1) {
      expect(BANDS.indexOf(gad7Severity(total + 1))).toBeGreaterThanOrEqual(BANDS.indexOf(gad7Severity(total)));
    }
  });
});
