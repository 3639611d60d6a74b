import type { Interval } from './intervals.js';
import { MINUTES_PER_DAY, dateOfDay, offsetAt, startOfLocalDay, weekdayOfDay } from './local-time.js';
import type { LocalDate, Weekday } from './schemas.js';

/** A stretch of a day with one UTC offset, in epoch minutes. */
export interface OffsetPiece {
  readonly start: number;
  readonly end: number;
  /** Minutes east of UTC. */
  readonly offset: number;
}

/**
 * One clinic-local date as instants: `[start, end)` in epoch minutes (1380 minutes long on a
 * spring-forward day, 1500 on a fall-back day) and its constant-offset pieces. Frames are built
 * once per day, so converting wall-clock ranges is arithmetic, never a per-slot date object.
 */
export interface DayFrame {
  readonly day: number;
  readonly date: LocalDate;
  readonly weekday: Weekday;
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly OffsetPiece[];
}

/**
 * Frames for the clinic-local days `fromDay..toDay` inclusive. Midnights come from TZDate; on an
 * ordinary day (same offset 24 hours later) the next midnight is simply 1440 minutes on, which one
 * offset lookup confirms, so a long range costs one lookup per day.
 */
export function buildDayFrames(zone: string, fromDay: number, toDay: number): DayFrame[] {
  const frames: DayFrame[] = [];
  let start = startOfLocalDay(fromDay, zone);
  let startOffset = offsetAt(zone, start);
  for (let day = fromDay; day <= toDay; day++) {
    const plain = start + MINUTES_PER_DAY;
    const plainOffset = offsetAt(zone, plain);
    let end = plain;
    let pieces: OffsetPiece[] = [{ start, end, offset: startOffset }];
    if (plainOffset !== startOffset) {
      end = startOfLocalDay(day + 1, zone);
      pieces = offsetPieces(zone, start, end);
    }
    frames.push({ day, date: dateOfDay(day), weekday: weekdayOfDay(day), start, end, pieces });
    start = end;
    startOffset = end === plain ? plainOffset : offsetAt(zone, end);
  }
  return frames;
}

/** Splits `[start, end)` where the zone's offset changes, found to the minute by bisection. */
function offsetPieces(zone: string, start: number, end: number): OffsetPiece[] {
  const first = offsetAt(zone, start);
  const last = offsetAt(zone, end - 1);
  if (first === last) return [{ start, end, offset: first }];
  let lo = start;
  let hi = end - 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === first) lo = mid;
    else hi = mid;
  }
  return [
    { start, end: hi, offset: first },
    { start: hi, end, offset: last },
  ];
}

/**
 * The instants of `frame` whose wall clock reads inside `[fromMinute, toMinute)` (minutes after
 * local midnight). On a spring-forward day the skipped wall times hold no instants; on a fall-back
 * day the repeated hour counts twice, because both occurrences read inside the range.
 */
export function wallRangeInstants(frame: DayFrame, fromMinute: number, toMinute: number, out: Interval[]): void {
  const midnight = frame.day * MINUTES_PER_DAY;
  for (const piece of frame.pieces) {
    const start = Math.max(piece.start, midnight + fromMinute - piece.offset);
    const end = Math.min(piece.end, midnight + toMinute - piece.offset);
    if (end > start) out.push([start, end]);
  }
}

/** Wall-clock minutes after local midnight of an instant inside `frame`. */
export function wallMinuteIn(frame: DayFrame, epochMinute: number): number {
  return epochMinute + pieceAt(frame, epochMinute).offset - frame.day * MINUTES_PER_DAY;
}

/** The offset piece of `frame` holding `epochMinute` (the last piece when past the end). */
export function pieceAt(frame: DayFrame, epochMinute: number): OffsetPiece {
  for (const piece of frame.pieces) {
    if (epochMinute < piece.end) return piece;
  }
  return frame.pieces[frame.pieces.length - 1] as OffsetPiece;
}
