import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  Conflict,
  cycleDecisionUnmet,
  integrationSessionUnmet,
  medicineSessionUnmet,
  NotFound,
  PolicyBlocked,
  preparationUnmet,
  ValidationError,
  type CoursePolicy,
  type CreatePlanRequest,
  type CycleDecision,
  type PlanContent,
  type RecordSessionRequest,
  type SafetyFlagKind,
  type SessionNoteKind,
  type StaffRole,
  type Unmet,
} from '@lantern/core';
import type { Tx } from '../../platform/db/index.js';
import { carePlan, carePlanRevision, course, courseEvent, patient, planAcknowledgement, planSession, sessionAttendance, sessionNote } from '../../platform/db/schema/index.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/ids.js';
import { clinicTimeZone, loadCourseFacts, type CourseRow } from './facts.js';

/**
 * The course engine's writes, with every gate enforced, for one actor inside one transaction. The
 * HTTP services call these after admitting the caller and around their audit facts; the demo seed
 * (and later population seeds) calls them with a clock of its own, so both paths obey the same rules.
 */
export interface Actor {
  readonly tx: Tx;
  readonly clinicId: string;
  readonly userId: string;
  readonly roles: readonly StaffRole[];
  readonly now: Date;
  readonly policy: { readonly version: number; readonly course: CoursePolicy };
}

export type PlanRow = typeof carePlan.$inferSelect;

function blocked(message: string, unmet: readonly Unmet[]): never {
  throw new PolicyBlocked(message, unmet);
}

/** Patients of the actor's clinic among `ids`, with their names; a stranger to the clinic is a 404 (nothing said about it). */
export async function clinicPatients(actor: Actor, ids: readonly string[]): Promise<{ id: string; name: string; mrn: string }[]> {
  const rows = await actor.tx
    .select({ id: patient.id, given: patient.legalGivenName, family: patient.legalFamilyName, mrn: patient.mrn })
    .from(patient)
    .where(and(inArray(patient.id, [...ids]), eq(patient.clinicId, actor.clinicId)));
  if (rows.length !== new Set(ids).size) throw new NotFound('Patient');
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new NotFound('Patient');
    return { id, name: `${row.given} ${row.family}`, mrn: row.mrn };
  });
}

function checkModality(input: Pick<CreatePlanRequest, 'modality' | 'patientIds' | 'capacity'>, members: number): void {
  if (new Set(input.patientIds).size !== input.patientIds.length) throw new ValidationError(['patientIds'], 'A patient is listed twice');
  if (input.modality === 'individual' && members !== 1) throw new ValidationError(['patientIds'], 'An individual plan has exactly one patient');
  if (input.modality === 'couples' && members < 2) throw new ValidationError(['patientIds'], 'A couples or family plan links two or more patients');
  if (input.modality !== 'group' && input.capacity !== undefined) throw new ValidationError(['capacity'], 'Only a group has a capacity');
  if (input.modality === 'group' && input.capacity === undefined) throw new ValidationError(['capacity'], 'Give the group its capacity');
  if (input.modality === 'group' && members > (input.capacity ?? 0)) throw new ValidationError(['patientIds'], `The group takes at most ${input.capacity ?? 0} members`);
}

async function openCourse(actor: Actor, planId: string, patientId: string): Promise<CourseRow> {
  try {
    const [row] = await actor.tx
      .insert(course)
      .values({ id: newId(), clinicId: actor.clinicId, planId, patientId, status: 'active', openedBy: actor.userId, openedAt: actor.now })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('This patient already has an open course; complete it before opening another', 'course_open');
    throw error;
  }
}

async function insertRevision(actor: Actor, planId: string, version: number, content: PlanContent): Promise<string> {
  const id = newId();
  await actor.tx.insert(carePlanRevision).values({
    id,
    planId,
    clinicId: actor.clinicId,
    version,
    content: { ...content, plannedCounts: content.plannedCounts ?? actor.policy.course.plannedCounts },
    draftedBy: actor.userId,
    draftedAt: actor.now,
  });
  return id;
}

