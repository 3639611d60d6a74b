import { ValidationError } from '../errors.js';
import { expandAvailability } from './availability.js';
import { courseAllowedStarts } from './course-rules.js';
import {
  clip,
  containsPoint,
  fittingStarts,
  intersect,
  normalize,
  subtract,
  unionAll,
  type Interval,
  type IntervalSet,
} from './intervals.js';
import { MINUTES_PER_DAY, MS_PER_MINUTE, dateOfDay, formatWallMinutes } from './local-time.js';
import type { DayAvailability, Slot, SlotQuery, SlotStaff } from './query.js';
import { buildSearchContext, type SearchContext } from './search-context.js';
import { buildDayFrames, type DayFrame, type OffsetPiece } from './zone-days.js';

/** Days searched per pass; each pass also reads one day either side for buffers and late sessions. */
const CHUNK_DAYS = 7;
/** Most slots one call returns. */
export const MAX_SLOTS = 500;

/**
 * The earliest `limit` slots for `query`, in start order, each naming its staff (one per
 * requirement) and room. Pure: `query.now` is the clock. Starts lie on the clinic-local grid
 * of the policy's granularity; see {@link violations} for the constraints every slot keeps.
 */
export function findSlots(query: SlotQuery, limit: number): Slot[] {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SLOTS) {
    throw new ValidationError(['limit'], `Ask for 1 to ${MAX_SLOTS} slots`);
  }
  const slots: Slot[] = [];
  scanSlots(buildSearchContext(query), (slot) => {
    slots.push(slot.materialize());
    return slots.length < limit;
  });
  return slots;
}

/** For each clinic-local date of `query.range`: how many slots it has and the first of them. */
export function availabilityMap(query: SlotQuery): DayAvailability[] {
  const context = buildSearchContext(query);
  const byDay = new Map<number, { count: number; first: Slot }>();
  scanSlots(context, (slot) => {
    const seen = byDay.get(slot.frame.day);
    if (seen) seen.count++;
    else byDay.set(slot.frame.day, { count: 1, first: slot.materialize() });
    return true;
  });
  const days: DayAvailability[] = [];
  for (let day = context.fromDay; day <= context.toDay; day++) {
    const seen = byDay.get(day);
    days.push({ date: dateOfDay(day), count: seen?.count ?? 0, first: seen?.first ?? null });
  }
  return days;
}

/** A slot found by the scan, turned into a `Slot` object only when the caller keeps it. */
interface FoundSlot {
  readonly start: number;
  readonly frame: DayFrame;
  materialize(): Slot;
}

/** Per-pass start sets: where the appointment may start, and for whom. */
interface PassSets {
  readonly starts: IntervalSet;
  readonly staffStarts: ReadonlyMap<string, IntervalSet>;
  readonly roomStarts: readonly IntervalSet[];
}

/**
 * Walks the search range a week at a time and calls `visit` for every valid slot in start order
 * until it returns false. Each pass turns hours, busy time and rules into sets of allowed starts
 * and intersects them, so only grid points that already fit everyone are examined.
 */
function scanSlots(context: SearchContext, visit: (slot: FoundSlot) => boolean): void {
  const frames = frameCache(context.zone);
  for (let from = context.fromDay; from <= context.toDay; from += CHUNK_DAYS) {
    const to = Math.min(from + CHUNK_DAYS - 1, context.toDay);
    const around = frames(from - 1, to + 1);
    const days = around.slice(1, -1);
    const first = days[0] as DayFrame;
    const last = days[days.length - 1] as DayFrame;
    if (first.start >= context.latestStartExclusive) return;
    const lo = Math.max(first.start, context.earliestStart);
    const hi = Math.min(last.end, context.latestStartExclusive);
    if (lo >= hi) continue;
    const sets = passSets(context, around, days, [lo, hi]);
    if (sets.starts.length === 0) continue;
    const pieces = days.flatMap((frame) => frame.pieces.map((piece) => ({ frame, piece })));
    let p = 0;
    for (const [start, end] of sets.starts) {
      while (p < pieces.length && (pieces[p] as { piece: OffsetPiece }).piece.end <= start) p++;
      for (let q = p; q < pieces.length; q++) {
        const { frame, piece } = pieces[q] as { frame: DayFrame; piece: OffsetPiece };
        if (piece.start >= end) break;
        const stop = Math.min(end, piece.end);
        for (let t = alignUp(Math.max(start, piece.start), piece.offset, context.granularity); t < stop; t += context.granularity) {
          const found = assignAt(context, sets, t, frame, piece);
          if (found && !visit(found)) return;
        }
      }
    }
  }
}

