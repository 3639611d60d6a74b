import { z } from 'zod';
import { text, uuid } from '../schemas/common.js';
import { CYCLE_DECISIONS, COURSE_MODALITIES, PHASES, SAFETY_FLAG_KINDS, SESSION_FORMATS, SESSION_KINDS } from './model.js';
import { SESSION_NOTE_KINDS } from './templates.js';

/** Request and response schemas of the course engine's API (issue #4). */

const unmetView = z.object({ code: z.string(), message: z.string() });
const person = z.object({ userId: uuid, displayName: z.string() });
const focusSlug = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use lower-case letters, digits and _ (e.g. grief)');
/** Bounds of one planned count: the same as the clinic policy's ranges (policy.ts). */
export const PLANNED_COUNT_MAX = 20;
const count = z
  .number({ error: 'Enter a whole number' })
  .int('Use a whole number')
  .min(0, 'Cannot be negative')
  .max(PLANNED_COUNT_MAX, `At most ${PLANNED_COUNT_MAX}`);
const countRange = z
  .strictObject({ min: count, max: count })
  .refine((r) => r.max >= r.min, { message: 'The maximum cannot be below the minimum', path: ['max'] });

export const plannedCounts = z.strictObject({
  evaluationTherapist: count,
  evaluationPhysician: count,
  preparation: countRange,
  medicine: countRange,
  integrationPerMedicine: countRange,
});
export type PlannedCounts = z.infer<typeof plannedCounts>;

/** What a new plan starts from: the clinic policy's planned counts (the new-plan form's defaults). */
export const planDefaultsView = z.object({ plannedCounts, policyVersion: z.number().int() });
export type PlanDefaultsView = z.infer<typeof planDefaultsView>;

/** The content of a plan revision (the CarePlan body). */
export const planContent = z.strictObject({
  /** ICD-10-CM codes from the chart's diagnoses. */
  targetConditions: z.array(z.string().trim().min(3).max(10)).max(20),
  goals: z.array(text(500).min(1)).max(20),
  /** The patient's intentions, written with the therapist during preparation. */
  intentions: text(4000),
  careTeam: z.array(uuid).max(20),
  /** Omitted: the policy's defaults. */
  plannedCounts: plannedCounts.optional(),
});
export type PlanContent = z.infer<typeof planContent>;

export const createPlanRequest = z.strictObject({
  modality: z.enum(COURSE_MODALITIES),
  focus: focusSlug,
  title: text(120).min(1, 'Name the plan'),
  patientIds: z.array(uuid).min(1).max(30),
  /** Groups only: how many members the cohort takes. */
  capacity: z.number().int().min(2).max(30).optional(),
  facilitators: z.array(uuid).max(6).optional(),
  content: planContent,
});
export type CreatePlanRequest = z.infer<typeof createPlanRequest>;

export const reviseRequest = z.strictObject({ content: planContent });
export const addMemberRequest = z.strictObject({ patientId: uuid });
export const acknowledgeRequest = z.strictObject({ patientId: uuid, typedName: text(200).min(2, 'Type the full name') });

export const recordSessionRequest = z.strictObject({
  kind: z.enum(SESSION_KINDS),
  format: z.enum(SESSION_FORMATS),
  heldAt: z.iso.datetime({ offset: true }),
  route: z.enum(['oral', 'im']).optional(),
  /** Patients present; for an individual session exactly one. */
  attendees: z.array(uuid).min(1).max(30),
  appointmentId: uuid.optional(),
  /** Joint or group sessions: also start a shared summary note. */
  sharedSummary: z.boolean().optional(),
});
export type RecordSessionRequest = z.infer<typeof recordSessionRequest>;

export const reasonRequest = z.strictObject({ reason: text(1000).min(5, 'Give a reason') });
export const prepMinimumRequest = z.strictObject({ minimum: z.number().int().min(0).max(20), reason: text(1000).min(5, 'Give a reason') });
export const cycleDecisionRequest = z.strictObject({ decision: z.enum(CYCLE_DECISIONS), note: text(2000).optional() });
export const safetyFlagRequest = z.strictObject({ kind: z.enum(SAFETY_FLAG_KINDS) });
export const medicineCheckQuery = z.strictObject({ at: z.iso.datetime({ offset: true }), route: z.enum(['oral', 'im']) });

export const sessionNoteContent = z.strictObject({
  fields: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), text(10_000)).refine((r) => Object.keys(r).length <= 40, 'Too many fields'),
  text: text(20_000),
});
export type SessionNoteContent = z.infer<typeof sessionNoteContent>;

export const updateSessionNoteRequest = z.strictObject({ version: z.number().int().min(1), content: sessionNoteContent, private: z.boolean().optional() });
export const signSessionNoteRequest = z.strictObject({ version: z.number().int().min(1) });

