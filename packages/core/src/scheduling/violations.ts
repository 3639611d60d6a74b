import type { Unmet } from '../errors.js';
import { compileAvailability, expandAvailability } from './availability.js';
import { compileCourses, courseCategory, courseViolations, type CourseViolationCode } from './course-rules.js';
import { covers, intersect, normalize, overlaps, type IntervalSet } from './intervals.js';
import { MS_PER_MINUTE, MINUTES_PER_DAY, assertTimeZone, dateOfDay, dayNumber, localDayOf } from './local-time.js';
import type { ExistingBooking, ProposedSlot, SlotQuery } from './query.js';
import { roomBusyInterval, staffBusyInterval } from './search-context.js';
import { buildDayFrames, wallMinuteIn, type DayFrame } from './zone-days.js';

/** Stable codes of the constraints a slot can break (course codes match issue #4's gate codes). */
export type SlotViolationCode =
  | 'duration'
  | 'granularity'
  | 'notice'
  | 'horizon'
  | 'clinic_holiday'
  | 'clinic_closed'
  | 'staff_count'
  | 'staff_unknown'
  | 'staff_role'
  | 'staff_not_care_team'
  | 'staff_repeated'
  | 'staff_unavailable'
  | 'staff_busy'
  | 'room_missing'
  | 'room_unknown'
  | 'room_capability'
  | 'room_capacity'
  | 'room_unavailable'
  | 'room_busy'
  | 'patient_busy'
  | CourseViolationCode;

/** One broken constraint: a stable code and a message for the front desk. */
export interface SlotViolation extends Unmet {
  readonly code: SlotViolationCode;
}

/**
 * Every constraint `slot` breaks under `query`, in words a clinician understands; empty when the
 * slot may be booked. The booking service calls it again inside its transaction, and property tests
 * hold every slot `findSlots` returns to it. It checks each rule directly rather than through the
 * search's start sets, so the two can be compared.
 */
export function violations(slot: ProposedSlot, query: SlotQuery): SlotViolation[] {
  const zone = query.clinic.timeZone ?? 'America/Chicago';
  assertTimeZone(zone, ['clinic', 'timeZone']);
  const { policy, appointmentType: type } = query;
  const out: SlotViolation[] = [];
  const add = (code: SlotViolationCode, message: string): void => {
    out.push({ code, message });
  };

  const start = slot.start / MS_PER_MINUTE;
  const end = start + type.durationMinutes;
  if (slot.end !== end * MS_PER_MINUTE) add('duration', `${type.name} lasts ${type.durationMinutes} minutes`);
  const before = type.bufferBeforeMinutes ?? 0;
  const after = type.bufferAfterMinutes ?? 0;
  const startDay = localDayOf(zone, Math.floor(start));
  const frames = buildDayFrames(zone, startDay - 1, localDayOf(zone, Math.ceil(end)) + 1);
  const startFrame = frames.find((f) => f.start <= start && start < f.end) as DayFrame;

  const granularity = type.slotGranularityMinutes ?? policy.slotGranularityMinutes;
  if (!Number.isInteger(start) || wallMinuteIn(startFrame, start) % granularity !== 0) {
    add('granularity', `Start on the ${granularity}-minute grid of clinic time`);
  }
  const now = Math.ceil(query.now / MS_PER_MINUTE);
  if (start < now + policy.minimumNoticeMinutes) {
    add('notice', `Book at least ${policy.minimumNoticeMinutes} minutes ahead`);
  }
  if (start >= now + policy.bookingHorizonDays * MINUTES_PER_DAY) {
    add('horizon', `Book at most ${policy.bookingHorizonDays} days ahead`);
  }

  const holidays = new Set((query.clinic.holidays ?? []).map(dayNumber));
  const clinicOpen = expandAvailability(compileAvailability(query.clinic.hours), frames, holidays);
  if (holidays.has(startDay)) add('clinic_holiday', `The clinic is closed on ${dateOfDay(startDay)}`);
  else if (!covers(clinicOpen, start, end)) add('clinic_closed', 'The clinic is not open for the whole appointment');

  const ignore = query.reschedulingBookingId;
  const bookings = query.bookings.filter((b) => ignore === undefined || b.id !== ignore);
  checkStaff(slot, query, { start: start - before, end: end + after }, frames, bookings, add);
  checkRoom(slot, query, { start: start - before, end: end + Math.max(after, policy.roomTurnoverMinutes) }, { frames, holidays, clinicOpen }, bookings, add);

  const patients = new Set(query.patientIds);
  if (bookings.some((b) => b.patientIds.some((id) => patients.has(id)) && overlapsBooking(b, start, end))) {
    add('patient_busy', 'The patient has another appointment then');
  }
  const courses = compileCourses(query.patientIds, query.courses, zone, ignore);
  out.push(...courseViolations(courseCategory(type.kind), courses, start, startDay, policy));
  return out;
}

