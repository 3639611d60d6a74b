import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  focusGuide,
  medicineSessionUnmet,
  nextStepOf,
  prepMinimumOf,
  integrationStatus,
  signedPrepSessions,
  type CourseFacts,
  type CourseModality,
  type CourseTimelineView,
  type PhaseListItem,
  type PlanView,
  type SafetyFlagKind,
  type SessionFormat,
  type SessionNoteKind,
} from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appUser, carePlanRevision, patient, planAcknowledgement, sessionNote } from '../../platform/db/schema/index.js';
import type { Actor, PlanRow } from './ops.js';
import { planCourses } from './ops.js';
import { courseEvents, courseSessions, loadCourseFacts, openSafetyFlags, type CourseRow } from './facts.js';
import { PlanContentStored } from './stored.js';

async function names(tx: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A plan with its members (and their phases), revisions and focus guide. */
export async function planView(actor: Actor, plan: PlanRow, timeZone: string): Promise<PlanView> {
  const courses = await planCourses(actor, plan.id);
  const people = courses.length
    ? await actor.tx
        .select({ id: patient.id, given: patient.legalGivenName, family: patient.legalFamilyName, mrn: patient.mrn })
        .from(patient)
        .where(inArray(patient.id, courses.map((c) => c.patientId)))
    : [];
  const members = [];
  for (const row of courses) {
    const who = people.find((p) => p.id === row.patientId);
    const facts = await loadCourseFacts(actor.tx, row, actor.now, timeZone);
    members.push({
      patientId: row.patientId,
      courseId: row.id,
      name: who ? `${who.given} ${who.family}` : 'Unknown',
      mrn: who?.mrn ?? '',
      phase: nextStepOf(facts, actor.now.getTime(), { policy: actor.policy.course, timeZone }).phase,
    });
  }
  const revisions = await actor.tx.select().from(carePlanRevision).where(eq(carePlanRevision.planId, plan.id)).orderBy(asc(carePlanRevision.version));
  const acks = revisions.length
    ? await actor.tx.select().from(planAcknowledgement).where(inArray(planAcknowledgement.revisionId, revisions.map((r) => r.id)))
    : [];
  const who = await names(actor.tx, revisions.flatMap((r) => [r.draftedBy, ...(r.cosignedBy ? [r.cosignedBy] : [])]));
  const guide = focusGuide(plan.focus);
  return {
    id: plan.id,
    modality: plan.modality as CourseModality,
    focus: plan.focus,
    focusLabel: guide.label,
    title: plan.title,
    capacity: plan.capacity,
    facilitators: plan.facilitators,
    members,
    revisions: revisions.map((r) => ({
      version: r.version,
      content: PlanContentStored.parse(r.content),
      draftedBy: who.get(r.draftedBy) ?? 'Unknown',
      draftedAt: r.draftedAt.toISOString(),
      cosignedBy: r.cosignedBy ? (who.get(r.cosignedBy) ?? 'Unknown') : null,
      cosignedAt: r.cosignedAt?.toISOString() ?? null,
      acknowledgedBy: acks.filter((a) => a.revisionId === r.id).map((a) => a.patientId),
    })),
    prompts: [...guide.prompts],
    suggestedMeasures: guide.measures.map((m) => ({ ...m })),
  };
}

/**
 * One patient's course timeline: phase, next step and blockers, the medicine gate as of now, every
 * session with its notes (a private note only to its author), overrides, decisions and flags.
 */
export async function timelineView(actor: Actor, row: CourseRow, plan: PlanRow, timeZone: string): Promise<CourseTimelineView> {
  const settings = { policy: actor.policy.course, timeZone };
  const facts: CourseFacts = await loadCourseFacts(actor.tx, row, actor.now, timeZone);
  const now = actor.now.getTime();
  const next = nextStepOf(facts, now, settings);
  const sessions = await courseSessions(actor.tx, row.id, row.patientId);
  const notes = sessions.length
    ? await actor.tx
        .select({ note: sessionNote, authorName: sql<string>`(SELECT u."display_name" FROM "app_user" u WHERE u."id" = "session_note"."author_id")` })
        .from(sessionNote)
        .where(
          and(
            inArray(sessionNote.sessionId, sessions.map((s) => s.id)),
            sql`(${sessionNote.patientId} = ${row.patientId} OR ${sessionNote.patientId} IS NULL)`,
            sql`(${sessionNote.private} = false OR ${sessionNote.authorId} = ${actor.userId})`,
          ),
        )
    : [];
  const events = await courseEvents(actor.tx, row.id);
  const who = await names(actor.tx, events.map((e) => e.byUser));
  const route = facts.sessions.some((s) => s.kind === 'medicine') ? (facts.sessions.some((s) => s.route === 'oral' && s.responseDocumented) ? 'im' : 'oral') : 'oral';
  return {
    courseId: row.id,
    patientId: row.patientId,
    planId: row.planId,
    status: row.status as CourseTimelineView['status'],
    phase: next.phase,
    nextStep: next.step,
    blockers: [...next.blockers],
    medicineGate: medicineSessionUnmet(facts, { at: now, route }, settings),
    prep: { signed: signedPrepSessions(facts), minimum: prepMinimumOf(facts, actor.policy.course), overridden: facts.prepMinimumOverride !== null },
    integration: integrationStatus(facts, now, settings),
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      format: s.format as SessionFormat,
      route: s.route ?? null,
      heldAt: new Date(s.heldAt).toISOString(),
      signed: s.signed,
      notes: notes
        .filter((n) => n.note.sessionId === s.id)
        .map(({ note, authorName }) => ({
          id: note.id,
          kind: note.kind as SessionNoteKind,
          status: note.status as 'draft' | 'signed',
          private: note.private,
          authorName,
          cosignPending: note.status === 'signed' && note.cosignRequired && note.cosignedAt === null,
        })),
    })),
    events: events
      .filter((e) => e.kind !== 'safety_flag' && e.kind !== 'safety_review')
      .map((e) => ({ id: e.id, kind: e.kind, value: e.value, reason: e.reason, by: who.get(e.byUser) ?? 'Unknown', at: e.at.toISOString(), policyVersion: e.policyVersion })),
    openSafetyFlags: openSafetyFlags(events).map((e) => ({ id: e.id, kind: e.value as SafetyFlagKind, raisedAt: e.at.toISOString() })),
    policyVersion: actor.policy.version,
    plan: await planView(actor, plan, timeZone),
  };
}

/** A row of the clinic-wide by-phase list. */
export async function phaseListItem(actor: Actor, row: CourseRow, plan: PlanRow, person: { name: string; mrn: string }, timeZone: string): Promise<PhaseListItem> {
  const facts = await loadCourseFacts(actor.tx, row, actor.now, timeZone);
  const next = nextStepOf(facts, actor.now.getTime(), { policy: actor.policy.course, timeZone });
  return {
    courseId: row.id,
    patientId: row.patientId,
    name: person.name,
    mrn: person.mrn,
    modality: plan.modality as CourseModality,
    planTitle: plan.title,
    phase: next.phase,
    nextStep: next.step,
    blockers: [...next.blockers],
    integrationDueBy: next.integration && next.integration.state !== 'done' ? next.integration.dueBy : null,
    integrationState: next.integration?.state ?? null,
  };
}

