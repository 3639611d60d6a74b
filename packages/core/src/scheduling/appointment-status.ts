import { Conflict } from '../errors.js';
import type { AppointmentStatus, CancelReason } from './api.js';

/**
 * The moves an appointment's status may make (FHIR Appointment.status, issue #5): check-in
 * (`arrived`) may be undone to `booked`; `cancelled`, `no_show` and `fulfilled` are final.
 */
const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  proposed: ['booked', 'cancelled'],
  booked: ['arrived', 'no_show', 'cancelled'],
  arrived: ['booked', 'in_progress', 'fulfilled', 'cancelled'],
  in_progress: ['fulfilled'],
  fulfilled: [],
  cancelled: [],
  no_show: [],
};

/** Whether an appointment may go from `from` to `to`. */
export function canMoveStatus(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Throws a 409 naming both statuses unless the move is allowed. */
export function assertStatusMove(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canMoveStatus(from, to)) {
    throw new Conflict(`An appointment that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}`, 'status_transition');
  }
}

/** Statuses in which an appointment holds its people and room (no one else may have them then). */
export function holdsTime(status: AppointmentStatus): boolean {
  return status === 'proposed' || status === 'booked' || status === 'arrived' || status === 'in_progress' || status === 'fulfilled';
}

/** Cancellations the patient brings about; only these can carry a late-cancel fee. */
const PATIENT_REASONS: readonly CancelReason[] = ['patient_request', 'patient_illness'];

/**
 * Whether a cancellation (or a no-show, `reason` null) flags a late-cancel fee for billing: the
 * patient's doing, inside the policy's window before the start (clinic policy `lateCancelHours`).
 */
export function lateCancelFee(input: { readonly start: number; readonly now: number; readonly reason: CancelReason | null; readonly lateCancelHours: number }): boolean {
  if (input.reason !== null && !PATIENT_REASONS.includes(input.reason)) return false;
  if (input.lateCancelHours === 0) return false;
  return input.start - input.now < input.lateCancelHours * 3_600_000;
}
