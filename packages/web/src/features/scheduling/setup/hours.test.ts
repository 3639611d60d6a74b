import { describe, expect, it } from 'vitest';
import { duplicateDates, fullWeek, nextDate, rangeProblems, sparseWeek, timeOffInstants, weekIsValid } from './hours';

describe('fullWeek and sparseWeek', () => {
  it('fills every day and drops empty ones again, ranges in time order', () => {
    const week = fullWeek({ monday: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }] });
    expect(week.sunday).toEqual([]);
    expect(Object.keys(week)).toHaveLength(7);
    expect(sparseWeek(week)).toEqual({ monday: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] });
  });
});

describe('rangeProblems', () => {
  it('accepts ranges that touch and a range ending at 24:00', () => {
    expect(rangeProblems([{ start: '09:00', end: '12:00' }, { start: '12:00', end: '24:00' }]).size).toBe(0);
  });

  it('refuses an end at or before the start', () => {
    expect(rangeProblems([{ start: '09:00', end: '09:00' }]).get(0)).toBe('End must be after start');
    expect(rangeProblems([{ start: '10:00', end: '09:59' }]).get(0)).toBe('End must be after start');
  });

  it('refuses a time that is not 24-hour HH:mm', () => {
    expect(rangeProblems([{ start: '9:00', end: '17:00' }]).get(0)).toMatch(/24-hour/);
    expect(rangeProblems([{ start: '09:00', end: '24:01' }]).get(0)).toMatch(/24-hour/);
  });

  it('names the later of two overlapping ranges, whatever order they were typed in', () => {
    const problems = rangeProblems([{ start: '11:59', end: '17:00' }, { start: '09:00', end: '12:00' }]);
    expect([...problems]).toEqual([[0, 'Overlaps 09:00–12:00']]);
  });
});

describe('weekIsValid', () => {
  it('refuses two exceptions on one date', () => {
    const exceptions = [{ date: '2026-12-24', ranges: [] }, { date: '2026-12-24', ranges: [{ start: '09:00', end: '12:00' }] }];
    expect(duplicateDates(exceptions)).toEqual(new Set(['2026-12-24']));
    expect(weekIsValid(fullWeek({}), exceptions)).toBe(false);
    expect(weekIsValid(fullWeek({}), exceptions.slice(0, 1))).toBe(true);
  });

  it('refuses an exception without a date', () => {
    expect(weekIsValid(fullWeek({}), [{ date: '', ranges: [] }])).toBe(false);
  });
});

describe('timeOffInstants', () => {
  it('runs whole days from local midnight to the midnight after the last day', () => {
    expect(timeOffInstants({ fromDate: '2026-12-01', toDate: '2026-12-01', wholeDays: true, fromTime: '', toTime: '' }, 'America/Chicago')).toEqual({
      start: '2026-12-01T06:00:00.000Z',
      end: '2026-12-02T06:00:00.000Z',
    });
  });

  it('gives the day the clocks go back its 25 hours', () => {
    const { start, end } = timeOffInstants({ fromDate: '2026-11-01', toDate: '2026-11-01', wholeDays: true, fromTime: '', toTime: '' }, 'America/Chicago');
    expect(Date.parse(end) - Date.parse(start)).toBe(25 * 3_600_000);
  });

  it('uses the clinic-local times when not whole days', () => {
    expect(timeOffInstants({ fromDate: '2026-07-06', toDate: '2026-07-06', wholeDays: false, fromTime: '13:00', toTime: '17:30' }, 'America/Chicago')).toEqual({
      start: '2026-07-06T18:00:00.000Z',
      end: '2026-07-06T22:30:00.000Z',
    });
  });

  it('steps over the end of a month and year', () => {
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
  });
});
