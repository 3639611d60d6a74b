import { ValidationError } from '../errors.js';
import type { StaffRole } from '../roles.js';
import { compileAvailability, toMinutes, type CompiledAvailability } from './availability.js';
import { compileCourses, courseCategory, type CompiledCourse, type CourseCategory } from './course-rules.js';
import { normalize, type Interval, type IntervalSet } from './intervals.js';
import { MINUTES_PER_DAY, MS_PER_MINUTE, assertTimeZone, dayNumber } from './local-time.js';
import type { SchedulingPolicy } from './policy.js';
import type { ExistingBooking, SlotQuery } from './query.js';
import type { RoomCapability, StaffCalendar } from './schemas.js';

/** Longest search, in clinic-local days, one query may ask for. */
export const MAX_SEARCH_DAYS = 400;

/** A staff member who could fill a requirement, with their compiled hours and busy time. */
export interface StaffEntry {
  readonly id: string;
  readonly availability: CompiledAvailability;
  /** Other bookings widened by their buffers, epoch minutes. */
  readonly busy: IntervalSet;
}

/** One staff seat of the appointment and who may fill it. */
export interface RequirementSlot {
  /** Candidates in preference order: care team first (in its order), then by id. */
  readonly candidates: readonly { readonly entry: StaffEntry; readonly role: StaffRole }[];
}

/** A suitable room with its hours and busy time. */
export interface RoomEntry {
  readonly id: string;
  /** Null: open whenever the clinic is. */
  readonly availability: CompiledAvailability | null;
  readonly busy: IntervalSet;
}

/**
 * A query compiled once for the whole search: wall times parsed, busy time grouped per person and
 * room and merged, course rules turned into day numbers. Everything is in epoch minutes.
 */
export interface SearchContext {
  readonly zone: string;
  readonly policy: SchedulingPolicy;
  readonly category: CourseCategory;
  readonly durationMinutes: number;
  readonly bufferBefore: number;
  readonly bufferAfter: number;
  /** After-buffer for rooms: at least the policy's turnover time. */
  readonly roomBufferAfter: number;
  readonly granularity: number;
  readonly needsRoom: boolean;
  readonly requirements: readonly RequirementSlot[];
  /** Suitable rooms, smallest first, then by id. */
  readonly rooms: readonly RoomEntry[];
  readonly clinicHours: CompiledAvailability;
  readonly holidays: ReadonlySet<number>;
  readonly patientBusy: IntervalSet;
  readonly courses: readonly CompiledCourse[];
  /** First allowed start (notice, notBefore), epoch minutes. */
  readonly earliestStart: number;
  /** Starts must be before this (booking horizon), epoch minutes. */
  readonly latestStartExclusive: number;
  readonly fromDay: number;
  readonly toDay: number;
}

/** Validates the cross-field parts of a query and compiles it (see {@link SearchContext}). */
export function buildSearchContext(query: SlotQuery): SearchContext {
  const zone = query.clinic.timeZone ?? 'America/Chicago';
  assertTimeZone(zone, ['clinic', 'timeZone']);
  const fromDay = dayNumber(query.range.from);
  const toDay = dayNumber(query.range.to);
  if (toDay < fromDay) throw new ValidationError(['range', 'to'], 'The search must end on or after the day it starts');
  if (toDay - fromDay + 1 > MAX_SEARCH_DAYS) {
    throw new ValidationError(['range', 'to'], `Search at most ${MAX_SEARCH_DAYS} days at a time`);
  }
  const { policy, appointmentType: type } = query;
  const bufferBefore = type.bufferBeforeMinutes ?? 0;
  const bufferAfter = type.bufferAfterMinutes ?? 0;
  const ignore = query.reschedulingBookingId;
  const bookings = query.bookings.filter((b) => ignore === undefined || b.id !== ignore);

  const requirements = buildRequirements(query, bookings);
  const capacityNeeded = query.patientIds.length;
  const rooms = type.roomCapability === null ? [] : buildRooms(query, bookings, type.roomCapability, capacityNeeded);

  const patients = new Set(query.patientIds);
  const patientBusy = normalize(
    bookings.filter((b) => b.patientIds.some((id) => patients.has(id))).map((b) => toMinutes(b.start, b.end)),
  );
  const nowMinute = Math.ceil(query.now / MS_PER_MINUTE);
  const notBefore = query.notBefore === undefined ? nowMinute : Math.ceil(query.notBefore / MS_PER_MINUTE);
  return {
    zone,
    policy,
    category: courseCategory(type.kind),
    durationMinutes: type.durationMinutes,
    bufferBefore,
    bufferAfter,
    roomBufferAfter: Math.max(bufferAfter, policy.roomTurnoverMinutes),
    granularity: type.slotGranularityMinutes ?? policy.slotGranularityMinutes,
    needsRoom: type.roomCapability !== null,
    requirements,
    rooms,
    clinicHours: compileAvailability(query.clinic.hours),
    holidays: new Set((query.clinic.holidays ?? []).map(dayNumber)),
    patientBusy,
    courses: compileCourses(query.patientIds, query.courses, zone, ignore),
    earliestStart: Math.max(nowMinute + policy.minimumNoticeMinutes, notBefore),
    latestStartExclusive: nowMinute + policy.bookingHorizonDays * MINUTES_PER_DAY,
    fromDay,
    toDay,
  };
}

