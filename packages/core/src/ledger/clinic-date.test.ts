import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addClinicDays, addClinicMonths, clinicDate, clinicDaysBetween, compareClinicDates, isBusinessDay, isClinicDate } from './index.js';

describe('clinic-local dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isClinicDate('2024-02-29')).toBe(true);
    expect(isClinicDate('2025-02-29')).toBe(false);
    expect(isClinicDate('2025-13-01')).toBe(false);
    expect(isClinicDate('2025-6-1')).toBe(false);
    expect(isClinicDate('2025-06-01T00:00:00Z')).toBe(false);
    expect(clinicDate.safeParse('2025-04-31').success).toBe(false);
  });

  it('steps across daylight-saving changes one calendar day at a time', () => {
    // US DST began 2025-03-09 and ended 2025-11-02; date arithmetic must not notice.
    expect(addClinicDays('2025-03-08', 1)).toBe('2025-03-09');
    expect(addClinicDays('2025-03-09', 1)).toBe('2025-03-10');
    expect(addClinicDays('2025-11-01', 2)).toBe('2025-11-03');
    expect(clinicDaysBetween('2025-03-01', '2025-04-01')).toBe(31);
  });

  it('clamps months to the last day', () => {
    expect(addClinicMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addClinicMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addClinicMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addClinicMonths('2025-11-15', 2)).toBe('2026-01-15');
  });

  it('counts business days past weekends and holidays', () => {
    // 2025-06-06 is a Friday.
    expect(addBusinessDays('2025-06-06', 1)).toBe('2025-06-09');
    expect(addBusinessDays('2025-06-07', 1)).toBe('2025-06-09');
    expect(addBusinessDays('2025-06-08', 1)).toBe('2025-06-09');
    expect(addBusinessDays('2025-06-04', 1)).toBe('2025-06-05');
    // Labor Day 2025 is Monday 2025-09-01.
    expect(addBusinessDays('2025-08-29', 1, ['2025-09-01'])).toBe('2025-09-02');
    expect(addBusinessDays('2025-06-06', 0)).toBe('2025-06-06');
    expect(isBusinessDay('2025-09-01', new Set(['2025-09-01']))).toBe(false);
    expect(() => addBusinessDays('2025-06-06', -1)).toThrow(RangeError);
  });

  it('adds and subtracts days as inverses, and orders dates like their text', () => {
    const day = fc.integer({ min: 0, max: 50_000 }).map((n) => addClinicDays('1970-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        expect(addClinicDays(addClinicDays(date, n), -n)).toBe(date);
        expect(clinicDaysBetween(date, addClinicDays(date, n))).toBe(n);
        const later = addClinicDays(date, n);
        expect(compareClinicDates(later, date)).toBe(Math.sign(n));
        expect(Math.sign(later.localeCompare(date))).toBe(Math.sign(n));
      }),
    );
  });

  it('never lands a business-day deadline on a weekend or holiday', () => {
    const day = fc.integer({ min: 18_000, max: 22_000 }).map((n) => addClinicDays('1970-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 15 }), fc.array(day, { maxLength: 10 }), (date, count, holidays) => {
        const due = addBusinessDays(date, count, holidays);
        expect(isBusinessDay(due, new Set(holidays))).toBe(true);
        expect(clinicDaysBetween(date, due)).toBeGreaterThanOrEqual(count);
      }),
    );
  });
});
