/**
 * Slot finding for Lantern (issue #5): pure functions of the clinic's hours, bookings, course state,
 * policy and `now`. The booking service loads inputs and revalidates with `violations` on booking.
 */
export * from './policy.js';
export * from './schemas.js';
export * from './query.js';
export * from './api.js';
export {
  resolveLocalTime,
  localTimeToInstant,
  instantToLocal,
  dayNumber,
  dateOfDay,
  startOfLocalDay,
  type LocalTimeResolution,
} from './local-time.js';
export { findSlots, availabilityMap, MAX_SLOTS } from './find-slots.js';
export { violations, type SlotViolation, type SlotViolationCode } from './violations.js';
export { courseCategory, type CourseCategory, type CourseViolation, type CourseViolationCode } from './course-rules.js';
export {
  planCourse,
  type CoursePlan,
  type CoursePlanRequest,
  type CourseStep,
  type ProposedAppointment,
  type RemainingCourse,
} from './course-planner.js';
export { defaultAppointmentTypes } from './appointment-types.js';
export { assertStatusMove, canMoveStatus, holdsTime, lateCancelFee } from './appointment-status.js';
export { reminderMessage, type ReminderInput } from './reminder-message.js';
export { mayEditStaffHours, type StaffHoursActor } from './staff-hours-access.js';