/** Staff busy time: each booking widened by its own buffers. */
export function staffBusyInterval(booking: ExistingBooking): Interval {
  const [start, end] = toMinutes(booking.start, booking.end);
  return [start - (booking.bufferBeforeMinutes ?? 0), end + (booking.bufferAfterMinutes ?? 0)];
}

/** Room busy time: as for staff, with at least the policy's turnover after. */
export function roomBusyInterval(booking: ExistingBooking, turnoverMinutes: number): Interval {
  const [start, end] = toMinutes(booking.start, booking.end);
  return [start - (booking.bufferBeforeMinutes ?? 0), end + Math.max(booking.bufferAfterMinutes ?? 0, turnoverMinutes)];
}

function buildRequirements(query: SlotQuery, bookings: readonly ExistingBooking[]): RequirementSlot[] {
  const careRank = new Map(query.careTeam.map((id, index) => [id, index]));
  const ordered = [...query.staff].sort((a, b) => {
    const ra = careRank.get(a.id) ?? Number.MAX_SAFE_INTEGER;
    const rb = careRank.get(b.id) ?? Number.MAX_SAFE_INTEGER;
    return ra !== rb ? ra - rb : compareIds(a.id, b.id);
  });
  const picks = query.appointmentType.staff.map((requirement) =>
    ordered.flatMap((member) => {
      if ((requirement.fromCareTeam ?? false) && !careRank.has(member.id)) return [];
      const role = requirement.anyOf.find((r) => member.roles.includes(r));
      return role === undefined ? [] : [{ member, role }];
    }),
  );
  const busy = new Map<string, Interval[]>();
  for (const list of picks) for (const { member } of list) busy.set(member.id, []);
  for (const booking of bookings) {
    for (const staffId of booking.staffIds) busy.get(staffId)?.push(staffBusyInterval(booking));
  }
  const entries = new Map<string, StaffEntry>();
  const entryFor = (member: StaffCalendar): StaffEntry => {
    let entry = entries.get(member.id);
    if (!entry) {
      entry = { id: member.id, availability: compileAvailability(member.availability), busy: normalize(busy.get(member.id) ?? []) };
      entries.set(member.id, entry);
    }
    return entry;
  };
  return picks.map((list) => ({ candidates: list.map(({ member, role }) => ({ entry: entryFor(member), role })) }));
}

function buildRooms(
  query: SlotQuery,
  bookings: readonly ExistingBooking[],
  capability: RoomCapability,
  capacityNeeded: number,
): RoomEntry[] {
  const suitable = query.rooms
    .filter((r) => r.capabilities.includes(capability) && (r.capacity ?? 1) >= capacityNeeded)
    .sort((a, b) => (a.capacity ?? 1) - (b.capacity ?? 1) || compareIds(a.id, b.id));
  const busyById = new Map<string, Interval[]>(suitable.map((r) => [r.id, []]));
  const turnover = query.policy.roomTurnoverMinutes;
  for (const booking of bookings) {
    if (booking.roomId) busyById.get(booking.roomId)?.push(roomBusyInterval(booking, turnover));
  }
  return suitable.map((r) => ({
    id: r.id,
    availability: r.availability ? compileAvailability(r.availability) : null,
    busy: normalize(busyById.get(r.id) ?? []),
  }));
}

/** Code-unit order, the same in every runtime and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
