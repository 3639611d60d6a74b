import { normalize, subtract, type Interval, type IntervalSet } from './intervals.js';
import { MS_PER_MINUTE, dayNumber, wallMinutes } from './local-time.js';
import type { WorkingHours, TimeRange, Weekday } from './schemas.js';
import { wallRangeInstants, type DayFrame } from './zone-days.js';

/** Working hours with wall times parsed to minutes and time off in epoch minutes. */
export interface CompiledAvailability {
  readonly weekly: ReadonlyMap<Weekday, readonly WallRange[]>;
  /** Day number -> ranges replacing the weekly template that day. */
  readonly overrides: ReadonlyMap<number, readonly WallRange[]>;
  readonly timeOff: IntervalSet;
}

/** Minutes after local midnight, `[from, to)`. */
export type WallRange = readonly [from: number, to: number];

/** Parses once what every day of a search reuses. */
export function compileAvailability(availability: WorkingHours): CompiledAvailability {
  const weekly = new Map<Weekday, WallRange[]>();
  for (const [weekday, ranges] of Object.entries(availability.weekly ?? {}) as [Weekday, TimeRange[] | undefined][]) {
    if (ranges) weekly.set(weekday, ranges.map(toWallRange));
  }
  const overrides = new Map<number, WallRange[]>();
  for (const override of availability.overrides ?? []) {
    const day = dayNumber(override.date);
    overrides.set(day, [...(overrides.get(day) ?? []), ...override.ranges.map(toWallRange)]);
  }
  const timeOff = normalize((availability.timeOff ?? []).map(({ start, end }) => toMinutes(start, end)));
  return { weekly, overrides, timeOff };
}

/** Busy time is widened to whole minutes: a booking ending 10:00:30 holds the 10:00 minute. */
export function toMinutes(startMs: number, endMs: number): Interval {
  return [Math.floor(startMs / MS_PER_MINUTE), Math.ceil(endMs / MS_PER_MINUTE)];
}

function toWallRange(range: TimeRange): WallRange {
  return [wallMinutes(range.start), wallMinutes(range.end)];
}

/** The wall-clock ranges in force on one frame's date: an override, else the weekly template. */
export function rangesOn(availability: CompiledAvailability, frame: DayFrame): readonly WallRange[] {
  return availability.overrides.get(frame.day) ?? availability.weekly.get(frame.weekday) ?? [];
}

/**
 * The instants covered by `availability` over `frames`, minus time off and minus any day in
 * `closedDays` (clinic holidays).
 */
export function expandAvailability(
  availability: CompiledAvailability,
  frames: readonly DayFrame[],
  closedDays?: ReadonlySet<number>,
): IntervalSet {
  const out: Interval[] = [];
  for (const frame of frames) {
    if (closedDays?.has(frame.day)) continue;
    for (const [from, to] of rangesOn(availability, frame)) wallRangeInstants(frame, from, to, out);
  }
  return subtract(normalize(out), availability.timeOff);
}
