import { desc, eq, sql } from 'drizzle-orm';
import { eligibilityAllowsTreatment, eligibilityStatusOf, type EligibilityOutcome, type EligibilityStatus } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { clinicalNote, eligibilityDecision, eligibilityReopening } from '../../platform/db/schema/index.js';

/** Where a patient stands on eligibility: what the chart header shows and the course engine checks. */
export interface CurrentEligibility {
  readonly status: EligibilityStatus;
  /** True only for a standing eligible or eligible-with-conditions decision. */
  readonly allowsTreatment: boolean;
  readonly decisionId: string | null;
  readonly outcome: EligibilityOutcome | null;
  readonly conditions: readonly string[];
  readonly decidedAt: Date | null;
  readonly policyVersion: number | null;
  readonly reopened: { readonly at: Date; readonly reason: string } | null;
}

/**
 * The eligibility gate (issue #3; the course engine checks it before any medicine session): the
 * latest decision, unless new information has re-opened it. For use inside another feature's unit of
 * work, after that feature has admitted the caller to the patient: it checks no scope itself and
 * writes no audit fact. Query only through `tx` (on PGlite the database is busy while it is open).
 */
export async function currentEligibility(tx: Executor, patientId: string): Promise<CurrentEligibility> {
  const [latest] = await tx
    .select({ decision: eligibilityDecision, reopening: eligibilityReopening })
    .from(eligibilityDecision)
    .leftJoin(eligibilityReopening, eq(eligibilityReopening.decisionId, eligibilityDecision.id))
    .where(eq(eligibilityDecision.patientId, patientId))
    .orderBy(desc(eligibilityDecision.decidedAt), desc(eligibilityDecision.id))
    .limit(1);
  const [notes] = await tx
    .select({
      any: sql<number>`count(*)::int`,
      evaluationSigned: sql<number>`count(*) FILTER (WHERE ${clinicalNote.kind} = 'therapist_evaluation' AND ${clinicalNote.status} = 'signed')::int`,
      examSigned: sql<number>`count(*) FILTER (WHERE ${clinicalNote.kind} = 'physician_exam' AND ${clinicalNote.status} = 'signed')::int`,
    })
    .from(clinicalNote)
    .where(eq(clinicalNote.patientId, patientId));
  const decision = latest?.decision ?? null;
  const reopening = latest?.reopening ?? null;
  const status = eligibilityStatusOf({
    decision: decision ? { outcome: decision.outcome as EligibilityOutcome, reopened: reopening !== null } : null,
    evaluationSigned: Number(notes?.evaluationSigned ?? 0) > 0,
    examSigned: Number(notes?.examSigned ?? 0) > 0,
    anyNote: Number(notes?.any ?? 0) > 0,
  });
  return {
    status,
    allowsTreatment: eligibilityAllowsTreatment(status),
    decisionId: decision?.id ?? null,
    outcome: (decision?.outcome as EligibilityOutcome | undefined) ?? null,
    conditions: decision?.conditions ?? [],
    decidedAt: decision?.decidedAt ?? null,
    policyVersion: decision?.policyVersion ?? null,
    reopened: reopening ? { at: reopening.reopenedAt, reason: reopening.reason } : null,
  };
}
