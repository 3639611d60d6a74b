import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScaled, parseScaled } from './decimal.js';
import {
  addMg,
  compareMg,
  describeQuantity,
  formatMg,
  formatMl,
  MAX_MG_HUNDREDTHS,
  mgOf,
  mgPerMlOf,
  mgToMl,
  mlOf,
  mlToMg,
  parseMg,
  parseMgPerMl,
  parseMl,
  subtractMg,
  sumMg,
  type LedgerResult,
} from './index.js';

function value<T>(result: LedgerResult<T>): T {
  if (!result.ok) throw new Error(result.unmet.map((u) => u.message).join('; '));
  return result.value;
}

function code<T>(result: LedgerResult<T>): string | undefined {
  return result.ok ? undefined : result.unmet[0]?.code;
}

describe('parsing decimal quantities', () => {
  it('reads milligrams as whole hundredths', () => {
    expect(value(parseMg('12.5'))).toEqual({ unit: 'mg', hundredths: 1250 });
    expect(value(parseMg('0.05'))).toEqual({ unit: 'mg', hundredths: 5 });
    expect(value(parseMg('100'))).toEqual({ unit: 'mg', hundredths: 10_000 });
    expect(value(parseMg(' 007.10 '))).toEqual({ unit: 'mg', hundredths: 710 });
  });

  it('accepts trailing zeros beyond the resolution but never rounds other digits', () => {
    expect(value(parseMg('12.500'))).toEqual({ unit: 'mg', hundredths: 1250 });
    expect(code(parseMg('12.505'))).toBe('too_precise');
    expect(code(parseMl('0.3505'))).toBe('too_precise');
  });

  it('refuses exponents, blanks, bare points, commas and signs where none is allowed', () => {
    for (const text of ['1e3', '', ' ', '.5', '5.', '1,5', '+1', 'NaN', 'Infinity', '0x10', '12 mg']) {
      expect(code(parseMg(text)), text).toBe('invalid_decimal');
    }
    expect(code(parseMg('-1'))).toBe('invalid_decimal');
    expect(value(parseMg('-1.25', { signed: true }))).toEqual({ unit: 'mg', hundredths: -125 });
  });

  it('refuses quantities beyond the range', () => {
    expect(value(parseMg('10000000'))).toEqual({ unit: 'mg', hundredths: MAX_MG_HUNDREDTHS });
    expect(code(parseMg('10000000.01'))).toBe('quantity_out_of_range');
    expect(code(parseMg('99999999999999999999'))).toBe('quantity_out_of_range');
  });

  it('refuses a zero concentration', () => {
    expect(code(parseMgPerMl('0'))).toBe('non_positive_quantity');
    expect(value(parseMgPerMl('100'))).toEqual({ unit: 'mg/mL', hundredths: 10_000 });
  });

  it('formats with fixed places for print, or trimmed for sentences', () => {
    expect(formatMg(mgOf(1250))).toBe('12.50');
    expect(formatMg(mgOf(1250), { trim: true })).toBe('12.5');
    expect(formatMg(mgOf(5))).toBe('0.05');
    expect(formatMg(mgOf(-5))).toBe('-0.05');
    expect(formatMl(mlOf(350))).toBe('0.350');
    expect(describeQuantity(mlOf(350))).toBe('0.35 mL');
    expect(describeQuantity(mgOf(10_000))).toBe('100 mg');
  });

  it('adds 0.1 and 0.2 to exactly 0.3, unlike floating point', () => {
    expect(formatMg(addMg(value(parseMg('0.1')), value(parseMg('0.2'))))).toBe('0.30');
  });
});

describe('converting through a concentration', () => {
  const c100 = mgPerMlOf(10_000);
  const c50 = mgPerMlOf(5_000);

  it('turns 0.35 mL at 100 mg/mL into 35 mg and back', () => {
    expect(value(mlToMg(mlOf(350), c100))).toEqual(mgOf(3500));
    expect(value(mgToMl(mgOf(3500), c100))).toEqual(mlOf(350));
  });

  it('refuses a mass that is not a whole number of microlitres', () => {
    expect(code(mgToMl(mgOf(3501), c100))).toBe('inexact_conversion');
    expect(value(mgToMl(mgOf(3505), c50))).toEqual(mlOf(701));
  });

  it('refuses a volume that is not a whole number of 0.01 mg', () => {
    expect(code(mlToMg(mlOf(1), mgPerMlOf(3333)))).toBe('inexact_conversion');
  });
});

describe('quantity arithmetic properties', () => {
  const hundredths = fc.integer({ min: -MAX_MG_HUNDREDTHS, max: MAX_MG_HUNDREDTHS });
  const mass = hundredths.map(mgOf);

  it('round-trips every mass through its text', () => {
    fc.assert(
      fc.property(mass, (m) => {
        expect(value(parseMg(formatMg(m), { signed: true }))).toEqual(m);
        expect(value(parseMg(formatMg(m, { trim: true }), { signed: true }))).toEqual(m);
      }),
    );
  });

  it('reads "W.CC", "W.C" and "W.CC0" to the same hundredths integer arithmetic gives', () => {
    fc.assert(
      fc.property(fc.nat({ max: 9_999_999 }), fc.nat({ max: 99 }), (whole, cents) => {
        const padded = `${whole}.${String(cents).padStart(2, '0')}`;
        const trimmed = padded.replace(/\.?0+$/, '') || '0';
        for (const text of [padded, trimmed, `${padded}0`]) {
          expect(value(parseMg(text)).hundredths, text).toBe(whole * 100 + cents);
        }
      }),
    );
  });

  it('adds associatively and commutatively, with zero drift over long sums', () => {
    fc.assert(
      fc.property(mass, mass, mass, (a, b, c) => {
        expect(addMg(addMg(a, b), c)).toEqual(addMg(a, addMg(b, c)));
        expect(addMg(a, b)).toEqual(addMg(b, a));
        expect(subtractMg(addMg(a, b), b)).toEqual(a);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }).map(mgOf), { maxLength: 200 }), (masses) => {
        const total = sumMg(masses);
        expect(total.hundredths).toBe(masses.reduce((sum, m) => sum + m.hundredths, 0));
        expect(sumMg([...masses].reverse())).toEqual(total);
        expect(compareMg(total, mgOf(0))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('converts mL -> mg -> mL exactly whenever the first step is exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (microlitres, concentration) => {
        const c = mgPerMlOf(concentration);
        const m = mlToMg(mlOf(microlitres), c);
        expect(m.ok).toBe((microlitres * concentration) % 1000 === 0);
        if (m.ok) expect(value(mgToMl(m.value, c))).toEqual(mlOf(microlitres));
      }),
    );
  });

  it('formats scaled integers and parses them back at any scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
        const parsed = parseScaled(formatScaled(n, scale), { scale, max: 1e12, signed: true });
        expect(parsed).toEqual({ ok: true, value: n });
      }),
    );
  });
});