/** A plan (drafted by a therapist) with one course per patient; refused if a patient already has an open course. */
export async function createPlan(actor: Actor, input: CreatePlanRequest): Promise<{ plan: PlanRow; courses: CourseRow[] }> {
  checkModality(input, input.patientIds.length);
  await clinicPatients(actor, input.patientIds);
  const [plan] = await actor.tx
    .insert(carePlan)
    .values({
      id: newId(),
      clinicId: actor.clinicId,
      modality: input.modality,
      focus: input.focus,
      title: input.title,
      capacity: input.capacity ?? null,
      facilitators: input.facilitators ?? [],
      createdBy: actor.userId,
      createdAt: actor.now,
      policyVersion: actor.policy.version,
    })
    .returning();
  if (!plan) throw new Error('insert returned no row');
  await insertRevision(actor, plan.id, 1, input.content);
  const courses: CourseRow[] = [];
  for (const patientId of input.patientIds) courses.push(await openCourse(actor, plan.id, patientId));
  return { plan, courses };
}

export async function planById(actor: Pick<Actor, 'tx' | 'clinicId'>, planId: string): Promise<PlanRow> {
  const [row] = await actor.tx.select().from(carePlan).where(and(eq(carePlan.id, planId), eq(carePlan.clinicId, actor.clinicId))).limit(1);
  if (!row) throw new NotFound('Plan');
  return row;
}

export async function planCourses(actor: Pick<Actor, 'tx'>, planId: string): Promise<CourseRow[]> {
  return actor.tx.select().from(course).where(eq(course.planId, planId)).orderBy(course.openedAt, course.id);
}

/** Adds a member to a group (capacity checked under the plan's lock) or a participant to a couples plan. */
export async function addMember(actor: Actor, planId: string, patientId: string): Promise<CourseRow> {
  const plan = await planById(actor, planId);
  await actor.tx.execute(sql`SELECT 1 FROM ${carePlan} WHERE ${carePlan.id} = ${planId} FOR UPDATE`);
  if (plan.modality === 'individual') throw new Conflict('An individual plan has one patient; open a plan of their own for another', 'individual_plan');
  await clinicPatients(actor, [patientId]);
  const members = await planCourses(actor, planId);
  if (members.some((m) => m.patientId === patientId)) throw new Conflict('This patient is already in the plan', 'already_member');
  if (plan.capacity !== null && members.filter((m) => m.status !== 'completed').length >= plan.capacity) {
    throw new Conflict(`The group is full (${plan.capacity} members)`, 'group_full');
  }
  return openCourse(actor, planId, patientId);
}

/** A new revision of the plan's content (never an overwrite); it needs the physician's co-signature again. */
export async function revisePlan(actor: Actor, planId: string, content: PlanContent): Promise<number> {
  await planById(actor, planId);
  const [row] = await actor.tx.select({ max: sql<number>`coalesce(max(${carePlanRevision.version}), 0)::int` }).from(carePlanRevision).where(eq(carePlanRevision.planId, planId));
  const version = Number(row?.max ?? 0) + 1;
  try {
    await insertRevision(actor, planId, version, content);
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('Someone revised the plan a moment ago; reload it', 'stale_plan');
    throw error;
  }
  return version;
}

async function latestRevision(actor: Actor, planId: string): Promise<typeof carePlanRevision.$inferSelect> {
  const [row] = await actor.tx.select().from(carePlanRevision).where(eq(carePlanRevision.planId, planId)).orderBy(sql`${carePlanRevision.version} DESC`).limit(1);
  if (!row) throw new NotFound('Plan revision');
  return row;
}

/** The physician co-signs the latest revision's medical part (once; of two at once, one wins). */
export async function cosignPlan(actor: Actor, planId: string, version: number): Promise<void> {
  await planById(actor, planId);
  if (!actor.roles.includes('physician')) throw new ValidationError([], 'Only a physician co-signs the plan');
  const latest = await latestRevision(actor, planId);
  if (latest.version !== version) throw new Conflict(`Version ${latest.version} is the current plan; review it before co-signing`, 'stale_plan');
  const rows = await actor.tx
    .update(carePlanRevision)
    .set({ cosignedBy: actor.userId, cosignedAt: actor.now })
    .where(and(eq(carePlanRevision.id, latest.id), sql`${carePlanRevision.cosignedBy} IS NULL`))
    .returning({ id: carePlanRevision.id });
  if (rows.length === 0) throw new Conflict('This plan version is already co-signed', 'plan_cosigned');
}

