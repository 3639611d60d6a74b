import type { StaffRole } from '../roles.js';
import { defaultAppointmentTypes } from './appointment-types.js';
import { localTimeToInstant } from './local-time.js';
import { defaultSchedulingPolicy, type SchedulingPolicy } from './policy.js';
import type { ExistingBooking, SlotQuery } from './query.js';
import type { WorkingHours, LocalDate, StaffCalendar, Weekday } from './schemas.js';

/**
 * Typed factories for slot-finder tests (not exported from the package). A small clinic in
 * America/Chicago with a frozen clock; every helper takes overrides so a test states only what matters.
 */

export const CHICAGO = 'America/Chicago';
export const WEEKDAYS_MON_FRI: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
export const EVERY_DAY: readonly Weekday[] = ['sunday', ...WEEKDAYS_MON_FRI, 'saturday'];

/** The same wall-clock hours on each of `days`. */
export function weeklyHours(start: string, end: string, days: readonly Weekday[] = WEEKDAYS_MON_FRI): WorkingHours {
  return { weekly: Object.fromEntries(days.map((day) => [day, [{ start, end }]])) };
}

export function staffMember(id: string, roles: StaffRole[], availability: WorkingHours = weeklyHours('08:00', '18:00')): StaffCalendar {
  return { id, roles, availability };
}

/** An instant from a clinic-local date and wall time. */
export function at(date: LocalDate, time: string, zone: string = CHICAGO): number {
  return localTimeToInstant(date, time, zone);
}

let bookingSeq = 0;
/** A booking on the clinic clock; staff, room and patients as given. */
export function booking(
  date: LocalDate,
  start: string,
  end: string,
  who: { staffIds?: string[]; roomId?: string | null; patientIds?: string[]; before?: number; after?: number; zone?: string },
): ExistingBooking {
  bookingSeq++;
  return {
    id: `b-${bookingSeq}`,
    start: at(date, start, who.zone),
    end: at(date, end, who.zone),
    staffIds: who.staffIds ?? [],
    roomId: who.roomId ?? null,
    patientIds: who.patientIds ?? [],
    bufferBeforeMinutes: who.before ?? 0,
    bufferAfterMinutes: who.after ?? 0,
  };
}

/** Policy with defaults, no notice and no room turnover unless a test asks. */
export function testPolicy(overrides: Partial<SchedulingPolicy> = {}): SchedulingPolicy {
  return { ...defaultSchedulingPolicy(), minimumNoticeMinutes: 0, roomTurnoverMinutes: 0, ...overrides };
}

/**
 * A preparation search for patient `pat-1` on Monday 2026-03-02 at 07:00 Chicago: clinic open
 * Mon–Sat 08:00–18:00; therapists `ther-a` (care team) and `ther-b`, nurse `nurse-a`, physician
 * `phys-a`; dosing room `dose-1`, therapy room `talk-1`; no bookings.
 */
export function slotQuery(overrides: Partial<SlotQuery> = {}): SlotQuery {
  const types = defaultAppointmentTypes();
  return {
    clinic: { timeZone: CHICAGO, hours: weeklyHours('08:00', '18:00', [...WEEKDAYS_MON_FRI, 'saturday']), holidays: [] },
    policy: testPolicy(),
    appointmentType: types.preparation,
    staff: [
      staffMember('ther-a', ['therapist']),
      staffMember('ther-b', ['therapist']),
      staffMember('nurse-a', ['nurse']),
      staffMember('phys-a', ['physician']),
    ],
    rooms: [
      { id: 'dose-1', capabilities: ['dosing'], capacity: 1 },
      { id: 'talk-1', capabilities: ['therapy'], capacity: 2 },
    ],
    bookings: [],
    patientIds: ['pat-1'],
    careTeam: ['ther-a'],
    courses: [{ patientId: 'pat-1', medicineGatesOpenFrom: at('2026-03-02', '00:00'), medicineSessions: [] }],
    now: at('2026-03-02', '07:00'),
    range: { from: '2026-03-02', to: '2026-03-08' },
    ...overrides,
  };
}
