import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deaNumber, deaNumberProblem, isValidDeaNumber, ndcCode, parseNdc } from './index.js';

describe('DEA registration numbers', () => {
  it('accepts a number whose check digit matches: (d1+d3+d5) + 2(d2+d4+d6), last digit', () => {
    // 1+3+5 = 9; 2 x (2+4+6) = 24; 33 -> 3
    expect(isValidDeaNumber('AB1234563')).toBe(true);
    expect(isValidDeaNumber('BJ6125341')).toBe(true); // 6+2+3 = 11; 2 x (1+5+4) = 20; 31 -> 1
  });

  it('accepts a business registrant whose second character is 9, and lower case', () => {
    expect(isValidDeaNumber('F91234563')).toBe(true);
    expect(deaNumber.parse(' ab1234563 ')).toBe('AB1234563');
  });

  it('refuses a wrong check digit, wrong length, digits where letters go, and suffixes', () => {
    expect(deaNumberProblem('AB1234564')).toMatch(/check digit/);
    for (const text of ['AB123456', 'AB12345634', '1B1234563', 'A11234563', 'AB1234563-001AB', '', 'ABCDEFGHI']) {
      expect(isValidDeaNumber(text), text).toBe(false);
    }
    expect(deaNumber.safeParse('AB1234564').success).toBe(false);
  });

  it('validates exactly one check digit for every six digits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }), fc.integer({ min: 0, max: 9 }), (d, guess) => {
        const check = (d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10;
        expect(isValidDeaNumber(`AB${d.join('')}${guess}`)).toBe(guess === check);
      }),
    );
  });
});

describe('National Drug Codes', () => {
  it('reads each 10-digit layout and pads it to 11 digits', () => {
    expect(parseNdc('0409-2051-05')).toEqual({ label: '0409-2051-05', ndc11: '00409-2051-05' });
    expect(parseNdc('12345-678-90')).toEqual({ label: '12345-678-90', ndc11: '12345-0678-90' });
    expect(parseNdc('12345-6789-0')).toEqual({ label: '12345-6789-0', ndc11: '12345-6789-00' });
    expect(parseNdc('00409-2051-05')).toEqual({ label: '00409-2051-05', ndc11: '00409-2051-05' });
  });

  it('refuses NDCs without dashes or in other layouts', () => {
    for (const text of ['0409205105', '04092051-05', '409-2051-05', '0409-2051-005', '0409-20a1-05', '0409-2051-05-1']) {
      expect(parseNdc(text), text).toBeNull();
    }
    expect(ndcCode.safeParse('0409205105').success).toBe(false);
  });
});
