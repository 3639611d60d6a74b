import {
  assessContraindications,
  compareAssessments,
  reassessAfterChange,
  reopenReason,
  type ChartChange,
  type EligibilityPolicy,
  type IntakeChart,
  type RuleChange,
} from '@lantern/core';
import type { AdmittedPatient } from '../chart/chart-repo.js';
import type { EligibilityRepo } from './repo.js';
import { storedAssessment } from './views.js';

/** New information on a chart: a change applied to the chart as it was, or the chart as it is now. */
export type NewInformation =
  | { readonly kind: 'change'; readonly before: IntakeChart; readonly change: ChartChange }
  | { readonly kind: 'chart'; readonly after: IntakeChart };

/**
 * Re-opens the standing eligibility decision when new information makes a contraindication more
 * restrictive or gives a standing one new evidence (core `reassessAfterChange` / `compareAssessments`
 * against the assessment the decision was made on). A not-eligible decision, or one already
 * re-opened, stays as it is. Returns whether it re-opened the decision.
 */
export async function reopenOnNewInformation(
  repo: EligibilityRepo,
  admitted: AdmittedPatient,
  options: { readonly information: NewInformation; readonly policy: EligibilityPolicy; readonly today: string },
): Promise<boolean> {
  const [latest] = await repo.decisions(admitted);
  if (!latest || latest.reopening || latest.decision.outcome === 'not_eligible') return false;
  const prior = storedAssessment(latest.decision.assessment);
  const { information, policy, today } = options;
  let changes: readonly RuleChange[];
  if (information.kind === 'change') {
    changes = reassessAfterChange({ prior, chart: information.before, change: information.change, policy, today }).changes;
  } else {
    changes = compareAssessments(prior, assessContraindications({ chart: information.after, policy, today }));
  }
  const reopening = changes.filter((change) => change.reopens);
  if (reopening.length === 0) return false;
  const inserted = await repo.insertReopening(admitted, latest.decision.id, { reason: reopenReason(reopening), changes: reopening });
  if (inserted) {
    repo.record(admitted, {
      action: 'update',
      resourceType: 'EligibilityDecision',
      resourceId: latest.decision.id,
      detail: { reopened: true, rules: reopening.length },
    });
  }
  return inserted;
}