function passSets(
  context: SearchContext,
  around: readonly DayFrame[],
  days: readonly DayFrame[],
  startWindow: Interval,
): PassSets {
  const empty: PassSets = { starts: [], staffStarts: new Map(), roomStarts: [] };
  const window: Interval = [(around[0] as DayFrame).start, (around[around.length - 1] as DayFrame).end];
  const duration = context.durationMinutes;
  const clinicOpen = expandAvailability(context.clinicHours, around, context.holidays);
  let starts = intersect([startWindow], fittingStarts(clinicOpen, 0, duration));
  if (context.category !== 'other') {
    starts = intersect(starts, courseAllowedStarts(context.category, context.courses, days, context.policy));
  }
  // The patient is busy in [s, e): starts in (s - duration, e) would overlap it.
  const patientBlocks = clip(context.patientBusy, window[0] - duration, window[1]);
  starts = subtract(starts, normalize(patientBlocks.map(([s, e]): Interval => [s - duration + 1, e])));
  if (starts.length === 0) return empty;

  const roomStarts: IntervalSet[] = [];
  if (context.needsRoom) {
    for (const room of context.rooms) {
      const open = room.availability
        ? intersect(expandAvailability(room.availability, around, context.holidays), clinicOpen)
        : clinicOpen;
      const free = subtract(open, clip(room.busy, window[0], window[1]));
      roomStarts.push(fittingStarts(free, context.bufferBefore, duration + context.roomBufferAfter));
    }
    starts = intersect(starts, unionAll(roomStarts));
    if (starts.length === 0) return empty;
  }

  const staffStarts = new Map<string, IntervalSet>();
  for (const requirement of context.requirements) {
    const sets: IntervalSet[] = [];
    for (const { entry } of requirement.candidates) {
      let own = staffStarts.get(entry.id);
      if (!own) {
        const free = subtract(expandAvailability(entry.availability, around), clip(entry.busy, window[0], window[1]));
        own = fittingStarts(free, context.bufferBefore, duration + context.bufferAfter);
        staffStarts.set(entry.id, own);
      }
      sets.push(own);
    }
    starts = intersect(starts, unionAll(sets));
    if (starts.length === 0) return empty;
  }
  return { starts, staffStarts, roomStarts };
}

/**
 * The deterministic choice at start `t`: the first suitable room in order, and for each requirement
 * in turn the first free candidate not already chosen (backtracking when a later seat needs them).
 */
function assignAt(context: SearchContext, sets: PassSets, t: number, frame: DayFrame, piece: OffsetPiece): FoundSlot | null {
  let roomId: string | null = null;
  if (context.needsRoom) {
    const index = sets.roomStarts.findIndex((starts) => containsPoint(starts, t));
    if (index < 0) return null;
    roomId = (context.rooms[index] as { id: string }).id;
  }
  const chosen: SlotStaff[] = [];
  const used = new Set<string>();
  const fill = (seat: number): boolean => {
    const requirement = context.requirements[seat];
    if (!requirement) return true;
    for (const { entry, role } of requirement.candidates) {
      if (used.has(entry.id) || !containsPoint(sets.staffStarts.get(entry.id) ?? [], t)) continue;
      used.add(entry.id);
      chosen.push({ staffId: entry.id, role });
      if (fill(seat + 1)) return true;
      chosen.pop();
      used.delete(entry.id);
    }
    return false;
  };
  if (!fill(0)) return null;
  const end = t + context.durationMinutes;
  return {
    start: t,
    frame,
    materialize: (): Slot => ({
      start: t * MS_PER_MINUTE,
      end: end * MS_PER_MINUTE,
      localDate: frame.date,
      localTime: formatWallMinutes(t + piece.offset - frame.day * MINUTES_PER_DAY),
      staff: chosen,
      roomId,
    }),
  };
}

/** First start at or after `t` whose clinic-local wall clock is on the `granularity` grid. */
function alignUp(t: number, offset: number, granularity: number): number {
  const remainder = (((t + offset) % granularity) + granularity) % granularity;
  return remainder === 0 ? t : t + granularity - remainder;
}

/** Day frames are built once per day and shared by overlapping passes. */
function frameCache(zone: string): (from: number, to: number) => DayFrame[] {
  const cache = new Map<number, DayFrame>();
  return (from, to) => {
    const missing = [];
    for (let day = from; day <= to; day++) if (!cache.has(day)) missing.push(day);
    if (missing.length > 0) {
      for (const frame of buildDayFrames(zone, missing[0] as number, missing[missing.length - 1] as number)) {
        cache.set(frame.day, frame);
      }
    }
    const out: DayFrame[] = [];
    for (let day = from; day <= to; day++) out.push(cache.get(day) as DayFrame);
    return out;
  };
}