export const templateFieldView = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
export const templateView = z.object({ kind: z.enum(SESSION_NOTE_KINDS), title: z.string(), version: z.number().int(), fields: z.array(templateFieldView) });
export const saveTemplateRequest = z.strictObject({
  fields: z
    .array(z.strictObject({ key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), label: text(200).min(1), required: z.boolean() }))
    .min(1)
    .max(40),
});

export const sessionNoteView = z.object({
  id: uuid,
  sessionId: uuid,
  patientId: uuid.nullable(),
  kind: z.enum(SESSION_NOTE_KINDS),
  title: z.string(),
  status: z.enum(['draft', 'signed']),
  version: z.number().int(),
  private: z.boolean(),
  content: sessionNoteContent,
  template: z.array(templateFieldView),
  prompts: z.array(z.string()),
  author: person,
  signedAt: z.iso.datetime().nullable(),
  signedBy: person.nullable(),
  cosignRequired: z.boolean(),
  cosignedAt: z.iso.datetime().nullable(),
  cosignedBy: person.nullable(),
  addenda: z.array(z.object({ id: uuid, text: z.string(), author: person, signedAt: z.iso.datetime() })),
});
export type SessionNoteView = z.infer<typeof sessionNoteView>;

export const sessionNoteSummary = z.object({
  id: uuid,
  kind: z.enum(SESSION_NOTE_KINDS),
  status: z.enum(['draft', 'signed']),
  private: z.boolean(),
  authorName: z.string(),
  cosignPending: z.boolean(),
});

const integrationView = z.object({
  medicineSessionId: uuid,
  medicineDate: z.string(),
  dueFrom: z.string(),
  dueBy: z.string(),
  state: z.enum(['done', 'upcoming', 'due', 'overdue']),
});

export const timelineSessionView = z.object({
  id: uuid,
  kind: z.enum(SESSION_KINDS),
  format: z.enum(SESSION_FORMATS),
  route: z.enum(['oral', 'im']).nullable(),
  heldAt: z.iso.datetime(),
  signed: z.boolean(),
  notes: z.array(sessionNoteSummary),
});

export const courseEventView = z.object({
  id: uuid,
  kind: z.string(),
  value: z.string().nullable(),
  reason: z.string().nullable(),
  by: z.string(),
  at: z.iso.datetime(),
  policyVersion: z.number().int(),
});

export const planRevisionView = z.object({
  version: z.number().int(),
  content: planContent.extend({ plannedCounts }),
  draftedBy: z.string(),
  draftedAt: z.iso.datetime(),
  cosignedBy: z.string().nullable(),
  cosignedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.array(uuid),
});

export const planMemberView = z.object({ patientId: uuid, courseId: uuid, name: z.string(), mrn: z.string(), phase: z.enum(PHASES) });

export const planView = z.object({
  id: uuid,
  modality: z.enum(COURSE_MODALITIES),
  focus: z.string(),
  focusLabel: z.string(),
  title: z.string(),
  capacity: z.number().int().nullable(),
  facilitators: z.array(uuid),
  members: z.array(planMemberView),
  revisions: z.array(planRevisionView),
  prompts: z.array(z.string()),
  suggestedMeasures: z.array(z.object({ name: z.string(), purpose: z.string() })),
});
export type PlanView = z.infer<typeof planView>;

export const courseTimelineView = z.object({
  courseId: uuid,
  patientId: uuid,
  planId: uuid,
  status: z.enum(['active', 'maintenance', 'completed']),
  phase: z.enum(PHASES),
  nextStep: z.string().nullable(),
  blockers: z.array(unmetView),
  medicineGate: z.array(unmetView),
  prep: z.object({ signed: z.number().int(), minimum: z.number().int(), overridden: z.boolean() }),
  integration: z.array(integrationView),
  sessions: z.array(timelineSessionView),
  events: z.array(courseEventView),
  openSafetyFlags: z.array(z.object({ id: uuid, kind: z.enum(SAFETY_FLAG_KINDS), raisedAt: z.iso.datetime() })),
  policyVersion: z.number().int(),
  plan: planView,
});
export type CourseTimelineView = z.infer<typeof courseTimelineView>;

export const phaseListItem = z.object({
  courseId: uuid,
  patientId: uuid,
  name: z.string(),
  mrn: z.string(),
  modality: z.enum(COURSE_MODALITIES),
  planTitle: z.string(),
  phase: z.enum(PHASES),
  nextStep: z.string().nullable(),
  blockers: z.array(unmetView),
  integrationDueBy: z.string().nullable(),
  integrationState: z.enum(['done', 'upcoming', 'due', 'overdue']).nullable(),
});
export type PhaseListItem = z.infer<typeof phaseListItem>;

export const rosterView = z.array(z.object({ patientId: uuid, name: z.string(), mayDose: z.boolean(), unmet: z.array(unmetView) }));
export type RosterView = z.infer<typeof rosterView>;
