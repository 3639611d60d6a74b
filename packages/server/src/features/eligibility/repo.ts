import { desc, eq, sql } from 'drizzle-orm';
import type { ContraindicationAssessment, EligibilityOutcome, RuleChange } from '@lantern/core';
import { contraindicationResolution, eligibilityDecision, eligibilityReopening } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { ChartRepo, type AdmittedPatient } from '../chart/chart-repo.js';

export type DecisionRow = typeof eligibilityDecision.$inferSelect;
export type ReopeningRow = typeof eligibilityReopening.$inferSelect;
export type ResolutionRow = typeof contraindicationResolution.$inferSelect;

export interface DecisionRecord {
  readonly decision: DecisionRow;
  readonly deciderName: string;
  readonly reopening: ReopeningRow | null;
}

export interface NewDecision {
  readonly supersedesId: string | null;
  readonly outcome: EligibilityOutcome;
  readonly conditions: readonly string[];
  readonly therapistEvaluationId: string;
  readonly physicianExamId: string;
  readonly policyVersion: number;
  readonly assessment: ContraindicationAssessment;
  readonly overrides: readonly unknown[];
  readonly clearances: readonly unknown[];
  readonly contentHash: string;
  readonly id: string;
}

/** Eligibility decisions, their re-openings, and contraindication clearances and overrides. */
export class EligibilityRepo extends ChartRepo {
  /** Every decision on the chart, newest first, with who decided and any re-opening. */
  async decisions(admitted: AdmittedPatient): Promise<DecisionRecord[]> {
    const rows = await this.tx
      .select({
        decision: eligibilityDecision,
        deciderName: sql<string>`(SELECT u."display_name" FROM "app_user" u WHERE u."id" = "eligibility_decision"."decided_by")`,
        reopening: eligibilityReopening,
      })
      .from(eligibilityDecision)
      .leftJoin(eligibilityReopening, eq(eligibilityReopening.decisionId, eligibilityDecision.id))
      .where(eq(eligibilityDecision.patientId, admitted.id))
      .orderBy(desc(eligibilityDecision.decidedAt), desc(eligibilityDecision.id));
    return rows;
  }

  /** Inserts a decision; the unique indexes let only one decision follow each one (see the schema). */
  async insertDecision(admitted: AdmittedPatient, values: NewDecision): Promise<void> {
    await this.tx.insert(eligibilityDecision).values({
      id: values.id,
      clinicId: admitted.clinicId,
      patientId: admitted.id,
      supersedesId: values.supersedesId,
      outcome: values.outcome,
      conditions: [...values.conditions],
      therapistEvaluationId: values.therapistEvaluationId,
      physicianExamId: values.physicianExamId,
      decidedBy: this.ctx.auth.user.id,
      decidedByRoles: [...this.ctx.auth.user.roles],
      decidedAt: this.ctx.now,
      policyVersion: values.policyVersion,
      assessment: values.assessment,
      overrides: values.overrides,
      clearances: values.clearances,
      contentHash: values.contentHash,
    });
  }

  /** Re-opens a decision (once; a second re-opening of the same decision changes nothing). */
  async insertReopening(admitted: AdmittedPatient, decisionId: string, reopening: { reason: string; changes: readonly RuleChange[] }): Promise<boolean> {
    const rows = await this.tx
      .insert(eligibilityReopening)
      .values({
        id: newId(),
        decisionId,
        clinicId: admitted.clinicId,
        patientId: admitted.id,
        reopenedAt: this.ctx.now,
        reason: reopening.reason,
        changes: reopening.changes,
        triggeredBy: this.ctx.auth.user.id,
      })
      .onConflictDoNothing()
      .returning({ id: eligibilityReopening.id });
    return rows.length === 1;
  }

  async resolutions(admitted: AdmittedPatient): Promise<(ResolutionRow & { resolverName: string })[]> {
    const rows = await this.tx
      .select({
        row: contraindicationResolution,
        resolverName: sql<string>`(SELECT u."display_name" FROM "app_user" u WHERE u."id" = "contraindication_resolution"."resolved_by")`,
      })
      .from(contraindicationResolution)
      .where(eq(contraindicationResolution.patientId, admitted.id))
      .orderBy(desc(contraindicationResolution.resolvedAt));
    return rows.map(({ row, resolverName }) => ({ ...row, resolverName }));
  }

  async insertResolution(
    admitted: AdmittedPatient,
    values: { ruleId: string; kind: 'clearance' | 'override'; text: string; evidence: readonly string[]; policyVersion: number },
  ): Promise<string> {
    const id = newId();
    await this.tx.insert(contraindicationResolution).values({
      id,
      clinicId: admitted.clinicId,
      patientId: admitted.id,
      ruleId: values.ruleId,
      kind: values.kind,
      text: values.text,
      evidence: [...values.evidence],
      resolvedBy: this.ctx.auth.user.id,
      resolvedByRoles: [...this.ctx.auth.user.roles],
      resolvedAt: this.ctx.now,
      policyVersion: values.policyVersion,
    });
    return id;
  }
}

