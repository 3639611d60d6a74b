import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { ageInYears, isCalendarDate, parseCalendarDate, wholeMonthsBetween } from './dates.js';

function validationPath(run: () => unknown): ReadonlyArray<string | number> | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.path;
    throw error;
  }
}

describe('calendar dates', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
    expect(isCalendarDate('2026-01-05T00:00:00Z')).toBe(false);
  });

  it('names the field when a date cannot be parsed', () => {
    expect(validationPath(() => parseCalendarDate('2026-02-30', ['visit', 'date']))).toEqual(['visit', 'date']);
  });

  it('counts a month as complete only on the same day of the month', () => {
    const months = (a: string, b: string): number => wholeMonthsBetween(parseCalendarDate(a), parseCalendarDate(b));
    expect(months('2025-03-10', '2026-03-09')).toBe(11);
    expect(months('2025-03-10', '2026-03-10')).toBe(12);
    expect(months('2026-01-31', '2026-02-28')).toBe(0);
    expect(months('2026-01-31', '2026-03-01')).toBe(1);
    expect(months('2026-03-10', '2025-03-10')).toBe(-12);
    expect(months('2026-03-10', '2025-03-11')).toBe(-11);
  });
});

describe('ageInYears', () => {
  it('is 17 the day before the 18th birthday and 18 on it', () => {
    expect(ageInYears('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageInYears('2008-06-15', '2026-06-15')).toBe(18);
  });

  it('rises across a year end correctly', () => {
    expect(ageInYears('2007-12-31', '2025-12-30')).toBe(17);
    expect(ageInYears('2007-12-31', '2025-12-31')).toBe(18);
    expect(ageInYears('2008-01-01', '2025-12-31')).toBe(17);
  });

  it('gives a 29 February birthday on 1 March in common years and on 29 February in leap years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageInYears('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageInYears('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('is 0 on the day of birth', () => {
    expect(ageInYears('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('rejects a future date of birth, an impossible one, and one over 120 years ago', () => {
    expect(validationPath(() => ageInYears('2026-03-02', '2026-03-01'))).toEqual(['dateOfBirth']);
    expect(validationPath(() => ageInYears('2026-02-30', '2026-03-01'))).toEqual(['dateOfBirth']);
    expect(validationPath(() => ageInYears('1905-03-01', '2026-03-01'))).toEqual(['dateOfBirth']);
    expect(ageInYears('1906-03-01', '2026-03-01')).toBe(120);
    expect(ageInYears('1905-03-02', '2026-03-01')).toBe(120);
  });

  it('rejects an impossible clinic date', () => {
    expect(validationPath(() => ageInYears('2000-01-01', '2026-02-30'))).toEqual(['today']);
  });

  it('agrees with counting birthdays one year at a time', () => {
    const day = fc.record({ year: fc.integer({ min: 1910, max: 2026 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) });
    const iso = (d: { year: number; month: number; day: number }): string =>
      `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [born, today] = [iso(a), iso(b)];
        fc.pre(isCalendarDate(born) && isCalendarDate(today) && born <= today && b.year - a.year <= 120);
        let age = 0;
        // Step birthday by birthday; a 29 February birthday falls on 1 March in common years.
        for (let year = a.year + 1; year <= b.year; year += 1) {
          const birthday = isCalendarDate(iso({ ...a, year })) ? iso({ ...a, year }) : iso({ year, month: 3, day: 1 });
          if (birthday <= today) age += 1;
        }
        expect(ageInYears(born, today)).toBe(age);
      }),
    );
  });
});
