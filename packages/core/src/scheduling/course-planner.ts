import { ValidationError, type Unmet } from '../errors.js';
import { findSlots } from './find-slots.js';
import { MS_PER_MINUTE, dayNumber, instantToLocal, startOfLocalDay } from './local-time.js';
import type { ExistingBooking, MedicineRoute, PatientCourse, Slot, SlotQuery } from './query.js';
import type { AppointmentType, LocalDate } from './schemas.js';

/** The phase a proposed appointment belongs to. */
export type CourseStep = 'preparation' | 'medicine' | 'integration';

/** What remains of a patient's plan (issue #4's treatment plan), in the order it happens. */
export interface RemainingCourse {
  /** Preparation sessions still to hold, one per policy interval (weekly by default). */
  readonly preparation: number;
  /** Medicine sessions still to hold, in order (oral first, IM later: program.md). */
  readonly medicine: readonly MedicineRoute[];
  /** Integration sessions after each medicine session (program.md: 1–3). */
  readonly integrationsPerMedicine: number;
}

/** What the planner needs: the search context of one patient, the types to book and the plan. */
export interface CoursePlanRequest {
  /** The search as for one slot, for one patient, without a type, range or cursor. */
  readonly base: Omit<SlotQuery, 'appointmentType' | 'range' | 'notBefore' | 'reschedulingBookingId'>;
  /** Last clinic-local date to plan into. */
  readonly until: LocalDate;
  readonly types: {
    readonly preparation: AppointmentType;
    readonly medicineOral: AppointmentType;
    readonly medicineIm: AppointmentType;
    readonly integration: AppointmentType;
  };
  readonly remaining: RemainingCourse;
  /** The physician allowed an IM session with no oral one before it (issue #4 override, with a reason). */
  readonly imFirstOverride?: boolean;
}

/** One tentative appointment; the booking service revalidates it when the front desk accepts. */
export interface ProposedAppointment {
  readonly step: CourseStep;
  readonly route: MedicineRoute | null;
  readonly appointmentTypeId: string;
  readonly slot: Slot;
}

/** The proposed appointments in order, and why planning stopped if it did. */
export interface CoursePlan {
  readonly proposals: readonly ProposedAppointment[];
  /** Why planning stopped early (no slot in range, gates unmet); empty when every step was placed. */
  readonly unplaced: readonly Unmet[];
}

/**
 * Proposes the rest of a course as tentative appointments, one slot search per step, each step
 * seeing the ones before it as booked: weekly preparation, then each medicine session (after the
 * last preparation, at the policy interval from the others) followed by its integration sessions
 * inside the policy window, and the next medicine session only after that integration.
 */
export function planCourse(request: CoursePlanRequest): CoursePlan {
  validatePlan(request);
  const { base, types, remaining } = request;
  const zone = base.clinic.timeZone ?? 'America/Chicago';
  const patientId = base.patientIds[0] as string;
  const proposals: ProposedAppointment[] = [];
  const bookings: ExistingBooking[] = [...base.bookings];
  let course: PatientCourse = base.courses.find((c) => c.patientId === patientId) ?? {
    patientId,
    medicineGatesOpenFrom: null,
    medicineSessions: [],
  };
  const dayAfter = (slot: Slot, days: number): number =>
    startOfLocalDay(dayNumber(slot.localDate) + days, zone) * MS_PER_MINUTE;

  const place = (step: CourseStep, type: AppointmentType, route: MedicineRoute | null, notBefore: number | undefined): Slot | null => {
    const from = instantToLocal(Math.max(base.now, notBefore ?? base.now), zone).date;
    if (from > request.until) return null;
    const query: SlotQuery = {
      ...base,
      bookings,
      courses: [...base.courses.filter((c) => c.patientId !== patientId), course],
      appointmentType: type,
      range: { from, to: request.until },
      ...(notBefore === undefined ? {} : { notBefore }),
    };
    const [slot] = findSlots(query, 1);
    if (!slot) return null;
    proposals.push({ step, route, appointmentTypeId: type.id, slot });
    bookings.push({
      id: `proposed-${proposals.length}`,
      start: slot.start,
      end: slot.end,
      staffIds: slot.staff.map((s) => s.staffId),
      roomId: slot.roomId,
      patientIds: [patientId],
      bufferBeforeMinutes: type.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: type.bufferAfterMinutes ?? 0,
    });
    return slot;
  };
  const stop = (code: string, message: string): CoursePlan => ({ proposals, unplaced: [{ code, message }] });

  let cursor: number | undefined;
  for (let i = 0; i < remaining.preparation; i++) {
    const slot = place('preparation', types.preparation, null, cursor);
    if (!slot) return stop('no_slot', `No ${types.preparation.name} slot by ${request.until} (session ${i + 1} of ${remaining.preparation})`);
    // The next one a policy interval later; medicine not before the day after the last one.
    cursor = dayAfter(slot, i + 1 < remaining.preparation ? base.policy.preparationIntervalDays : 1);
  }
  for (const [index, route] of remaining.medicine.entries()) {
    const type = route === 'oral' ? types.medicineOral : types.medicineIm;
    const medicine = place('medicine', type, route, cursor);
    if (!medicine) {
      if (course.medicineGatesOpenFrom === null) {
        return stop('medicine_gates', 'The medicine-session gates are not yet met, so no medicine session can be planned');
      }
      return stop('no_slot', `No ${type.name} slot by ${request.until} (medicine session ${index + 1})`);
    }
    course = {
      ...course,
      medicineSessions: [...course.medicineSessions, { start: medicine.start, end: medicine.end, route }],
    };
    let last = medicine;
    for (let j = 0; j < remaining.integrationsPerMedicine; j++) {
      const integration = place('integration', types.integration, null, j === 0 ? medicine.end : dayAfter(last, 1));
      if (!integration) {
        return stop('no_slot', `No ${types.integration.name} slot inside the integration window after ${medicine.localDate}`);
      }
      last = integration;
    }
    // The next medicine session waits for this one's integration (issue #4 gate `integration_done`).
    cursor = dayAfter(last, 1);
  }
  return { proposals, unplaced: [] };
}

function validatePlan(request: CoursePlanRequest): void {
  const { base, remaining } = request;
  if (base.patientIds.length !== 1) {
    throw new ValidationError(['base', 'patientIds'], 'Plan one patient at a time; joint sessions are booked per session');
  }
  if (!Number.isInteger(remaining.preparation) || remaining.preparation < 0 || remaining.preparation > 12) {
    throw new ValidationError(['remaining', 'preparation'], 'Plan 0 to 12 preparation sessions');
  }
  if (remaining.medicine.length > 8) {
    throw new ValidationError(['remaining', 'medicine'], 'Plan at most 8 medicine sessions at a time');
  }
  if (!Number.isInteger(remaining.integrationsPerMedicine) || remaining.integrationsPerMedicine < 1 || remaining.integrationsPerMedicine > 3) {
    throw new ValidationError(['remaining', 'integrationsPerMedicine'], 'Plan 1 to 3 integration sessions after each medicine session');
  }
  const patientId = base.patientIds[0];
  const history = base.courses.find((c) => c.patientId === patientId)?.medicineSessions ?? [];
  let oralBefore = history.some((s) => s.route === 'oral');
  remaining.medicine.forEach((route, index) => {
    if (route === 'im' && !oralBefore && !(request.imFirstOverride ?? false)) {
      throw new ValidationError(
        ['remaining', 'medicine', index],
        'An IM session needs an oral session before it, unless the physician overrides (oral_before_im)',
      );
    }
    if (route === 'oral') oralBefore = true;
  });
}