type Add = (code: SlotViolationCode, message: string) => void;
interface Span {
  readonly start: number;
  readonly end: number;
}

function checkStaff(
  slot: ProposedSlot,
  query: SlotQuery,
  held: Span,
  frames: readonly DayFrame[],
  bookings: readonly ExistingBooking[],
  add: Add,
): void {
  const requirements = query.appointmentType.staff;
  if (slot.staff.length !== requirements.length) {
    add('staff_count', `${query.appointmentType.name} needs ${requirements.length} staff`);
  }
  const seen = new Set<string>();
  slot.staff.forEach(({ staffId }, seat) => {
    const member = query.staff.find((s) => s.id === staffId);
    if (!member) return add('staff_unknown', `Staff ${staffId} is not on the schedule`);
    if (seen.has(staffId)) add('staff_repeated', `Staff ${staffId} cannot fill two places`);
    seen.add(staffId);
    const requirement = requirements[seat];
    if (requirement) {
      if (!requirement.anyOf.some((role) => member.roles.includes(role))) {
        add('staff_role', `Staff ${staffId} is not a ${requirement.anyOf.join(' or ')}`);
      }
      if ((requirement.fromCareTeam ?? false) && !query.careTeam.includes(staffId)) {
        add('staff_not_care_team', `Staff ${staffId} is not on the patient's care team`);
      }
    }
    const working = expandAvailability(compileAvailability(member.availability), frames);
    if (!covers(working, held.start, held.end)) add('staff_unavailable', `Staff ${staffId} is not working then`);
    const busy = normalize(bookings.filter((b) => b.staffIds.includes(staffId)).map(staffBusyInterval));
    if (overlaps(busy, held.start, held.end)) add('staff_busy', `Staff ${staffId} has another appointment then`);
  });
}

function checkRoom(
  slot: ProposedSlot,
  query: SlotQuery,
  held: Span,
  clinic: { frames: readonly DayFrame[]; holidays: ReadonlySet<number>; clinicOpen: IntervalSet },
  bookings: readonly ExistingBooking[],
  add: Add,
): void {
  const capability = query.appointmentType.roomCapability;
  if (capability === null) return;
  if (slot.roomId === null) return add('room_missing', `${query.appointmentType.name} needs a ${capability} room`);
  const room = query.rooms.find((r) => r.id === slot.roomId);
  if (!room) return add('room_unknown', `Room ${slot.roomId} does not exist`);
  if (!room.capabilities.includes(capability)) add('room_capability', `Room ${room.id} is not a ${capability} room`);
  if ((room.capacity ?? 1) < query.patientIds.length) {
    add('room_capacity', `Room ${room.id} seats ${room.capacity ?? 1}, not ${query.patientIds.length}`);
  }
  const open = room.availability
    ? intersect(expandAvailability(compileAvailability(room.availability), clinic.frames, clinic.holidays), clinic.clinicOpen)
    : clinic.clinicOpen;
  if (!covers(open, held.start, held.end)) add('room_unavailable', `Room ${room.id} is not open then`);
  const turnover = query.policy.roomTurnoverMinutes;
  const busy = normalize(bookings.filter((b) => b.roomId === room.id).map((b) => roomBusyInterval(b, turnover)));
  if (overlaps(busy, held.start, held.end)) add('room_busy', `Room ${room.id} is booked then`);
}

function overlapsBooking(booking: ExistingBooking, start: number, end: number): boolean {
  return Math.floor(booking.start / MS_PER_MINUTE) < end && Math.ceil(booking.end / MS_PER_MINUTE) > start;
}
