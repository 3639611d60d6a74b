import { z } from 'zod';
import { staffRole } from '../roles.js';
import { slotGranularity } from './policy.js';

/**
 * The clinic-editable shapes the slot finder reads: weekly hours, rooms, appointment types.
 * Instants are epoch milliseconds (UTC); wall-clock times are clinic-local 'HH:mm'.
 */

/** A clinic-local calendar date, `YYYY-MM-DD` (RFC 3339 full-date). */
export const clinicLocalDate = z.iso.date();
export type LocalDate = z.infer<typeof clinicLocalDate>;

/** A clinic-local wall-clock time `HH:mm`; `24:00` closes a range at the end of the day. */
export const wallClockTime = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Use a 24-hour time such as 09:00');
export type WallTime = z.infer<typeof wallClockTime>;

/** An instant as epoch milliseconds (UTC), the engine's one representation of a moment. */
export const epochMillis = z.number().int().min(0).max(8_640_000_000_000);
export type EpochMs = number;

/** A clinic-local `[start, end)` range on one day; ranges do not cross midnight (split them). */
export const wallClockRange = z
  .strictObject({ start: wallClockTime, end: wallClockTime })
  .refine((range) => range.end > range.start, { message: 'End must be after start', path: ['end'] });
export type TimeRange = z.infer<typeof wallClockRange>;

/** Weekday names as templates key them (0 = Sunday, as `Date.getUTCDay`). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const weekdayName = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdayName>;

const ranges = z.array(wallClockRange).max(12);

/** An absolute `[start, end)` stretch of time, e.g. a vacation or a room out of service. */
export const instantRange = z
  .strictObject({ start: epochMillis, end: epochMillis })
  .refine((range) => range.end > range.start, { message: 'End must be after start', path: ['end'] });
export type InstantRange = z.infer<typeof instantRange>;

/**
 * Working hours: a weekly template in the clinic's time zone, date-specific overrides that replace
 * the template for one date (an empty list = not working that date), and time off as instants.
 * A template means wall-clock time, so 09:00–17:00 stays 09:00–17:00 across daylight-saving changes.
 */
export const workingHours = z.strictObject({
  weekly: z.partialRecord(weekdayName, ranges).default({}),
  overrides: z.array(z.strictObject({ date: clinicLocalDate, ranges })).max(1000).default([]),
  timeOff: z.array(instantRange).max(1000).default([]),
});
export type WorkingHours = z.input<typeof workingHours>;

/** The clinic's own opening hours and closed dates. */
export const clinicCalendar = z.strictObject({
  /** IANA time zone of the clinic (architecture.md: default America/Chicago). */
  timeZone: z.string().min(1).max(64).default('America/Chicago'),
  hours: workingHours,
  holidays: z.array(clinicLocalDate).max(1000).default([]),
});
export type ClinicCalendar = z.input<typeof clinicCalendar>;

/** A staff member as the slot finder sees them: roles and working hours. */
export const staffCalendar = z.strictObject({
  id: z.string().min(1).max(64),
  roles: z.array(staffRole).min(1).max(7),
  availability: workingHours,
});
export type StaffCalendar = z.input<typeof staffCalendar>;

/** What a room is equipped for (issue #5): dosing = recliner, monitor and oxygen. */
export const ROOM_CAPABILITIES = ['dosing', 'therapy', 'group'] as const;
export const roomCapability = z.enum(ROOM_CAPABILITIES);
export type RoomCapability = z.infer<typeof roomCapability>;

/** A bookable room; without its own hours it is open whenever the clinic is. */
export const bookableRoom = z.strictObject({
  id: z.string().min(1).max(64),
  capabilities: z.array(roomCapability).min(1).max(3),
  /** Patients the room seats (couples and group sessions need more than one). */
  capacity: z.number().int().min(1).max(100).default(1),
  availability: workingHours.optional(),
});
export type Room = z.input<typeof bookableRoom>;

/** Appointment kinds of issue #5; the phase each belongs to follows from the kind. */
export const APPOINTMENT_KINDS = [
  'evaluation',
  'physician_exam',
  'preparation',
  'medicine_oral',
  'medicine_im',
  'integration',
  'couples_joint',
  'group',
  'follow_up',
] as const;
export const appointmentKind = z.enum(APPOINTMENT_KINDS);
export type AppointmentKind = z.infer<typeof appointmentKind>;

/** One staff seat of an appointment: someone holding any of `anyOf`, optionally from the care team. */
export const staffRequirement = z.strictObject({
  anyOf: z.array(staffRole).min(1).max(7),
  fromCareTeam: z.boolean().default(false),
});
export type StaffRequirement = z.input<typeof staffRequirement>;

/**
 * A clinic-editable appointment type (issue #5). A medicine session needs a care-team therapist plus
 * a nurse or physician to monitor, and a dosing room, for about three hours (program.md).
 */
export const appointmentType = z.strictObject({
  id: z.string().min(1).max(64),
  kind: appointmentKind,
  name: z.string().trim().min(1).max(100),
  durationMinutes: z.number().int().min(5).max(720),
  staff: z.array(staffRequirement).max(4),
  /** The room capability needed, or null for a type held without a room (telehealth). */
  roomCapability: roomCapability.nullable(),
  /** Minutes the staff and room are held before the start (setting up, reviewing the chart). */
  bufferBeforeMinutes: z.number().int().min(0).max(240).default(0),
  /** Minutes the staff and room are held after the end (notes, debrief). */
  bufferAfterMinutes: z.number().int().min(0).max(240).default(0),
  /** Overrides the policy's slot grid for this type. */
  slotGranularityMinutes: slotGranularity.optional(),
  telehealthAllowed: z.boolean().default(false),
});
export type AppointmentType = z.input<typeof appointmentType>;
