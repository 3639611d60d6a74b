import {
  worstLevel,
  type ContraindicationAssessment,
  type ContraindicationResult,
  type ContraindicationRuleId,
  type EligibilityDecisionView,
  type EligibilityOutcome,
  type RuleResolution,
  type StaffRole,
} from '@lantern/core';
import type { DecisionRecord, ResolutionRow } from './repo.js';

/**
 * The assessment stored with a decision, back as the core type. It was written by
 * `assessContraindications` in the same codebase; the summary lists are rebuilt from its results.
 */
export function storedAssessment(value: unknown): ContraindicationAssessment {
  const results = ((value as { results?: unknown } | null)?.results ?? []) as ContraindicationResult[];
  if (!Array.isArray(results)) throw new Error('stored assessment has no results');
  return {
    results,
    summary: worstLevel(results.map((result) => result.level)),
    absolute: results.filter((result) => result.level === 'absolute'),
    relative: results.filter((result) => result.level === 'relative'),
    interactionFlags: results.filter((result) => result.kind === 'interaction' && result.severity !== null),
  };
}

/** A stored clearance or override as the core rules read it. */
export function ruleResolution(row: ResolutionRow): RuleResolution {
  return {
    id: row.id,
    ruleId: row.ruleId as ContraindicationRuleId,
    kind: row.kind as RuleResolution['kind'],
    text: row.text,
    evidence: Array.isArray(row.evidence) ? (row.evidence as string[]) : [],
    approvedBy: [{ userId: row.resolvedBy, roles: row.resolvedByRoles as StaffRole[] }],
    at: row.resolvedAt.toISOString(),
  };
}

export function decisionView(record: DecisionRecord): EligibilityDecisionView {
  const { decision, reopening } = record;
  return {
    id: decision.id,
    outcome: decision.outcome as EligibilityOutcome,
    conditions: decision.conditions,
    decidedBy: { userId: decision.decidedBy, displayName: record.deciderName },
    decidedAt: decision.decidedAt.toISOString(),
    policyVersion: decision.policyVersion,
    therapistEvaluationId: decision.therapistEvaluationId,
    physicianExamId: decision.physicianExamId,
    contentHash: decision.contentHash,
    overrides: (decision.overrides as { ruleId: string; reason: string }[]).map((o) => ({ ruleId: o.ruleId, reason: o.reason })),
    clearances: (decision.clearances as { ruleId: string; note: string }[]).map((c) => ({ ruleId: c.ruleId, note: c.note })),
    reopened: reopening ? { at: reopening.reopenedAt.toISOString(), reason: reopening.reason } : null,
  };
}