/** The patient acknowledges the latest co-signed revision in clinic (the actor witnesses it). */
export async function acknowledgePlan(actor: Actor, planId: string, patientId: string, typedName: string): Promise<void> {
  const members = await planCourses(actor, planId);
  if (!members.some((m) => m.patientId === patientId)) throw new NotFound('Plan member');
  const latest = await latestRevision(actor, planId);
  if (latest.cosignedBy === null) blocked('The plan cannot be acknowledged yet', [{ code: 'plan_cosign', message: `Plan v${latest.version} is not yet co-signed by a physician` }]);
  try {
    await actor.tx.insert(planAcknowledgement).values({ id: newId(), revisionId: latest.id, clinicId: actor.clinicId, patientId, typedName, witnessId: actor.userId, at: actor.now });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('The patient already acknowledged this version', 'already_acknowledged');
    throw error;
  }
}

async function settings(actor: Actor): Promise<{ policy: CoursePolicy; timeZone: string }> {
  return { policy: actor.policy.course, timeZone: await clinicTimeZone(actor.tx, actor.clinicId) };
}

/** The note kind each attendee gets for a session. */
function noteKindFor(input: Pick<RecordSessionRequest, 'kind' | 'format'>): SessionNoteKind {
  if (input.kind === 'medicine') return 'medicine';
  if (input.format === 'joint') return 'couples';
  if (input.format === 'group') return 'group';
  return input.kind;
}

/**
 * The gates a session at `at` must pass for one course: gate 1 for preparation, gates 2–3 for
 * medicine, "after a medicine session" for integration.
 */
export async function sessionUnmet(actor: Actor, row: CourseRow, input: Pick<RecordSessionRequest, 'kind' | 'route'>, at: Date): Promise<Unmet[]> {
  const s = await settings(actor);
  const facts = await loadCourseFacts(actor.tx, row, actor.now, s.timeZone);
  switch (input.kind) {
    case 'preparation':
      return preparationUnmet(facts);
    case 'medicine':
      return medicineSessionUnmet(facts, { at: at.getTime(), route: input.route ?? 'oral' }, s);
    case 'integration':
      return integrationSessionUnmet(facts, at.getTime());
    case 'follow_up':
      return facts.status === 'completed' ? [{ code: 'course_completed', message: 'This course is completed' }] : [];
  }
}

/**
 * Records a held session for its attendees and starts each one's draft note (plus a shared summary on
 * request). Every attendee must pass their own gates; otherwise 409 with each unmet condition named
 * by participant, and nothing is stored.
 */
