import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, covers, fittingStarts, intersect, normalize, overlaps, subtract, union, type Interval, type IntervalSet } from './intervals.js';

/** Model: a set as the list of its integer points in [0, 200). */
const points = (set: IntervalSet): number[] => set.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i));
const isCanonical = (set: IntervalSet): boolean =>
  set.every(([s, e], i) => e > s && (i === 0 || s > (set[i - 1] as Interval)[1]));
const rawIntervals = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 190 }), fc.integer({ min: 0, max: 30 })).map(([s, len]): Interval => [s, s + len]),
  { maxLength: 12 },
);
const anySet = rawIntervals.map(normalize);

describe('interval sets', () => {
  it('merges overlapping and touching intervals and drops empty ones', () => {
    expect(normalize([[5, 7], [1, 3], [3, 4], [6, 9], [10, 10]])).toEqual([[1, 4], [5, 9]]);
  });

  it('subtracts busy time from free time', () => {
    expect(subtract([[0, 10], [20, 30]], [[2, 3], [8, 22], [29, 40]])).toEqual([[0, 2], [3, 8], [22, 29]]);
  });

  it('turns free time into the starts where an appointment with buffers fits', () => {
    // Free 10–100; 15 minutes before, 60 after the start: starts 25..40.
    expect(fittingStarts([[10, 100]], 15, 60)).toEqual([[25, 41]]);
    expect(fittingStarts([[10, 50]], 15, 60)).toEqual([]);
  });

  it('keeps every operation canonical and equal to the point-set model', () => {
    fc.assert(
      fc.property(anySet, anySet, (a, b) => {
        const pa = new Set(points(a));
        const pb = new Set(points(b));
        const u = union(a, b);
        const i = intersect(a, b);
        const d = subtract(a, b);
        expect([u, i, d].every(isCanonical)).toBe(true);
        expect(points(u)).toEqual([...new Set([...pa, ...pb])].sort((x, y) => x - y));
        expect(points(i)).toEqual([...pa].filter((p) => pb.has(p)).sort((x, y) => x - y));
        expect(points(d)).toEqual([...pa].filter((p) => !pb.has(p)).sort((x, y) => x - y));
      }),
    );
  });

  it('answers covers, overlaps and clip like the model', () => {
    fc.assert(
      fc.property(anySet, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }), (set, from, len) => {
        const p = new Set(points(set));
        const span = Array.from({ length: len }, (_, k) => from + k);
        expect(covers(set, from, from + len)).toBe(span.every((x) => p.has(x)));
        expect(overlaps(set, from, from + len)).toBe(span.some((x) => p.has(x)));
        expect(points(clip(set, from, from + len))).toEqual(span.filter((x) => p.has(x)));
      }),
    );
  });

  it('finds exactly the starts whose held span fits', () => {
    fc.assert(
      fc.property(anySet, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 40 }), (free, before, after) => {
        const p = new Set(points(free));
        const starts = new Set(points(fittingStarts(free, before, after)));
        for (let t = -before; t < 240; t++) {
          const fits = Array.from({ length: before + after }, (_, k) => t - before + k).every((x) => p.has(x));
          expect(starts.has(t)).toBe(fits);
        }
      }),
      { numRuns: 60 },
    );
  });
});
