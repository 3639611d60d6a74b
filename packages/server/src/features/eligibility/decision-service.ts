import {
  applicableResolutions,
  canonicalJson,
  Conflict,
  eligibilityDecisionUnmet,
  eligibilityStatusOf,
  PolicyBlocked,
  type EligibilityDecisionInput,
  type EligibilityDecisionRequest,
  type EligibilityOutcome,
  type EligibilityView,
  type PolicyVersion,
  type Unmet,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact, type AuditTrail } from '../../platform/audit/trail.js';
import { sha256Hex } from '../../platform/crypto.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/ids.js';
import type { AdmittedPatient } from '../chart/chart-repo.js';
import { assessChart } from './contraindications-service.js';
import { EligibilityRepo } from './repo.js';
import { advancePatientStatusWithin } from '../patients/service.js';
import { decisionView, ruleResolution } from './views.js';

const RESOURCE = 'EligibilityDecision';
const OUTCOMES: readonly EligibilityOutcome[] = ['eligible', 'eligible_with_conditions', 'not_eligible'];

/** Everything the eligibility rule needs about one admitted patient, read in the caller's transaction. */
async function decisionInputs(tx: Tx, ctx: AuthedContext, audit: AuditTrail, admitted: AdmittedPatient, policy: PolicyVersion) {
  const repo = new EligibilityRepo(tx, ctx, audit);
  const { assessment, chart } = await assessChart(tx, ctx, audit, admitted, policy);
  const resolutions = (await repo.resolutions(admitted)).map(ruleResolution);
  const { overrides, clearances } = applicableResolutions(assessment, resolutions);
  const base = {
    therapistEvaluationSignedBy: chart.notes.evaluation?.signer ?? null,
    physicianExamSignedBy: chart.notes.exam?.signer ?? null,
    decidedBy: { userId: ctx.auth.user.id, roles: ctx.auth.user.roles },
    assessment,
    overrides,
    clearances,
  };
  return { repo, notes: chart.notes, base, decisions: await repo.decisions(admitted) };
}

/** Eligibility on an admitted chart: the status, the decisions, and what still stops each outcome. */
async function eligibilityOf(tx: Tx, ctx: AuthedContext, audit: AuditTrail, admitted: AdmittedPatient, policy: PolicyVersion): Promise<EligibilityView> {
  const { base, notes, decisions } = await decisionInputs(tx, ctx, audit, admitted, policy);
  const unmetFor = (outcome: EligibilityOutcome): Unmet[] =>
    // A conditional decision is previewed as if its conditions were listed: the form asks for them.
    eligibilityDecisionUnmet({ ...base, outcome, conditions: outcome === 'eligible_with_conditions' ? ['(listed on the form)'] : [] }, policy.policy.eligibility);
  const [latest] = decisions;
  const history = decisions.map(decisionView);
  return {
    status: eligibilityStatusOf({
      decision: latest ? { outcome: latest.decision.outcome as EligibilityOutcome, reopened: latest.reopening !== null } : null,
      evaluationSigned: notes.evaluation !== null,
      examSigned: notes.exam !== null,
      anyNote: notes.evaluation !== null || notes.exam !== null,
    }),
    current: history[0] ?? null,
    history,
    unmetByOutcome: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, unmetFor(outcome)])) as EligibilityView['unmetByOutcome'],
    therapistEvaluationSigned: notes.evaluation !== null,
    physicianExamSigned: notes.exam !== null,
  };
}

export async function getEligibility(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<EligibilityView> {
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const admitted = await new EligibilityRepo(tx, ctx, audit).admit(patientId, { scope: 'clinical', action: 'read', resourceType: RESOURCE });
    return eligibilityOf(tx, ctx, audit, admitted, policy);
  });
}

/**
 * Records the physician's decision (clinical.md §2.4 item 13), only when core
 * `eligibilityDecisionUnmet` finds nothing missing: both evaluation notes signed by the right roles, a
 * physician deciding, conditions listed when conditional, every absolute contraindication validly
 * overridden and, for an unconditional "eligible", every relative one cleared. Otherwise 409 with the
 * unmet list, nothing stored. It stores the policy version and assessment it used and its content hash.
 */
export async function recordDecision(deps: AppDeps, ctx: AuthedContext, patientId: string, input: EligibilityDecisionRequest): Promise<EligibilityView> {
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const chart = new EligibilityRepo(tx, ctx, audit);
    const admitted = await chart.admit(patientId, { scope: 'clinical', action: 'create', resourceType: RESOURCE, lock: true, recordAccess: false });
    const { repo, base, notes, decisions } = await decisionInputs(tx, ctx, audit, admitted, policy);
    const conditions = input.conditions.map((condition) => condition.trim()).filter((condition) => condition !== '');
    const decision: EligibilityDecisionInput = { ...base, outcome: input.outcome, conditions };
    const unmet = eligibilityDecisionUnmet(decision, policy.policy.eligibility);
    if (unmet.length > 0 || !notes.evaluation || !notes.exam) {
      repo.refused(admitted, { action: 'create', resourceType: RESOURCE, detail: { unmet: unmet.map((item) => item.code) } });
      throw new PolicyBlocked('The eligibility decision cannot be recorded yet', unmet);
    }
    const current = decisions[0]?.decision.id ?? null;
    if (current !== input.supersedes) {
      throw new Conflict('Another eligibility decision was recorded since you opened this chart; review it first', 'decision_changed');
    }
    const id = newId();
    const signed = {
      id,
      patientId: admitted.id,
      outcome: input.outcome,
      conditions,
      therapistEvaluationId: notes.evaluation.id,
      physicianExamId: notes.exam.id,
      decidedBy: ctx.auth.user.id,
      decidedAt: ctx.now.toISOString(),
      policyVersion: policy.version,
      assessment: base.assessment.results,
      overrides: base.overrides,
      clearances: base.clearances,
    };
    try {
      await repo.insertDecision(admitted, {
        id,
        supersedesId: current,
        outcome: input.outcome,
        conditions,
        therapistEvaluationId: notes.evaluation.id,
        physicianExamId: notes.exam.id,
        policyVersion: policy.version,
        assessment: base.assessment,
        overrides: base.overrides,
        clearances: base.clearances,
        contentHash: sha256Hex(canonicalJson(JSON.parse(JSON.stringify(signed)) as unknown)),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('Another eligibility decision was recorded a moment ago; review it first', 'decision_changed');
      throw error;
    }
    repo.record(admitted, { action: 'create', resourceType: RESOURCE, resourceId: id, detail: { policyVersion: policy.version } });
    await advancePatientStatusWithin(tx, ctx, audit, admitted.id, { kind: 'eligibility_decided', outcome: input.outcome });
    return eligibilityOf(tx, ctx, audit, admitted, policy);
  });
}
