import { TZDate, tzOffset } from '@date-fns/tz';
import { ValidationError } from '../errors.js';
import type { WeekStart } from './policy.js';
import { WEEKDAYS, type EpochMs, type LocalDate, type Weekday } from './schemas.js';

/**
 * Clinic-local calendar arithmetic. A local date is handled as a day number (days since
 * 1970-01-01 on the calendar, not an instant), so adding days never touches a time zone.
 * Every conversion between wall clock and instants goes through @date-fns/tz.
 */

export const MINUTES_PER_DAY = 1440;
export const MS_PER_MINUTE = 60_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` date. */
export function dayNumber(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new ValidationError([], `${date} is not a date (use YYYY-MM-DD)`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.floor(ms / 86_400_000);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): LocalDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): Weekday {
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7] as Weekday;
}

/** Index of the clinic-local week holding `day`; two days share a week when the indices match. */
export function weekOfDay(day: number, startsOn: WeekStart): number {
  switch (startsOn) {
    case 'monday':
      return Math.floor((day - 4) / 7); // 1970-01-05 was a Monday
    case 'sunday':
      return Math.floor((day - 3) / 7); // 1970-01-04 was a Sunday
  }
}

/** Minutes after midnight of an `HH:mm` wall time (`24:00` is 1440). */
export function wallMinutes(time: string): number {
  const hours = Number(time.slice(0, 2));
  const minutes = Number(time.slice(3, 5));
  return hours * 60 + minutes;
}

/** `HH:mm` of minutes after midnight. */
export function formatWallMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** UTC offset of `zone` at an instant given in epoch minutes (positive east of Greenwich). */
export function offsetAt(zone: string, epochMinute: number): number {
  return tzOffset(zone, new Date(epochMinute * MS_PER_MINUTE));
}

/** Clinic-local day number of an instant given in epoch minutes. */
export function localDayOf(zone: string, epochMinute: number): number {
  return Math.floor((epochMinute + offsetAt(zone, epochMinute)) / MINUTES_PER_DAY);
}

/** Throws a ValidationError at `path` unless `zone` is a time zone the runtime knows. */
export function assertTimeZone(zone: string, path: ReadonlyArray<string | number>): void {
  if (Number.isNaN(tzOffset(zone, new Date(0)))) {
    throw new ValidationError(path, `${zone} is not a known time zone`);
  }
}

/**
 * What a clinic-local date and wall time means as an instant. On the spring-forward day a wall time
 * in the gap does not exist; on the fall-back day a time in the repeated hour happens twice.
 */
export type LocalTimeResolution =
  | { readonly kind: 'exact'; readonly instant: EpochMs }
  | { readonly kind: 'ambiguous'; readonly earlier: EpochMs; readonly later: EpochMs }
  | {
      readonly kind: 'nonexistent';
      /** The instant the clocks jump forward. */
      readonly transition: EpochMs;
      /** RFC 5545 §3.3.5 reading: the wall time taken with the offset in force before the gap. */
      readonly shiftedForward: EpochMs;
    };

/** Resolves a wall time on a clinic-local date (see {@link LocalTimeResolution}). */
export function resolveLocalTime(date: LocalDate, time: string, zone: string): LocalTimeResolution {
  const wall = dayNumber(date) * MINUTES_PER_DAY + wallMinutes(time);
  // Every instant whose wall clock reads `wall` satisfies t + offset(t) = wall; the offsets in
  // force a day either side bracket the candidates (no zone shifts by more than a day).
  const offsetBefore = offsetAt(zone, wall - MINUTES_PER_DAY);
  const offsetAfter = offsetAt(zone, wall + MINUTES_PER_DAY);
  const candidates = new Set<number>();
  for (const offset of [offsetBefore, offsetAfter]) {
    const t = wall - offset;
    if (t + offsetAt(zone, t) === wall) candidates.add(t);
  }
  const [first, second] = [...candidates].sort((a, b) => a - b);
  if (first !== undefined && second !== undefined) {
    return { kind: 'ambiguous', earlier: first * MS_PER_MINUTE, later: second * MS_PER_MINUTE };
  }
  if (first !== undefined) return { kind: 'exact', instant: first * MS_PER_MINUTE };
  // In a gap the transition lies between the two readings; find its minute by bisection.
  let lo = wall - Math.max(offsetBefore, offsetAfter);
  let hi = wall - Math.min(offsetBefore, offsetAfter);
  const offsetLo = offsetAt(zone, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === offsetLo) lo = mid;
    else hi = mid;
  }
  return {
    kind: 'nonexistent',
    transition: hi * MS_PER_MINUTE,
    shiftedForward: (wall - offsetBefore) * MS_PER_MINUTE,
  };
}

/**
 * The instant of a wall time a person asked for (a front-desk booking, a date override). A time that
 * does not exist is refused with a clear message; a repeated time means its first occurrence, as
 * RFC 5545 §3.3.5 reads DATE-TIME values.
 */
export function localTimeToInstant(
  date: LocalDate,
  time: string,
  zone: string,
  path: ReadonlyArray<string | number> = [],
): EpochMs {
  const resolved = resolveLocalTime(date, time, zone);
  switch (resolved.kind) {
    case 'exact':
      return resolved.instant;
    case 'ambiguous':
      return resolved.earlier;
    case 'nonexistent':
      throw new ValidationError(
        path,
        `${time} on ${date} does not exist in ${zone}: the clocks jump forward over it (daylight saving)`,
      );
  }
}

/** The clinic-local date and wall time of an instant. */
export function instantToLocal(instant: EpochMs, zone: string): { date: LocalDate; time: string } {
  const minute = Math.floor(instant / MS_PER_MINUTE);
  const wall = minute + offsetAt(zone, minute);
  const day = Math.floor(wall / MINUTES_PER_DAY);
  return { date: dateOfDay(day), time: formatWallMinutes(wall - day * MINUTES_PER_DAY) };
}

/** First instant (epoch minutes) of a clinic-local date, via TZDate so a missing midnight is handled. */
export function startOfLocalDay(day: number, zone: string): number {
  const date = new Date(day * 86_400_000);
  const start = new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), zone);
  return Math.round(start.getTime() / MS_PER_MINUTE);
}
