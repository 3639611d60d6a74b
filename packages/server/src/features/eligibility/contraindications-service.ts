import {
  assessContraindications,
  Conflict,
  Forbidden,
  latestResolutions,
  overrideUnmet,
  PolicyBlocked,
  resolutionCovers,
  type ClearanceRequest,
  type ContraindicationAssessment,
  type ContraindicationAssessmentView,
  type OverrideRequest,
  type PolicyVersion,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact, type AuditTrail } from '../../platform/audit/trail.js';
import type { AdmittedPatient } from '../chart/chart-repo.js';
import { clinicToday } from '../chart/clinic-day.js';
import { FindingsRepo } from '../chart/findings-repo.js';
import { chartForRules } from '../chart/intake-chart.js';
import { EligibilityRepo, type ResolutionRow } from './repo.js';
import { ruleResolution } from './views.js';

const RESOURCE = 'DetectedIssue';

/** The assessment of an admitted patient's chart today, under the current policy. */
export async function assessChart(
  tx: Tx,
  ctx: AuthedContext,
  audit: AuditTrail,
  admitted: AdmittedPatient,
  policy: PolicyVersion,
): Promise<{ assessment: ContraindicationAssessment; today: string; chart: Awaited<ReturnType<typeof chartForRules>> }> {
  const today = await clinicToday(tx, ctx);
  const chart = await chartForRules(tx, ctx, audit, admitted);
  return { assessment: assessContraindications({ chart: chart.chart, policy: policy.policy.eligibility, today }), today, chart };
}

async function assessmentView(
  tx: Tx,
  ctx: AuthedContext,
  audit: AuditTrail,
  admitted: AdmittedPatient,
  policy: PolicyVersion,
): Promise<ContraindicationAssessmentView> {
  const repo = new EligibilityRepo(tx, ctx, audit);
  const { assessment, today, chart } = await assessChart(tx, ctx, audit, admitted, policy);
  const rows = await repo.resolutions(admitted);
  const latest = latestResolutions(rows.map(ruleResolution));
  const byId = new Map<string, ResolutionRow & { resolverName: string }>(rows.map((row) => [row.id, row]));
  return {
    assessedOn: today,
    policyVersion: policy.version,
    summary: assessment.summary,
    results: assessment.results.map((result) => {
      const resolution = latest.get(result.ruleId);
      const row = resolution ? byId.get(resolution.id) : undefined;
      return {
        ...result,
        clearance: [...result.clearance],
        evidence: [...result.evidence],
        resolution:
          resolution && row && result.level !== 'clear'
            ? {
                id: resolution.id,
                kind: resolution.kind,
                text: resolution.text,
                by: { userId: row.resolvedBy, displayName: row.resolverName },
                at: resolution.at,
                applies: resolutionCovers(result, resolution),
              }
            : null,
      };
    }),
    findings: await new FindingsRepo(tx, ctx, audit).current(admitted),
    includesSelfReport: chart.includesSelfReport,
  };
}

/** The contraindication assessment of the chart now: every rule, with its level, reason, rule id and resolution. */
export async function getContraindications(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<ContraindicationAssessmentView> {
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new EligibilityRepo(tx, ctx, audit);
    const admitted = await repo.admit(patientId, { scope: 'clinical', action: 'read', resourceType: RESOURCE });
    return assessmentView(tx, ctx, audit, admitted, policy);
  });
}

/**
 * Documents the clearance of a relative contraindication (e.g. "EKG reviewed 2026-11-20, normal"),
 * by a physician; it covers the evidence the rule shows now. Refused (409) for a rule that is not
 * relative for this patient today.
 */
export async function recordClearance(deps: AppDeps, ctx: AuthedContext, patientId: string, input: ClearanceRequest): Promise<ContraindicationAssessmentView> {
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new EligibilityRepo(tx, ctx, audit);
    const admitted = await repo.admit(patientId, { scope: 'clinical', action: 'create', resourceType: RESOURCE, lock: true, recordAccess: false });
    const { assessment } = await assessChart(tx, ctx, audit, admitted, policy);
    const result = assessment.results.find((candidate) => candidate.ruleId === input.ruleId);
    if (result?.level !== 'relative') {
      throw new Conflict('This rule is not a relative contraindication for this patient now, so there is nothing to clear', 'not_relative');
    }
    const id = await repo.insertResolution(admitted, { ruleId: input.ruleId, kind: 'clearance', text: input.note, evidence: result.evidence, policyVersion: policy.version });
    repo.record(admitted, { action: 'create', resourceType: RESOURCE, resourceId: id, detail: { kind: 'clearance', policyVersion: policy.version } });
    return assessmentView(tx, ctx, audit, admitted, policy);
  });
}

/**
 * Overrides an absolute contraindication: only the medical director, a user holding both the admin
 * and physician roles, with a written reason of the policy's length (core `overrideUnmet`); audited,
 * and a refusal is audited too.
 */
export async function recordOverride(deps: AppDeps, ctx: AuthedContext, patientId: string, input: OverrideRequest): Promise<ContraindicationAssessmentView> {
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new EligibilityRepo(tx, ctx, audit);
    const admitted = await repo.admit(patientId, { scope: 'clinical', action: 'create', resourceType: RESOURCE, lock: true, recordAccess: false });
    const fact = { action: 'create' as const, resourceType: RESOURCE, detail: { kind: 'override' } };
    const unmet = overrideUnmet({ ruleId: input.ruleId, reason: input.reason, approvedBy: [{ userId: ctx.auth.user.id, roles: ctx.auth.user.roles }] }, policy.policy.eligibility);
    if (unmet.some((item) => item.code === 'override_admin_approval' || item.code === 'override_physician_approval')) {
      repo.refused(admitted, { ...fact, detail: { ...fact.detail, reason: 'not_medical_director' } });
      throw new Forbidden('Only the medical director (a user who is both administrator and physician) may override an absolute contraindication', 'medical_director_only');
    }
    if (unmet.length > 0) {
      repo.refused(admitted, { ...fact, detail: { ...fact.detail, reason: unmet.map((item) => item.code).join(',') } });
      throw new PolicyBlocked('The override cannot be recorded', unmet);
    }
    const { assessment } = await assessChart(tx, ctx, audit, admitted, policy);
    const result = assessment.results.find((candidate) => candidate.ruleId === input.ruleId);
    if (result?.level !== 'absolute') {
      throw new Conflict('This rule is not an absolute contraindication for this patient now, so there is nothing to override', 'not_absolute');
    }
    const id = await repo.insertResolution(admitted, { ruleId: input.ruleId, kind: 'override', text: input.reason, evidence: result.evidence, policyVersion: policy.version });
    repo.record(admitted, { ...fact, resourceId: id, detail: { ...fact.detail, policyVersion: policy.version } });
    return assessmentView(tx, ctx, audit, admitted, policy);
  });
}