export async function recordSession(actor: Actor, planId: string, input: RecordSessionRequest): Promise<{ sessionId: string; noteIds: string[] }> {
  const plan = await planById(actor, planId);
  const heldAt = new Date(input.heldAt);
  if (heldAt.getTime() > actor.now.getTime() + 60 * 60_000) throw new ValidationError(['heldAt'], 'A session is recorded once it has started (not more than an hour ahead)');
  if (input.kind === 'medicine' && !input.route) throw new ValidationError(['route'], 'Give the route of the medicine session (oral or im)');
  if (input.kind !== 'medicine' && input.route) throw new ValidationError(['route'], 'Only a medicine session has a route');
  if (new Set(input.attendees).size !== input.attendees.length) throw new ValidationError(['attendees'], 'A patient is listed twice');
  if (input.format === 'individual' && input.attendees.length !== 1) throw new ValidationError(['attendees'], 'An individual session has one patient');
  if (input.format === 'joint' && (plan.modality !== 'couples' || input.attendees.length < 2)) throw new ValidationError(['format'], 'A joint session is for two or more participants of a couples plan');
  if (input.format === 'group' && plan.modality !== 'group') throw new ValidationError(['format'], 'A group session belongs to a group plan');
  const members = await planCourses(actor, planId);
  const names = await clinicPatients(actor, input.attendees);
  // One session at a time per course: two concurrent recordings cannot both pass the same gate.
  const ids = members.filter((m) => input.attendees.includes(m.patientId)).map((m) => m.id);
  if (ids.length > 0) await actor.tx.select({ id: course.id }).from(course).where(inArray(course.id, ids)).for('update');
  const unmet: Unmet[] = [];
  const attending: CourseRow[] = [];
  for (const patientId of input.attendees) {
    const row = members.find((m) => m.patientId === patientId);
    if (!row) throw new ValidationError(['attendees'], 'Every attendee must be a member of the plan');
    attending.push(row);
    const own = await sessionUnmet(actor, row, input, heldAt);
    const label = input.attendees.length > 1 ? `${names.find((n) => n.id === patientId)?.mrn ?? ''}: ` : '';
    unmet.push(...own.map((u) => ({ code: u.code, message: `${label}${u.message}` })));
  }
  if (unmet.length > 0) {
    const who = input.attendees.length > 1 ? 'every participant must pass their own gates' : 'its gates are not met';
    blocked(`The ${input.kind.replace('_', '-')} session cannot be recorded: ${who}`, unmet);
  }
  const sessionId = newId();
  await actor.tx.insert(planSession).values({
    id: sessionId,
    clinicId: actor.clinicId,
    planId,
    kind: input.kind,
    format: input.format,
    route: input.route ?? null,
    heldAt,
    appointmentId: input.appointmentId ?? null,
    recordedBy: actor.userId,
    recordedAt: actor.now,
    policyVersion: actor.policy.version,
  });
  const kind = noteKindFor(input);
  const cosign = (actor.policy.course.cosignNoteKinds as readonly string[]).includes(kind);
  const noteIds: string[] = [];
  const draft = (patientId: string | null, noteKind: SessionNoteKind): typeof sessionNote.$inferInsert => {
    const id = newId();
    noteIds.push(id);
    return {
      id,
      clinicId: actor.clinicId,
      sessionId,
      planId,
      patientId,
      kind: noteKind,
      templateVersion: 0,
      content: { fields: {}, text: '' },
      private: false,
      status: 'draft',
      version: 1,
      authorId: actor.userId,
      createdAt: actor.now,
      updatedAt: actor.now,
      cosignRequired: noteKind === kind && cosign,
    };
  };
  for (const row of attending) {
    await actor.tx.insert(sessionAttendance).values({ id: newId(), sessionId, clinicId: actor.clinicId, courseId: row.id, patientId: row.patientId, heldAt, present: true });
  }
  const notes = attending.map((row) => draft(row.patientId, kind));
  if (input.sharedSummary && input.format !== 'individual') notes.push(draft(null, 'shared_summary'));
  await actor.tx.insert(sessionNote).values(notes);
  return { sessionId, noteIds };
}

async function appendEvent(
  actor: Actor,
  row: CourseRow,
  event: { kind: string; value?: string | null; subjectId?: string | null; reason?: string | null },
): Promise<string> {
  const id = newId();
  await actor.tx.insert(courseEvent).values({
    id,
    clinicId: actor.clinicId,
    courseId: row.id,
    patientId: row.patientId,
    kind: event.kind,
    value: event.value ?? null,
    subjectId: event.subjectId ?? null,
    reason: event.reason ?? null,
    byUser: actor.userId,
    byRoles: [...actor.roles],
    at: actor.now,
    policyVersion: actor.policy.version,
  });
  return id;
}

function requireRole(actor: Actor, role: StaffRole, what: string): void {
  if (!actor.roles.includes(role)) blocked(`Only a ${role} may ${what}`, [{ code: 'role_required', message: `Only a ${role} may ${what}` }]);
}

