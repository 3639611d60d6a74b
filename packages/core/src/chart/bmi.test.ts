import { describe, expect, it } from 'vitest';
import { bmiHistory, bodyMassIndex } from './bmi.js';

describe('body-mass index', () => {
  it('divides weight by height in metres squared, to one decimal', () => {
    expect(bodyMassIndex(170, 68)).toBe(23.5);
    expect(bodyMassIndex(180, 81)).toBe(25);
    expect(bodyMassIndex(152.4, 45.4)).toBe(19.5);
  });

  it('gives a weight-only measurement the height taken that day or most recently before it', () => {
    const history = bmiHistory([
      { id: 'c', measuredOn: '2026-11-20', heightCm: null, weightKg: 90 },
      { id: 'a', measuredOn: '2026-10-01', heightCm: 180, weightKg: 81 },
      { id: 'b', measuredOn: '2026-09-01', heightCm: null, weightKg: 80 },
      { id: 'd', measuredOn: '2026-11-21', heightCm: 178, weightKg: null },
    ]);
    expect(history.map((m) => [m.id, m.bmi])).toEqual([
      ['c', 27.8],
      ['a', 25],
      ['b', null],
      ['d', null],
    ]);
  });
});
