import type { StaffRole } from '../roles.js';
import type { SchedulingPolicy } from './policy.js';
import type {
  AppointmentType,
  ClinicCalendar,
  EpochMs,
  LocalDate,
  Room,
  StaffCalendar,
} from './schemas.js';

/**
 * The inputs and outputs of slot finding. The server loads these (busy times, the course state
 * from the course engine of issue #4) and passes them in; the engine does no I/O and reads no clock.
 */

/** An appointment already on the books, with everyone and everything it holds. */
export interface ExistingBooking {
  readonly id: string;
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly staffIds: readonly string[];
  readonly roomId?: string | null;
  readonly patientIds: readonly string[];
  /** The booking's own buffers: its staff and room are held this long before and after it. */
  readonly bufferBeforeMinutes?: number;
  readonly bufferAfterMinutes?: number;
}

/** How the medicine is given (program.md): oral first, intramuscular later. */
export type MedicineRoute = 'oral' | 'im';

/** A medicine session held or booked (not cancelled) for the patient. */
export interface MedicineSessionRecord {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly route: MedicineRoute;
  /** The booking it comes from, so rescheduling that booking ignores it. */
  readonly bookingId?: string;
}

/** What scheduling needs to know of one patient's course (issue #4 computes it). */
export interface PatientCourse {
  readonly patientId: string;
  /**
   * Earliest instant a medicine session may start because its gates pass (eligibility, preparation,
   * consent, readiness); null while a gate is unmet, which means no medicine slots at all.
   */
  readonly medicineGatesOpenFrom: EpochMs | null;
  readonly medicineSessions: readonly MedicineSessionRecord[];
}

/** Everything one slot search reads. */
export interface SlotQuery {
  readonly clinic: ClinicCalendar;
  readonly policy: SchedulingPolicy;
  readonly appointmentType: AppointmentType;
  readonly staff: readonly StaffCalendar[];
  readonly rooms: readonly Room[];
  readonly bookings: readonly ExistingBooking[];
  /** The patient(s) to be seen: one, a couple, or a group. */
  readonly patientIds: readonly string[];
  /** Staff ids of the patients' care team in order of preference (primary therapist first). */
  readonly careTeam: readonly string[];
  readonly courses: readonly PatientCourse[];
  /** The clock, passed in (frozen in tests). */
  readonly now: EpochMs;
  /** Clinic-local dates to search, inclusive. */
  readonly range: { readonly from: LocalDate; readonly to: LocalDate };
  /** No slot starts before this instant (the course planner's cursor). */
  readonly notBefore?: EpochMs;
  /** A booking being moved: it neither blocks its own slot nor counts in course rules. */
  readonly reschedulingBookingId?: string;
}

/** A staff member filling one staff requirement of the appointment type. */
export interface SlotStaff {
  readonly staffId: string;
  /** The role they serve in (the first of the requirement's roles they hold). */
  readonly role: StaffRole;
}

/** A bookable slot: when, who (one per requirement, in the type's order) and where. */
export interface Slot {
  readonly start: EpochMs;
  readonly end: EpochMs;
  /** Clinic-local date and wall time of the start. */
  readonly localDate: LocalDate;
  readonly localTime: string;
  readonly staff: readonly SlotStaff[];
  readonly roomId: string | null;
}

/** A slot to check: the booking service revalidates what the front desk picked. */
export interface ProposedSlot {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly staff: readonly { readonly staffId: string }[];
  readonly roomId: string | null;
}

/** Slots on one clinic-local date, for a month view. */
export interface DayAvailability {
  readonly date: LocalDate;
  readonly count: number;
  readonly first: Slot | null;
}