function requireOpen(row: CourseRow): void {
  if (row.status === 'completed') blocked('This course is completed', [{ code: 'course_completed', message: 'This course is completed; open a new course to continue treatment' }]);
}

/** Therapist sets this patient's preparation minimum, with a reason (an audited override). */
export async function setPrepMinimum(actor: Actor, row: CourseRow, minimum: number, reason: string): Promise<string> {
  requireRole(actor, 'therapist', 'change the preparation minimum');
  requireOpen(row);
  return appendEvent(actor, row, { kind: 'prep_minimum', value: String(minimum), reason });
}

/** Therapist attests readiness for medicine sessions: gate 1 must hold (no skipping evaluation). */
export async function attestReadiness(actor: Actor, row: CourseRow, note: string | null): Promise<string> {
  requireRole(actor, 'therapist', 'attest readiness');
  const s = await settings(actor);
  const unmet = preparationUnmet(await loadCourseFacts(actor.tx, row, actor.now, s.timeZone));
  if (unmet.length > 0) blocked('Readiness cannot be attested yet', unmet);
  return appendEvent(actor, row, { kind: 'readiness', reason: note });
}

/** Physician allows a first medicine session by another route than oral, with a reason. */
export async function overrideFirstRoute(actor: Actor, row: CourseRow, reason: string): Promise<string> {
  requireRole(actor, 'physician', 'override the oral first session');
  requireOpen(row);
  const s = await settings(actor);
  const facts = await loadCourseFacts(actor.tx, row, actor.now, s.timeZone);
  if (facts.sessions.some((x) => x.kind === 'medicine')) throw new Conflict('The first medicine session is already recorded', 'first_session_held');
  return appendEvent(actor, row, { kind: 'first_route', value: 'im', reason });
}

/** Gate 5: therapist (with the patient) records what follows integration; moves the course's status. */
export async function recordCycleDecision(actor: Actor, row: CourseRow, decision: CycleDecision, note: string | null): Promise<string> {
  requireRole(actor, 'therapist', 'record the cycle decision');
  const s = await settings(actor);
  const facts = await loadCourseFacts(actor.tx, row, actor.now, s.timeZone);
  const unmet = cycleDecisionUnmet(facts);
  if (unmet.length > 0) blocked('The cycle decision cannot be recorded yet', unmet);
  const latest = facts.sessions.filter((x) => x.kind === 'medicine').sort((a, b) => a.heldAt - b.heldAt).at(-1);
  const id = await appendEvent(actor, row, { kind: 'cycle_decision', value: decision, subjectId: latest?.id ?? null, reason: note });
  const status = decision === 'complete' ? 'completed' : decision === 'maintenance' ? 'maintenance' : row.status;
  if (status !== row.status) {
    const updated = await actor.tx.update(course).set({ status }).where(and(eq(course.id, row.id), eq(course.status, row.status))).returning({ id: course.id });
    if (updated.length === 0) throw new Conflict('The course changed a moment ago; reload it', 'stale_course');
  }
  return id;
}

export async function raiseSafetyFlag(actor: Actor, row: CourseRow, kind: SafetyFlagKind): Promise<string> {
  return appendEvent(actor, row, { kind: 'safety_flag', value: kind });
}

/** A clinician reviews an open safety flag (releasing the medicine gate), with a note. */
export async function reviewSafetyFlag(actor: Actor, row: CourseRow, flagId: string, reason: string): Promise<string> {
  const [flag] = await actor.tx
    .select()
    .from(courseEvent)
    .where(and(eq(courseEvent.id, flagId), eq(courseEvent.courseId, row.id), eq(courseEvent.kind, 'safety_flag')))
    .limit(1);
  if (!flag) throw new NotFound('Safety flag');
  const [done] = await actor.tx
    .select({ id: courseEvent.id })
    .from(courseEvent)
    .where(and(eq(courseEvent.subjectId, flagId), eq(courseEvent.kind, 'safety_review')))
    .limit(1);
  if (done) throw new Conflict('This safety flag is already reviewed', 'flag_reviewed');
  return appendEvent(actor, row, { kind: 'safety_review', subjectId: flagId, reason });
}
