import { dayNumber, instantToLocal, startOfLocalDay, type AppointmentType, type PatientCourse, type SchedulingPolicy, type SlotQuery } from '@lantern/core';
import type { Tx } from '../../platform/db/index.js';
import { bookingsBetween, careTeamOf } from './appointments-repo.js';
import { patientCourse } from './course-state.js';
import { bookableRooms, clinicCalendarOf, roomRows, staffCalendars } from './setup-repo.js';

const MS_PER_MINUTE = 60_000;

/** Everything a slot search or a booking check reads, loaded in the caller's transaction. */
export interface SlotContextInput {
  readonly clinicId: string;
  readonly policy: SchedulingPolicy;
  readonly type: AppointmentType;
  readonly patientIds: readonly string[];
  readonly now: Date;
  /** Clinic-local dates to search, inclusive; or the clinic-local date of one instant (a check). */
  readonly range: { readonly from: string; readonly to: string } | { readonly around: number };
  readonly reschedulingBookingId?: string;
}

/**
 * Builds the engine's query: the clinic's hours, every schedulable staff member's hours and time
 * off, the rooms, the bookings holding time around the range (a day either side, for buffers), the
 * patients' care team and their course state from the course engine.
 */
export async function loadSlotQuery(tx: Tx, input: SlotContextInput): Promise<{ query: SlotQuery; zone: string; names: ReadonlyMap<string, string> }> {
  const { calendar } = await clinicCalendarOf(tx, input.clinicId);
  const zone = calendar.timeZone ?? 'America/Chicago';
  const range = 'around' in input.range ? { from: instantToLocal(input.range.around, zone).date, to: instantToLocal(input.range.around, zone).date } : input.range;
  const from = new Date(startOfLocalDay(dayNumber(range.from) - 1, zone) * MS_PER_MINUTE);
  const to = new Date(startOfLocalDay(dayNumber(range.to) + 2, zone) * MS_PER_MINUTE);
  const courses: PatientCourse[] = [];
  for (const patientId of input.patientIds) courses.push(await patientCourse(tx, input.clinicId, patientId, input.now));
  const staff = await staffCalendars(tx, input.clinicId, { from, to });
  const roomList = await roomRows(tx, input.clinicId);
  // Who and what the engine's messages name by id, in the words the front desk uses.
  const names = new Map<string, string>([...staff.map((s): [string, string] => [s.id, s.displayName]), ...roomList.map((r): [string, string] => [r.id, r.name])]);
  for (const [index, patientId] of input.patientIds.entries()) names.set(patientId, input.patientIds.length > 1 ? `patient ${index + 1}` : 'the patient');
  const query: SlotQuery = {
    clinic: calendar,
    policy: input.policy,
    appointmentType: input.type,
    staff: staff.map(({ displayName: _name, ...member }) => member),
    rooms: bookableRooms(roomList),
    bookings: await bookingsBetween(tx, input.clinicId, { from, to }),
    patientIds: input.patientIds,
    careTeam: await careTeamOf(tx, input.patientIds),
    courses,
    now: input.now.getTime(),
    range,
    ...(input.reschedulingBookingId ? { reschedulingBookingId: input.reschedulingBookingId } : {}),
  };
  return { query, zone, names };
}
