import { describe, expect, it } from 'vitest';
import { gridHours, placeInDay, shiftDate, visibleDates } from './calendar-grid';

describe('the calendar grid', () => {
  it('shows Monday to Sunday for a week and whole weeks for a month', () => {
    expect(visibleDates('week', '2026-12-03')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    const month = visibleDates('month', '2026-12-15');
    expect(month[0]).toBe('2026-11-30');
    expect(month).toHaveLength(35);
    expect(month.at(-1)).toBe('2027-01-03');
  });

  it('steps a day, a week or a month, across a year end', () => {
    expect(shiftDate('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('week', '2026-12-01', -1)).toBe('2026-11-24');
    expect(shiftDate('month', '2026-12-15', 1)).toBe('2027-01-01');
    expect(shiftDate('month', '2027-01-15', -1)).toBe('2026-12-01');
  });

  it('spans the clinic hours, whole hours either side', () => {
    expect(gridHours({ monday: [{ start: '08:30', end: '17:15' }], saturday: [{ start: '09:00', end: '13:00' }] })).toEqual({ start: 480, end: 1080 });
    expect(gridHours({})).toEqual({ start: 420, end: 1140 });
  });

  it('places a 09:00 appointment at the same height on either side of the November change', () => {
    const grid = { start: 480, end: 1080 };
    expect(placeInDay({ start: '2026-10-27T14:00:00Z', end: '2026-10-27T15:00:00Z' }, 'America/Chicago', grid)).toEqual({ date: '2026-10-27', top: 60, height: 60 });
    expect(placeInDay({ start: '2026-11-03T15:00:00Z', end: '2026-11-03T18:00:00Z' }, 'America/Chicago', grid)).toEqual({ date: '2026-11-03', top: 60, height: 180 });
  });
});
