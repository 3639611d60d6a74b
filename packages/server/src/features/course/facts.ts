import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  kapConsentCurrent,
  clinicDateOf,
  type ConsentKind,
  type CourseFacts,
  type CycleDecision,
  type EligibilityStatus,
  type SafetyFlagKind,
  type SessionFact,
  type SessionKind,
} from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { clinic, consentRevocation, course, courseEvent, patientConsent, planSession, sessionAttendance, sessionNote } from '../../platform/db/schema/index.js';
import { currentDocumentRefs } from '../consent/document-repo.js';
import { currentEligibility } from '../eligibility/gate.js';

export type CourseRow = typeof course.$inferSelect;
export type CourseEventRow = typeof courseEvent.$inferSelect;

const ELIGIBILITY_MESSAGES: Record<EligibilityStatus, string> = {
  not_started: 'Evaluation not started: no eligibility decision yet',
  in_evaluation: 'Evaluation in progress: no eligibility decision yet',
  ready_for_decision: 'Evaluation notes signed; the physician has not yet recorded the eligibility decision',
  eligible: '',
  eligible_with_conditions: '',
  not_eligible: 'The eligibility decision is "not eligible"',
  reopened: 'The eligibility decision was re-opened by new information and must be decided again',
};

/** The clinic's time zone (default America/Chicago). */
export async function clinicTimeZone(tx: Executor, clinicId: string): Promise<string> {
  const [row] = await tx.select({ timeZone: clinic.timeZone }).from(clinic).where(eq(clinic.id, clinicId)).limit(1);
  return row?.timeZone ?? 'America/Chicago';
}

/** The patient's open course (not completed), or their latest one. */
export async function findCourse(tx: Executor, clinicId: string, patientId: string): Promise<CourseRow | null> {
  const rows = await tx
    .select()
    .from(course)
    .where(and(eq(course.clinicId, clinicId), eq(course.patientId, patientId)))
    .orderBy(asc(course.openedAt));
  return rows.find((row) => row.status !== 'completed') ?? rows.at(-1) ?? null;
}

/** "Current KAP consent signed", from the consent tables (issue #3's rule in core). */
async function kapConsent(tx: Executor, clinicId: string, patientId: string, today: string): Promise<CourseFacts['consent']> {
  const rows = await tx
    .select({
      id: patientConsent.id,
      kind: patientConsent.kind,
      documentVersion: patientConsent.documentVersion,
      signedAt: patientConsent.signedAt,
      signedOn: patientConsent.signedOn,
      expiresOn: patientConsent.releaseExpiresOn,
      recipient: patientConsent.releaseRecipient,
      revokedOn: consentRevocation.revokedOn,
    })
    .from(patientConsent)
    .leftJoin(consentRevocation, eq(consentRevocation.consentId, patientConsent.id))
    .where(and(eq(patientConsent.clinicId, clinicId), eq(patientConsent.patientId, patientId), eq(patientConsent.kind, 'kap_treatment')));
  const documents = await currentDocumentRefs(tx, clinicId);
  return kapConsentCurrent({
    documents,
    signatures: rows.map((row) => ({ ...row, kind: row.kind as ConsentKind, signedAt: row.signedAt.toISOString(), revokedOn: row.revokedOn ?? null })),
    today,
  });
}

/** The sessions a course attended, with whether their notes are signed (and co-signed where required). */
export async function courseSessions(tx: Executor, courseId: string, patientId: string): Promise<(SessionFact & { format: string; appointmentId: string | null })[]> {
  const rows = await tx
    .select({ session: planSession })
    .from(sessionAttendance)
    .innerJoin(planSession, eq(planSession.id, sessionAttendance.sessionId))
    .where(and(eq(sessionAttendance.courseId, courseId), eq(sessionAttendance.present, true)))
    .orderBy(asc(planSession.heldAt), asc(planSession.id));
  const ids = rows.map((row) => row.session.id);
  const notes = ids.length
    ? await tx
        .select({ sessionId: sessionNote.sessionId, status: sessionNote.status, cosignRequired: sessionNote.cosignRequired, cosignedAt: sessionNote.cosignedAt, kind: sessionNote.kind })
        .from(sessionNote)
        .where(and(inArray(sessionNote.sessionId, ids), eq(sessionNote.patientId, patientId)))
    : [];
  return rows.map(({ session }) => {
    const own = notes.filter((n) => n.sessionId === session.id && n.kind !== 'shared_summary');
    const signed = own.length > 0 && own.every((n) => n.status === 'signed' && (!n.cosignRequired || n.cosignedAt !== null));
    return {
      id: session.id,
      kind: session.kind as SessionKind,
      heldAt: session.heldAt.getTime(),
      signed,
      route: (session.route as 'oral' | 'im' | null) ?? null,
      // The medicine note's "Response to the medicine" is required to sign, so a signed note documents it.
      responseDocumented: session.kind === 'medicine' && signed,
      format: session.format,
      appointmentId: session.appointmentId,
    };
  });
}

export async function courseEvents(tx: Executor, courseId: string): Promise<CourseEventRow[]> {
  return tx.select().from(courseEvent).where(eq(courseEvent.courseId, courseId)).orderBy(asc(courseEvent.at), asc(courseEvent.id));
}

/** Safety flags raised and not yet reviewed. */
export function openSafetyFlags(events: readonly CourseEventRow[]): CourseEventRow[] {
  const reviewed = new Set(events.filter((e) => e.kind === 'safety_review').map((e) => e.subjectId));
  return events.filter((e) => e.kind === 'safety_flag' && !reviewed.has(e.id));
}

/**
 * Everything one patient's gates read, loaded through `tx` (no scope check, no audit: for use inside
 * a unit of work that has already admitted the caller, or by the scheduling port).
 */
export async function loadCourseFacts(tx: Executor, row: CourseRow, now: Date, timeZone: string): Promise<CourseFacts> {
  const eligibility = await currentEligibility(tx, row.patientId);
  const today = clinicDateOf(now, timeZone);
  const events = await courseEvents(tx, row.id);
  const latest = (kind: string): CourseEventRow | undefined => events.filter((e) => e.kind === kind).at(-1);
  const prepMinimum = latest('prep_minimum');
  const sessions = await courseSessions(tx, row.id, row.patientId);
  return {
    status: row.status as CourseFacts['status'],
    eligible: eligibility.allowsTreatment,
    eligibilityMessage: ELIGIBILITY_MESSAGES[eligibility.status],
    consent: await kapConsent(tx, row.clinicId, row.patientId, today),
    prepMinimumOverride: prepMinimum?.value ? Number(prepMinimum.value) : null,
    readinessAttestedAt: latest('readiness')?.at.getTime() ?? null,
    openSafetyFlags: openSafetyFlags(events).map((e) => e.value as SafetyFlagKind),
    firstRouteOverride: latest('first_route') !== undefined,
    sessions,
    cycleDecisions: events
      .filter((e) => e.kind === 'cycle_decision' && e.subjectId)
      .map((e) => ({ decision: e.value as CycleDecision, at: e.at.getTime(), medicineSessionId: e.subjectId ?? '' })),
  };
}
