import { z } from 'zod';
import { defaultCoursePolicy, type CoursePolicy } from '../course/policy.js';

/** The day a clinic-local week starts on, for the "one medicine session a week" rule. */
export const weekStart = z.enum(['monday', 'sunday']);
export type WeekStart = z.infer<typeof weekStart>;

/** Granularities that divide a day evenly, so a slot grid is the same on every clinic-local date. */
const GRANULARITIES = [5, 10, 15, 20, 30, 60] as const;

/** Minutes between slot starts on the clinic-local wall clock. */
export const slotGranularity = z
  .number()
  .int()
  .refine((value) => (GRANULARITIES as readonly number[]).includes(value), {
    message: `Use one of ${GRANULARITIES.join(', ')} minutes`,
  });

/**
 * The scheduling section of the clinic policy (issue #5). Every number is a clinic decision signed
 * off by the medical director, not a standard: KAP has no official protocol for session spacing
 * (clinical.md "How to read this document", §1.5). How far apart medicine and integration sessions
 * fall is the course section's (one rule for the gates and the slot finder): `schedulingPolicyOf`.
 */
const schedulingSection = z.strictObject({
  /** How far ahead of `now` the earliest bookable start lies, so the team can prepare. */
  minimumNoticeMinutes: z.number().int().min(0).max(20_160).default(120),
  /** How far ahead slots are offered at all. */
  bookingHorizonDays: z.number().int().min(1).max(730).default(180),
  /** Slot starts fall on this grid of clinic-local wall-clock minutes (an appointment type may override). */
  slotGranularityMinutes: slotGranularity.default(15),
  /** Course planner: days between weekly preparation sessions (program.md phase 2). */
  preparationIntervalDays: z.number().int().min(1).max(30).default(7),
  /** Minutes a room stays blocked after any appointment (cleaning, oxygen and monitor check). */
  roomTurnoverMinutes: z.number().int().min(0).max(120).default(10),
  /** Reminder rules: a reminder this many hours before each appointment (issue #5: 72 h and 24 h). */
  reminderHoursBefore: z.array(z.number().int().min(1).max(336)).max(4).default([72, 24]),
  /** A cancellation or no-show this close to the start flags a late-cancel fee for billing. */
  lateCancelHours: z.number().int().min(0).max(168).default(24),
  /**
   * What the medicine-session reminder tells the patient to do (clinical.md §1.8, §1.9: fasting,
   * escort, no driving, what to bring). Sources disagree on the fasting window, so the clinic writes
   * these; the defaults are a starting point for the medical director to review.
   */
  medicinePreparation: z
    .array(z.string().trim().min(1).max(300))
    .max(12)
    .default([
      'Do not eat for 4 hours before your session; clear liquids are fine until 2 hours before.',
      'Arrange for an adult to drive you home; do not drive or operate machinery for 24 hours afterwards.',
      'Avoid alcohol and recreational drugs for 72 hours before and after your session.',
      'Bring comfortable clothes, an eye mask if you like, and a list of the medicines you take.',
    ]),
});
export type SchedulingSection = z.infer<typeof schedulingSection>;

/** The scheduling section of the clinic policy. */
export const schedulingPolicy = schedulingSection;

/** Keys that policies stored before the course section carry in their scheduling section. */
const MOVED_TO_COURSE: readonly string[] = ['medicineIntervalMinDays', 'maxMedicineSessionsPerWeek', 'weekStartsOn', 'integrationWindowDays'];

/**
 * A stored scheduling section without the spacing keys it carried before the course section ruled
 * them (they are read past, not migrated: a stored version is the record of what was in force).
 */
export function withoutMovedSpacing(section: unknown): unknown {
  if (!section || typeof section !== 'object' || Array.isArray(section)) return section;
  return Object.fromEntries(Object.entries(section).filter(([key]) => !MOVED_TO_COURSE.includes(key)));
}

/** How far apart medicine and integration sessions fall, in the slot finder's terms. */
export interface SessionSpacing {
  /** Minimum clinic-local calendar days between two medicine sessions (gate `medicine_interval`). */
  readonly medicineIntervalMinDays: number;
  /** Medicine sessions allowed in one clinic-local week, whose first day is `weekStartsOn`. */
  readonly maxMedicineSessionsPerWeek: number;
  readonly weekStartsOn: WeekStart;
  /** Integration is offered on these clinic-local days after the latest medicine session. */
  readonly integrationWindowDays: { readonly min: number; readonly max: number };
}

/** Everything the slot finder and the booking service read: the scheduling section and the course's spacing. */
export type SchedulingPolicy = SchedulingSection & SessionSpacing;

/** The scheduling policy in force: the scheduling section with the course section's spacing. */
export function schedulingPolicyOf(policy: { readonly scheduling: SchedulingSection; readonly course: CoursePolicy }): SchedulingPolicy {
  const { course } = policy;
  return {
    ...policy.scheduling,
    medicineIntervalMinDays: course.medicineIntervalDays,
    maxMedicineSessionsPerWeek: course.maxMedicineSessionsPerWeek,
    weekStartsOn: course.weekStartsOn,
    integrationWindowDays: { min: course.integrationWindow.minDays, max: course.integrationWindow.maxDays },
  };
}

/** The scheduling policy a new clinic starts with. */
export function defaultSchedulingPolicy(): SchedulingPolicy {
  return schedulingPolicyOf({ scheduling: schedulingSection.parse({}), course: defaultCoursePolicy() });
}
