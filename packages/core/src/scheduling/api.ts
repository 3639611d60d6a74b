import { z } from 'zod';
import { text, uuid } from '../schemas/common.js';
import { staffRole } from '../roles.js';
import {
  appointmentKind,
  clinicLocalDate,
  ROOM_CAPABILITIES,
  roomCapability,
  staffRequirement,
  wallClockRange,
  wallClockTime,
  weekdayName,
} from './schemas.js';

/**
 * Request and response shapes of the scheduling API (issue #5), shared by the server and the web
 * app. Times people type are clinic-local (`date` + `time`); instants travel as ISO 8601 strings.
 */

export const APPOINTMENT_STATUSES = ['proposed', 'booked', 'arrived', 'in_progress', 'fulfilled', 'cancelled', 'no_show'] as const;
export const appointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof appointmentStatus>;

/** Why an appointment was cancelled (FHIR Appointment.cancelationReason, local codes). */
export const CANCEL_REASONS = ['patient_request', 'patient_illness', 'clinician_unavailable', 'weather', 'not_eligible', 'rescheduled', 'other'] as const;
export const cancelReason = z.enum(CANCEL_REASONS);
export type CancelReason = z.infer<typeof cancelReason>;

export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  patient_request: 'Patient asked to cancel',
  patient_illness: 'Patient unwell',
  clinician_unavailable: 'Clinician unavailable',
  weather: 'Weather or closure',
  not_eligible: 'No longer eligible',
  rescheduled: 'Rescheduled',
  other: 'Other',
};

export const ATTENDANCE = ['attended', 'no_show', 'late_cancel'] as const;
export const attendance = z.enum(ATTENDANCE);

/** Which course phase a type belongs to. */
export const appointmentPhase = z.enum(['evaluation', 'preparation', 'medicine', 'integration', 'other']);
export type AppointmentPhase = z.infer<typeof appointmentPhase>;

/** A clinic-local start: the date and wall time the front desk picked. */
export const localStart = z.strictObject({ date: clinicLocalDate, time: wallClockTime });
export type LocalStart = z.infer<typeof localStart>;

const ranges = z.array(wallClockRange).max(12);
const weekly = z.partialRecord(weekdayName, ranges);
const overrides = z.array(z.strictObject({ date: clinicLocalDate, ranges })).max(366);

// ---- Setup: hours, staff availability, types --------------------------------------------------

export const clinicHoursRequest = z.strictObject({
  weekly,
  overrides: overrides.default([]),
  holidays: z.array(clinicLocalDate).max(366).default([]),
});
export type ClinicHoursRequest = z.input<typeof clinicHoursRequest>;

export const staffAvailabilityRequest = z.strictObject({ weekly, overrides: overrides.default([]) });
export type StaffAvailabilityRequest = z.input<typeof staffAvailabilityRequest>;

export const timeOffRequest = z
  .strictObject({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }), note: text(200).nullable().default(null) })
  .refine((r) => Date.parse(r.end) > Date.parse(r.start), { message: 'End must be after start', path: ['end'] });

export const appointmentTypeRequest = z.strictObject({
  kind: appointmentKind,
  name: text(100).min(1),
  phase: appointmentPhase,
  durationMinutes: z.number().int().min(5).max(720),
  staff: z.array(staffRequirement).max(4),
  roomCapability: roomCapability.nullable(),
  bufferBeforeMinutes: z.number().int().min(0).max(240).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(240).default(0),
  telehealthAllowed: z.boolean().default(false),
  capacity: z.number().int().min(1).max(40).default(1),
  billingCodes: z.array(z.string().regex(/^[0-9A-Z]{5}$/, 'A CPT/HCPCS code is five letters or digits')).max(6).default([]),
  color: z.string().regex(/^[a-z]{3,12}$/, 'A colour name such as teal').default('blue'),
  reminderTemplate: text(2000).nullable().default(null),
  active: z.boolean().default(true),
});
export type AppointmentTypeRequest = z.input<typeof appointmentTypeRequest>;

