import { z } from 'zod';

const range = (min: number, max: number) =>
  z
    .strictObject({ min: z.number().int().min(0).max(20), max: z.number().int().min(0).max(20) })
    .refine((r) => r.max >= r.min, { message: 'The maximum cannot be below the minimum', path: ['max'] })
    .default({ min, max });

const integrationWindow = z
  .strictObject({
    /** First clinic-local day after the medicine session on which integration is due (0 = the same day). */
    minDays: z.number().int().min(0).max(30),
    /** Last clinic-local day after the medicine session; integration not signed by its end is overdue. */
    maxDays: z.number().int().min(0).max(60),
  })
  .refine((w) => w.maxDays >= w.minDays, { message: 'The window must end on or after the day it starts', path: ['maxDays'] });

/**
 * The course section of the clinic policy (issue #4). KAP has no official protocol for the number of
 * sessions or their spacing (clinical.md, "How to read this document"): every number here is the
 * clinic's decision, signed off by the medical director, and every gate decision records the policy
 * version it used.
 */
export const coursePolicy = z.strictObject({
  /** Signed preparation sessions needed before the first medicine session (program.md phase 2: usually 3–4). */
  minPrepSessions: z.number().int().min(0).max(20).default(3),
  /** Minimum clinic-local calendar days between two medicine sessions (gate `medicine_interval`). */
  medicineIntervalDays: z.number().int().min(0).max(90).default(7),
  /** Medicine sessions allowed in one clinic-local week (gate `medicine_same_week`). */
  maxMedicineSessionsPerWeek: z.number().int().min(1).max(7).default(1),
  /** The day a clinic-local week starts on, for `maxMedicineSessionsPerWeek`. */
  weekStartsOn: z.enum(['monday', 'sunday']).default('monday'),
  /** Integration after each medicine session: due from `minDays`, overdue after `maxDays` (clinic-local days). */
  integrationWindow: integrationWindow.default({ minDays: 1, maxDays: 7 }),
  /** Planned session counts per phase a new plan starts from (program.md's phase table). */
  plannedCounts: z
    .strictObject({
      evaluationTherapist: z.number().int().min(0).max(5).default(1),
      evaluationPhysician: z.number().int().min(0).max(5).default(1),
      preparation: range(3, 4),
      medicine: range(2, 4),
      /** Per medicine session. */
      integrationPerMedicine: range(1, 3),
    })
    .default(() => ({
      evaluationTherapist: 1,
      evaluationPhysician: 1,
      preparation: { min: 3, max: 4 },
      medicine: { min: 2, max: 4 },
      integrationPerMedicine: { min: 1, max: 3 },
    })),
  /** Session notes that need a physician's co-signature after the author signs. */
  cosignNoteKinds: z.array(z.enum(['preparation', 'integration', 'medicine', 'couples', 'group', 'follow_up'])).default(['medicine']),
});
export type CoursePolicy = z.infer<typeof coursePolicy>;

export function defaultCoursePolicy(): CoursePolicy {
  return coursePolicy.parse({});
}
