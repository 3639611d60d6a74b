import { z } from 'zod';

/**
 * Clinic-local calendar dates as 'YYYY-MM-DD' text. The shell works out "today" in the clinic's time
 * zone and passes it in; these rules never read a clock. Arithmetic runs on UTC midnights, where every
 * day is 24 hours long, so daylight-saving changes cannot shift a date.
 */
export type ClinicDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(date: ClinicDate): { year: number; month: number; day: number } | null {
  const match = SHAPE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in 'YYYY-MM-DD' form ('2025-02-29' is not). */
export function isClinicDate(text: string): boolean {
  return parts(text) !== null;
}

/** A clinic-local calendar date at the boundary. */
export const clinicDate = z.string().refine(isClinicDate, 'Use a calendar date as YYYY-MM-DD');

function toEpochDay(date: ClinicDate): number {
  const p = parts(date);
  if (!p) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

function fromEpochDay(epochDay: number): ClinicDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Negative, zero or positive as `a` is before, on or after `b`. 'YYYY-MM-DD' text sorts like the
 * dates it names, so this compares the text (it runs for every draw in a replay of the ledger).
 */
export function compareClinicDates(a: ClinicDate, b: ClinicDate): number {
  if (!SHAPE.test(a) || !SHAPE.test(b)) throw new RangeError(`"${SHAPE.test(a) ? b : a}" is not a YYYY-MM-DD date`);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addClinicDays(date: ClinicDate, days: number): ClinicDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function clinicDaysBetween(a: ClinicDate, b: ClinicDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** Adds calendar months, clamping to the month's last day (2024-02-29 + 24 months is 2026-02-28). */
export function addClinicMonths(date: ClinicDate, months: number): ClinicDate {
  const p = parts(date);
  if (!p) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Saturday or Sunday. */
export function isWeekendDate(date: ClinicDate): boolean {
  const weekday = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A weekday that is not one of the clinic's holidays. */
export function isBusinessDay(date: ClinicDate, holidays: ReadonlySet<ClinicDate>): boolean {
  return !isWeekendDate(date) && !holidays.has(date);
}

/**
 * The date `count` business days after `date` (skipping Saturdays, Sundays and `holidays`): one
 * business day after a Friday is the Monday, or the Tuesday when that Monday is a holiday.
 */
export function addBusinessDays(date: ClinicDate, count: number, holidays: Iterable<ClinicDate> = []): ClinicDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number of days, 0 or more');
  const closed = new Set(holidays);
  let day = toEpochDay(date);
  let remaining = count;
  while (remaining > 0) {
    day += 1;
    if (isBusinessDay(fromEpochDay(day), closed)) remaining -= 1;
  }
  return fromEpochDay(day);
}
