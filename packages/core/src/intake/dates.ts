import { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * Calendar dates as plain 'YYYY-MM-DD' strings, compared field by field. Ages and intervals are
 * calendar facts in the clinic's zone, so the caller passes the clinic-local date (`today`) and no
 * `Date` is ever built here: `new Date('2000-02-29')` plus local-zone getters can shift a day.
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Nobody alive is older than this; an older date of birth is a typing error (e.g. 1096 for 1996). */
export const MAX_AGE_YEARS = 120;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Gregorian leap year: divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toCalendarDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date written 'YYYY-MM-DD' ('2026-02-30' and '2025-02-29' are not). */
export function isCalendarDate(value: string): boolean {
  return toCalendarDate(value) !== null;
}

/** Parses a 'YYYY-MM-DD' date, or throws a ValidationError at `path`. */
export function parseCalendarDate(value: string, path: ReadonlyArray<string | number> = []): CalendarDate {
  const date = toCalendarDate(value);
  if (!date) throw new ValidationError(path, `${value} is not a real date (use YYYY-MM-DD)`);
  return date;
}

/** A zod schema for a real calendar date, for chart and form schemas. */
export const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'Enter a real date as YYYY-MM-DD' });

/** Negative when `a` is before `b`, zero when equal, positive when after. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Whole months from `from` to `to` (negative when `to` is earlier). A month is complete on the same
 * day-of-month; from 31 January, a month is complete on 1 March, never on 28 February, so an interval
 * rule ("abstinent at least 12 months") is never met early.
 */
export function wholeMonthsBetween(from: CalendarDate, to: CalendarDate): number {
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  if (months > 0 && to.day < from.day) return months - 1;
  if (months < 0 && to.day > from.day) return months + 1;
  return months;
}

/**
 * Age in whole years on `today` (both 'YYYY-MM-DD', `today` in the clinic's zone). The age rises on
 * the birthday; someone born on 29 February turns a year older on 1 March in common years, the
 * conservative reading for a minimum-age rule (it never admits a day early).
 * Throws a ValidationError at `['dateOfBirth']` for an impossible date, a date after `today`, or an
 * age over MAX_AGE_YEARS.
 */
export function ageInYears(dateOfBirth: string, today: string): number {
  const path = ['dateOfBirth'];
  const born = parseCalendarDate(dateOfBirth, path);
  const now = parseCalendarDate(today, ['today']);
  if (compareCalendarDates(born, now) > 0) throw new ValidationError(path, 'Date of birth is in the future');
  const age = Math.floor(wholeMonthsBetween(born, now) / 12);
  if (age > MAX_AGE_YEARS) {
    throw new ValidationError(path, `Date of birth makes the person older than ${MAX_AGE_YEARS}; check the year`);
  }
  return age;
}
