import { z } from 'zod';

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

const integrationWindow = z
  .strictObject({
    /** Earliest clinic-local day after the medicine session (0 = the same day, after it ends). */
    min: z.number().int().min(0).max(30),
    /** Latest clinic-local day after the medicine session. */
    max: z.number().int().min(0).max(60),
  })
  .refine((window) => window.max >= window.min, {
    message: 'The window must end on or after the day it starts',
    path: ['max'],
  });

/**
 * The scheduling section of the clinic policy (issue #5). Every number is a clinic decision signed
 * off by the medical director, not a standard: KAP has no official protocol for session spacing
 * (clinical.md "How to read this document", §1.5). The lead wires this into `clinicPolicy`.
 */
export const schedulingPolicy = z.strictObject({
  /** How far ahead of `now` the earliest bookable start lies, so the team can prepare. */
  minimumNoticeMinutes: z.number().int().min(0).max(20_160).default(120),
  /** How far ahead slots are offered at all. */
  bookingHorizonDays: z.number().int().min(1).max(730).default(180),
  /** Slot starts fall on this grid of clinic-local wall-clock minutes (an appointment type may override). */
  slotGranularityMinutes: slotGranularity.default(15),
  /** Minimum clinic-local calendar days between two medicine sessions (issue #4 gate `medicine_interval`). */
  medicineIntervalMinDays: z.number().int().min(0).max(90).default(7),
  /** Medicine sessions allowed in one clinic-local week. */
  maxMedicineSessionsPerWeek: z.number().int().min(1).max(7).default(1),
  /** First day of the clinic-local week used by `maxMedicineSessionsPerWeek`. */
  weekStartsOn: weekStart.default('monday'),
  /**
   * Integration is offered only inside this window of clinic-local days after the latest medicine
   * session (program.md phase 4; issue #4 suggests 1–7 days).
   */
  integrationWindowDays: integrationWindow.default({ min: 1, max: 7 }),
  /** Course planner: days between weekly preparation sessions (program.md phase 2). */
  preparationIntervalDays: z.number().int().min(1).max(30).default(7),
  /** Minutes a room stays blocked after any appointment (cleaning, oxygen and monitor check). */
  roomTurnoverMinutes: z.number().int().min(0).max(120).default(10),
});
export type SchedulingPolicy = z.infer<typeof schedulingPolicy>;

/** The scheduling policy a new clinic starts with. */
export function defaultSchedulingPolicy(): SchedulingPolicy {
  return schedulingPolicy.parse({});
}
