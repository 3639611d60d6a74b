import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { StaffRequirement, TimeRange } from '@lantern/core';
import { clinic, room } from './clinic.js';
import { appUser } from './identity.js';
import { patient } from './patients.js';

/** A PostgreSQL `tstzrange`, written and read as its text form `[start,end)`. */
const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => 'tstzrange',
});

/** A weekly template: clinic-local `HH:mm` ranges per weekday (core `workingHours.weekly`). */
export type WeeklyTemplate = Partial<Record<string, TimeRange[]>>;
/** Date-specific replacements of the template (an empty list: not working that date). */
export type DateOverrides = { date: string; ranges: TimeRange[] }[];

/**
 * The clinic's opening hours and closed dates (issue #5), in the clinic's time zone. One row per
 * clinic; a clinic without one is treated as closed until an admin sets its hours.
 */
export const clinicSchedule = pgTable('clinic_schedule', {
  clinicId: uuid('clinic_id').primaryKey().references(() => clinic.id),
  weekly: jsonb('weekly').$type<WeeklyTemplate>().notNull(),
  overrides: jsonb('overrides').$type<DateOverrides>().notNull().default([]),
  holidays: date('holidays').array().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => appUser.id),
});

/** A staff member's weekly template and date exceptions; time off is its own table. */
export const staffAvailability = pgTable('staff_availability', {
  userId: uuid('user_id').primaryKey().references(() => appUser.id),
  clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
  weekly: jsonb('weekly').$type<WeeklyTemplate>().notNull(),
  overrides: jsonb('overrides').$type<DateOverrides>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => appUser.id),
});

/** A stretch of time off (vacation, training); withdrawn rather than deleted. */
export const staffTimeOff = pgTable(
  'staff_time_off',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('staff_time_off_user_idx').on(t.userId, t.startsAt)],
);

/**
 * A clinic-editable appointment type (issue #5): duration, the staff seats it needs, the room
 * capability, buffers, telehealth, its course phase and default billing codes (for billing later).
 */
export const appointmentType = pgTable(
  'appointment_type',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    /** evaluation | physician_exam | preparation | medicine_oral | medicine_im | integration | couples_joint | group | follow_up */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** evaluation | preparation | medicine | integration | other */
    phase: text('phase').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    staff: jsonb('staff').$type<StaffRequirement[]>().notNull(),
    /** dosing | therapy | group, or null for a type held without a room. */
    roomCapability: text('room_capability'),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    telehealthAllowed: boolean('telehealth_allowed').notNull().default(false),
    /** Most patients seated (2 for couples, the group size for groups); more join the waitlist. */
    capacity: integer('capacity').notNull().default(1),
    billingCodes: text('billing_codes').array().notNull().default([]),
    /** Calendar colour (a Mantine colour name). */
    color: text('color').notNull().default('blue'),
    /** The reminder body; placeholders {name}, {type}, {date}, {time}, {clinic}, {where}. */
    reminderTemplate: text('reminder_template'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('appointment_type_clinic_idx').on(t.clinicId)],
);

/**
 * A recurring series (e.g. weekly preparation): the rule it was made from. Each occurrence is an
 * appointment row of its own, so an occurrence edited or cancelled alone (an exception) keeps its
 * own state when the rest of the series changes, and no occurrence exists only as a rule.
 */
export const appointmentSeries = pgTable('appointment_series', {
  id: uuid('id').primaryKey(),
  clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
  appointmentTypeId: uuid('appointment_type_id').notNull().references(() => appointmentType.id),
  /** Clinic-local start of the first occurrence and its wall time. */
  firstDate: date('first_date').notNull(),
  localTime: text('local_time').notNull(),
  intervalDays: integer('interval_days').notNull(),
  occurrences: integer('occurrences').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').references(() => appUser.id),
});

/**
 * An appointment (FHIR Appointment). Status: proposed, booked, arrived, in_progress, fulfilled,
 * cancelled (with a reason), no_show. Never deleted: a cancelled one stays with its reason.
 */
