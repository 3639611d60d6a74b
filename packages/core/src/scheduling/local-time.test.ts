import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { dayNumber, instantToLocal, localTimeToInstant, resolveLocalTime, weekOfDay, weekdayOfDay } from './local-time.js';
import { buildDayFrames, wallRangeInstants } from './zone-days.js';
import type { Interval } from './intervals.js';

const CHICAGO = 'America/Chicago';
const KOLKATA = 'Asia/Kolkata';
const ADELAIDE = 'Australia/Adelaide';
const iso = (ms: number): string => new Date(ms).toISOString();

describe('resolving a clinic-local wall time', () => {
  it('finds one instant on an ordinary day', () => {
    expect(resolveLocalTime('2026-03-09', '09:00', CHICAGO)).toEqual({ kind: 'exact', instant: Date.parse('2026-03-09T14:00:00Z') });
  });

  it('says 02:30 does not exist on the Chicago spring-forward day and where the jump is', () => {
    const resolved = resolveLocalTime('2026-03-08', '02:30', CHICAGO);
    expect(resolved).toEqual({
      kind: 'nonexistent',
      transition: Date.parse('2026-03-08T08:00:00Z'),
      shiftedForward: Date.parse('2026-03-08T08:30:00Z'),
    });
  });

  it('refuses to book 02:30 on the spring-forward day with a clear reason', () => {
    const attempt = (): number => localTimeToInstant('2026-03-08', '02:30', CHICAGO, ['start']);
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/does not exist in America\/Chicago/);
  });

  it('sees the repeated 01:30 on the fall-back day twice and books the first (RFC 5545)', () => {
    expect(resolveLocalTime('2026-11-01', '01:30', CHICAGO)).toEqual({
      kind: 'ambiguous',
      earlier: Date.parse('2026-11-01T06:30:00Z'),
      later: Date.parse('2026-11-01T07:30:00Z'),
    });
    expect(iso(localTimeToInstant('2026-11-01', '01:30', CHICAGO))).toBe('2026-11-01T06:30:00.000Z');
  });

  it('handles a half-hour zone without daylight saving (Kolkata, UTC+05:30)', () => {
    expect(iso(localTimeToInstant('2026-03-08', '09:00', KOLKATA))).toBe('2026-03-08T03:30:00.000Z');
    expect(instantToLocal(Date.parse('2026-03-08T03:45:00Z'), KOLKATA)).toEqual({ date: '2026-03-08', time: '09:15' });
  });

  it('handles a half-hour zone with daylight saving (Adelaide, +10:30 / +09:30)', () => {
    expect(resolveLocalTime('2026-10-04', '02:30', ADELAIDE).kind).toBe('nonexistent');
    expect(resolveLocalTime('2026-04-05', '02:30', ADELAIDE).kind).toBe('ambiguous');
    expect(iso(localTimeToInstant('2026-04-04', '09:00', ADELAIDE))).toBe('2026-04-03T22:30:00.000Z');
    expect(iso(localTimeToInstant('2026-04-05', '09:00', ADELAIDE))).toBe('2026-04-04T23:30:00.000Z');
  });

  it('reads a local date across midnight in the clinic zone, not in UTC', () => {
    // 23:30 in Chicago on 2026-03-09 is already 2026-03-10 in UTC.
    expect(instantToLocal(Date.parse('2026-03-10T04:30:00Z'), CHICAGO)).toEqual({ date: '2026-03-09', time: '23:30' });
  });
});

describe('calendar arithmetic on day numbers', () => {
  it('names weekdays and groups weeks from Monday or Sunday', () => {
    const sunday = dayNumber('2026-03-08');
    expect(weekdayOfDay(sunday)).toBe('sunday');
    expect(weekOfDay(sunday, 'monday')).toBe(weekOfDay(dayNumber('2026-03-02'), 'monday'));
    expect(weekOfDay(sunday, 'sunday')).toBe(weekOfDay(dayNumber('2026-03-14'), 'sunday'));
    expect(weekOfDay(sunday, 'sunday')).not.toBe(weekOfDay(dayNumber('2026-03-07'), 'sunday'));
  });
});

describe('day frames', () => {
  const lengths = (zone: string, from: string, to: string): number[] =>
    buildDayFrames(zone, dayNumber(from), dayNumber(to)).map((f) => f.end - f.start);

  it('gives the Chicago spring-forward day 23 hours and the fall-back day 25', () => {
    expect(lengths(CHICAGO, '2026-03-07', '2026-03-09')).toEqual([1440, 1380, 1440]);
    expect(lengths(CHICAGO, '2026-10-31', '2026-11-02')).toEqual([1440, 1500, 1440]);
  });

  it('gives Adelaide its 25- and 23-hour days and Kolkata none', () => {
    expect(lengths(ADELAIDE, '2026-04-05', '2026-04-05')).toEqual([1500]);
    expect(lengths(ADELAIDE, '2026-10-04', '2026-10-04')).toEqual([1380]);
    expect(lengths(KOLKATA, '2026-03-07', '2026-03-09')).toEqual([1440, 1440, 1440]);
  });

  it('splits a transition day into pieces at the minute the offset changes', () => {
    const [frame] = buildDayFrames(CHICAGO, dayNumber('2026-03-08'), dayNumber('2026-03-08'));
    expect(frame?.pieces.map((p) => [iso(p.start * 60_000), p.offset])).toEqual([
      ['2026-03-08T06:00:00.000Z', -360],
      ['2026-03-08T08:00:00.000Z', -300],
    ]);
  });

  it('maps a wall-clock range over the gap to the instants that exist', () => {
    const [frame] = buildDayFrames(CHICAGO, dayNumber('2026-03-08'), dayNumber('2026-03-08'));
    const out: Interval[] = [];
    wallRangeInstants(frame!, 60, 240, out); // 01:00–04:00 wall clock: two real hours
    expect(out.reduce((sum, [s, e]) => sum + e - s, 0)).toBe(120);
  });

  it('counts the repeated hour twice in a wall-clock range on the fall-back day', () => {
    const [frame] = buildDayFrames(CHICAGO, dayNumber('2026-11-01'), dayNumber('2026-11-01'));
    const out: Interval[] = [];
    wallRangeInstants(frame!, 0, 180, out); // 00:00–03:00 wall clock: four real hours
    expect(out.reduce((sum, [s, e]) => sum + e - s, 0)).toBe(240);
  });
});