export const appointmentTypeView = z.object({
  id: uuid,
  kind: appointmentKind,
  name: z.string(),
  phase: appointmentPhase,
  durationMinutes: z.number().int(),
  staff: z.array(z.object({ anyOf: z.array(staffRole), fromCareTeam: z.boolean() })),
  roomCapability: roomCapability.nullable(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  telehealthAllowed: z.boolean(),
  capacity: z.number().int(),
  billingCodes: z.array(z.string()),
  color: z.string(),
  reminderTemplate: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type AppointmentTypeView = z.infer<typeof appointmentTypeView>;

/** What a room is equipped with: the bookable capabilities, and equipment shown but not matched. */
export const ROOM_EQUIPMENT = [...ROOM_CAPABILITIES, 'recliner', 'monitor', 'oxygen'] as const;

export const roomRequest = z
  .strictObject({
    name: text(100).min(1),
    capabilities: z.array(z.enum(ROOM_EQUIPMENT)).min(1).max(ROOM_EQUIPMENT.length),
    capacity: z.number().int().min(1).max(100).default(1),
    active: z.boolean().default(true),
  })
  .refine((r) => r.capabilities.some((c) => (ROOM_CAPABILITIES as readonly string[]).includes(c)), {
    message: 'A room needs dosing, therapy or group to be booked',
    path: ['capabilities'],
  });
export type RoomRequest = z.input<typeof roomRequest>;

export const roomView = z.object({ id: uuid, name: z.string(), capabilities: z.array(z.string()), capacity: z.number().int(), active: z.boolean() });
export type RoomView = z.infer<typeof roomView>;

export const staffScheduleView = z.object({
  id: uuid,
  displayName: z.string(),
  roles: z.array(staffRole),
  weekly,
  overrides,
  timeOff: z.array(z.object({ id: uuid, start: z.iso.datetime(), end: z.iso.datetime(), note: z.string().nullable() })),
});
export type StaffScheduleView = z.infer<typeof staffScheduleView>;

export const schedulingSetup = z.object({
  timeZone: z.string(),
  clinicHours: z.object({ weekly, overrides, holidays: z.array(clinicLocalDate) }),
  rooms: z.array(roomView),
  appointmentTypes: z.array(appointmentTypeView),
  staff: z.array(staffScheduleView),
  policy: z.object({ slotGranularityMinutes: z.number().int(), minimumNoticeMinutes: z.number().int(), lateCancelHours: z.number().int() }),
});
export type SchedulingSetup = z.infer<typeof schedulingSetup>;

// ---- Slots -----------------------------------------------------------------------------------

const patientIds = z.array(uuid).min(1).max(40);

export const slotSearchRequest = z
  .strictObject({
    appointmentTypeId: uuid,
    patientIds,
    from: clinicLocalDate,
    to: clinicLocalDate,
    limit: z.number().int().min(1).max(100).default(10),
    /** Also return the per-day map (month view). */
    withDays: z.boolean().default(false),
    reschedulingAppointmentId: uuid.optional(),
  })
  .refine((r) => r.to >= r.from, { message: 'The search must end on or after the day it starts', path: ['to'] });
export type SlotSearchRequest = z.input<typeof slotSearchRequest>;

export const slotView = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  localDate: clinicLocalDate,
  localTime: z.string(),
  staff: z.array(z.object({ staffId: uuid, role: staffRole })),
  roomId: uuid.nullable(),
});
export type SlotView = z.infer<typeof slotView>;

export const slotSearchResponse = z.object({
  slots: z.array(slotView),
  days: z.array(z.object({ date: clinicLocalDate, count: z.number().int(), first: slotView.nullable() })).nullable(),
  /** Why there may be no medicine slots at all (a gate unmet), in clinician words. */
  unmet: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type SlotSearchResponse = z.infer<typeof slotSearchResponse>;

/** A proposed booking: what the live check (drag to reschedule) and the booking take. */
const placement = {
  start: localStart,
  staffIds: z.array(uuid).max(4),
  roomId: uuid.nullable(),
};

export const slotCheckRequest = z.strictObject({
  appointmentTypeId: uuid,
  patientIds,
  ...placement,
  reschedulingAppointmentId: uuid.optional(),
});
export type SlotCheckRequest = z.input<typeof slotCheckRequest>;

export const slotCheckResponse = z.object({
  ok: z.boolean(),
  violations: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type SlotCheckResponse = z.infer<typeof slotCheckResponse>;

// ---- Appointments -----------------------------------------------------------------------------

export const recurrence = z.strictObject({
  intervalDays: z.number().int().min(1).max(28).default(7),
  occurrences: z.number().int().min(2).max(26),
});

export const bookAppointmentRequest = z.strictObject({
  appointmentTypeId: uuid,
  patientIds,
  ...placement,
  telehealthUrl: z.url({ protocol: /^https$/ }).max(500).nullable().default(null),
  staffNotes: text(2000).nullable().default(null),
  recurrence: recurrence.optional(),
});
export type BookAppointmentRequest = z.input<typeof bookAppointmentRequest>;

export const rescheduleRequest = z.strictObject({
  ...placement,
  version: z.number().int().min(1),
  /** One occurrence, or this one and every later occurrence of its series that is not an exception. */
  scope: z.enum(['one', 'following']).default('one'),
});
export type RescheduleRequest = z.input<typeof rescheduleRequest>;

export const cancelRequest = z.strictObject({
  reason: cancelReason,
  note: text(500).nullable().default(null),
  scope: z.enum(['one', 'following']).default('one'),
});
export type CancelRequest = z.input<typeof cancelRequest>;

export const statusRequest = z.strictObject({ status: z.enum(['arrived', 'in_progress', 'fulfilled', 'no_show', 'booked']) });
export const addParticipantRequest = z.strictObject({ patientId: uuid });
export const attendanceRequest = z.strictObject({ patientId: uuid, attendance });

export const participantView = z.object({
  id: uuid,
  kind: z.enum(['patient', 'staff']),
  refId: uuid,
  /** A patient outside the caller's scope is not named. */
  name: z.string().nullable(),
  role: z.string(),
  status: z.enum(['booked', 'waitlisted', 'withdrawn']),
  attendance: attendance.nullable(),
});

export const appointmentView = z.object({
  id: uuid,
  appointmentTypeId: uuid,
  typeName: z.string(),
  kind: appointmentKind,
  color: z.string(),
  status: appointmentStatus,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  localDate: clinicLocalDate,
  localTime: z.string(),
  roomId: uuid.nullable(),
  roomName: z.string().nullable(),
  telehealthUrl: z.string().nullable(),
  staffNotes: z.string().nullable(),
  capacity: z.number().int(),
  seriesId: uuid.nullable(),
  seriesIndex: z.number().int().nullable(),
  seriesException: z.boolean(),
  cancelReason: cancelReason.nullable(),
  lateCancelFee: z.boolean(),
  version: z.number().int(),
  participants: z.array(participantView),
});
export type AppointmentView = z.infer<typeof appointmentView>;

export const bookResponse = z.object({ appointments: z.array(appointmentView) });

export const appointmentListQuery = z
  .strictObject({
    from: clinicLocalDate,
    to: clinicLocalDate,
    staffId: uuid.optional(),
    roomId: uuid.optional(),
    patientId: uuid.optional(),
    includeCancelled: z.enum(['true', 'false']).default('false'),
  })
  .refine((q) => q.to >= q.from, { message: 'The range must end on or after the day it starts', path: ['to'] });

export const appointmentParams = z.strictObject({ id: uuid });
export const appointmentTypeParams = z.strictObject({ id: uuid });
export const staffParams = z.strictObject({ id: uuid });
/** One time-off entry of one staff member (`/api/scheduling/staff/{id}/time-off/{timeOffId}/…`). */
export const timeOffParams = z.strictObject({ id: uuid, timeOffId: uuid });
export const roomParams = z.strictObject({ id: uuid });

// ---- Course planner -----------------------------------------------------------------------------

export const coursePlanRequest = z.strictObject({
  preparation: z.number().int().min(0).max(12).default(3),
  medicine: z.array(z.enum(['oral', 'im'])).max(8).default(['oral', 'im']),
  integrationsPerMedicine: z.number().int().min(1).max(3).default(1),
  until: clinicLocalDate.optional(),
});
export type CoursePlanRequestBody = z.input<typeof coursePlanRequest>;

export const proposedAppointmentView = z.object({
  step: z.enum(['preparation', 'medicine', 'integration']),
  route: z.enum(['oral', 'im']).nullable(),
  appointmentTypeId: uuid,
  typeName: z.string(),
  slot: slotView,
});
export type ProposedAppointmentView = z.infer<typeof proposedAppointmentView>;

export const coursePlanResponse = z.object({
  proposals: z.array(proposedAppointmentView),
  unplaced: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type CoursePlanResponse = z.infer<typeof coursePlanResponse>;

export const acceptPlanRequest = z.strictObject({
  proposals: z
    .array(
      z.strictObject({
        appointmentTypeId: uuid,
        start: localStart,
        staffIds: z.array(uuid).max(4),
        roomId: uuid.nullable(),
      }),
    )
    .min(1)
    .max(30),
});
export type AcceptPlanRequest = z.input<typeof acceptPlanRequest>;

// ---- Calendar feed -------------------------------------------------------------------------------

export const calendarFeedView = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  /** Shown once, when the feed is created or renewed: the token is not stored. */
  url: z.string().nullable(),
});
export type CalendarFeedView = z.infer<typeof calendarFeedView>;