export const appointment = pgTable(
  'appointment',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    appointmentTypeId: uuid('appointment_type_id').notNull().references(() => appointmentType.id),
    seriesId: uuid('series_id').references(() => appointmentSeries.id),
    /** 1-based position in its series. */
    seriesIndex: integer('series_index'),
    /** Edited or cancelled on its own: an edit of "all future" leaves it as it is. */
    seriesException: boolean('series_exception').notNull().default(false),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    roomId: uuid('room_id').references(() => room.id),
    telehealthUrl: text('telehealth_url'),
    staffNotes: text('staff_notes'),
    cancelReason: text('cancel_reason'),
    cancelNote: text('cancel_note'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => appUser.id),
    /** Cancelled or missed inside the policy's late-cancel window: billing may charge a fee. */
    lateCancelFee: boolean('late_cancel_fee').notNull().default(false),
    /** The clinic policy version the booking was checked against. */
    policyVersion: integer('policy_version').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('appointment_clinic_start_idx').on(t.clinicId, t.startsAt),
    index('appointment_series_idx').on(t.seriesId, t.seriesIndex),
  ],
);

/**
 * Who takes part: staff (in the seat of the type they fill) and patients (booked or waitlisted;
 * attendance recorded per member, for groups).
 */
export const appointmentParticipant = pgTable(
  'appointment_participant',
  {
    id: uuid('id').primaryKey(),
    appointmentId: uuid('appointment_id').notNull().references(() => appointment.id),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    userId: uuid('user_id').references(() => appUser.id),
    patientId: uuid('patient_id').references(() => patient.id),
    /** For staff: the role they serve in; for patients: 'patient'. */
    role: text('role').notNull(),
    /** 0-based staff seat of the appointment type. */
    seat: integer('seat'),
    /** booked | waitlisted | withdrawn */
    status: text('status').notNull(),
    /** attended | no_show | late_cancel, once recorded. */
    attendance: text('attendance'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('appointment_participant_appt_idx').on(t.appointmentId),
    index('appointment_participant_patient_idx').on(t.patientId),
    index('appointment_participant_user_idx').on(t.userId),
    uniqueIndex('appointment_participant_patient_uq').on(t.appointmentId, t.patientId),
    uniqueIndex('appointment_participant_user_uq').on(t.appointmentId, t.userId),
  ],
);

/**
 * The time a booked appointment holds each person and room. An exclusion constraint (the
 * `scheduling_holds_exclusion` migration) refuses two overlapping holds on one resource, so no one is double-booked even when
 * requests race: the database, not the application, has the last word.
 */
export const scheduleHold = pgTable(
  'schedule_hold',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    appointmentId: uuid('appointment_id').notNull().references(() => appointment.id),
    /** staff | room | patient */
    resourceKind: text('resource_kind').notNull(),
    resourceId: uuid('resource_id').notNull(),
    during: tstzrange('during').notNull(),
  },
  (t) => [index('schedule_hold_appointment_idx').on(t.appointmentId)],
);

/** A staff member's private calendar feed: only the token's SHA-256 is stored; revoked, not deleted. */
export const calendarFeed = pgTable(
  'calendar_feed',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feed_token_uq').on(t.tokenHash), index('calendar_feed_user_idx').on(t.userId)],
);

/**
 * One reminder, claimed before it is handed to the mailer: the primary key makes a second send of
 * the same reminder for the same start impossible, whichever process or retry tries it.
 */
export const reminderDelivery = pgTable(
  'reminder_delivery',
  {
    appointmentId: uuid('appointment_id').notNull().references(() => appointment.id),
    patientId: uuid('patient_id').notNull().references(() => patient.id),
    /** Hours before the start the rule fires (72, 24…). */
    hoursBefore: integer('hours_before').notNull(),
    /** The start the reminder is for: a rescheduled appointment gets reminders for its new time. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    /** smtp | outbox | skipped */
    channel: text('channel').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.appointmentId, t.patientId, t.hoursBefore, t.startsAt] })],
);
