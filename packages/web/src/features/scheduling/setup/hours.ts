import { WEEKDAYS, type ClinicHoursRequest, type Weekday } from '@lantern/core';
import { zonedWallTimeToUtc } from '../../../ui/time';

/** One clinic-local working stretch as the editors hold it ('HH:mm'). */
export interface Range {
  readonly start: string;
  readonly end: string;
}

/** A weekly template with every day present (an empty list: not working that day). */
export type Week = Record<Weekday, Range[]>;

/** A date that replaces the template: its ranges, or none for a day off. */
export interface DateException {
  readonly date: string;
  readonly ranges: Range[];
}

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  sunday: 'Sunday',
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
};

/** Monday first, as the clinic reads its week. */
export const WEEK_ORDER: readonly Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

/** The editor's week from the API's sparse one. */
export function fullWeek(weekly: Partial<Record<Weekday, readonly Range[]>>): Week {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, (weekly[day] ?? []).map((r) => ({ start: r.start, end: r.end }))])) as Week;
}

/** The API's week: days without hours left out, each day's ranges in time order. */
export function sparseWeek(week: Week): ClinicHoursRequest['weekly'] {
  const out: Partial<Record<Weekday, Range[]>> = {};
  for (const day of WEEKDAYS) {
    const ranges = [...week[day]].sort((a, b) => a.start.localeCompare(b.start));
    if (ranges.length > 0) out[day] = ranges;
  }
  return out;
}

const TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * What is wrong with one day's ranges, by index (the server refuses the same, naming the field;
 * checking here first keeps the admin from a round trip): a bad time, end not after start, overlaps.
 */
export function rangeProblems(ranges: readonly Range[]): Map<number, string> {
  const problems = new Map<number, string>();
  ranges.forEach((range, i) => {
    if (!TIME.test(range.start) || !TIME.test(range.end)) problems.set(i, 'Use a 24-hour time such as 09:00');
    else if (range.end <= range.start) problems.set(i, 'End must be after start');
  });
  const order = ranges.map((range, i) => ({ range, i })).sort((a, b) => a.range.start.localeCompare(b.range.start));
  order.forEach(({ range, i }, k) => {
    const next = order[k + 1];
    if (next && !problems.has(i) && !problems.has(next.i) && next.range.start < range.end) {
      problems.set(next.i, `Overlaps ${range.start}–${range.end}`);
    }
  });
  return problems;
}

/** Whether a whole template and its exceptions may be saved. */
export function weekIsValid(week: Week, exceptions: readonly DateException[]): boolean {
  if (WEEKDAYS.some((day) => rangeProblems(week[day]).size > 0)) return false;
  if (exceptions.some((e) => !/^\d{4}-\d{2}-\d{2}$/.test(e.date) || rangeProblems(e.ranges).size > 0)) return false;
  return duplicateDates(exceptions).size === 0;
}

/** Dates that appear more than once among the exceptions (the server takes one exception per date). */
export function duplicateDates(exceptions: readonly DateException[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const e of exceptions) {
    if (seen.has(e.date)) twice.add(e.date);
    seen.add(e.date);
  }
  return twice;
}

/** The calendar date after `date` (`YYYY-MM-DD`, no zone involved). */
export function nextDate(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}

/**
 * Time off as instants: from `fromDate` `fromTime` to `toDate` `toTime` clinic-local. Whole days
 * run from the first date's midnight to the midnight after the last date, in the clinic's zone (a
 * day across a daylight-saving change is 23 or 25 hours, as it should be).
 */
export function timeOffInstants(input: { fromDate: string; toDate: string; wholeDays: boolean; fromTime: string; toTime: string }, timeZone: string): { start: string; end: string } {
  if (input.wholeDays) {
    return { start: zonedWallTimeToUtc(`${input.fromDate}T00:00`, timeZone), end: zonedWallTimeToUtc(`${nextDate(input.toDate)}T00:00`, timeZone) };
  }
  return { start: zonedWallTimeToUtc(`${input.fromDate}T${input.fromTime}`, timeZone), end: zonedWallTimeToUtc(`${input.toDate}T${input.toTime}`, timeZone) };
}
