import { ValidationError, type ChartChange, type PolicyVersion } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact, type AuditTrail } from '../../platform/audit/trail.js';
import { EligibilityRepo } from '../eligibility/repo.js';
import { reopenOnNewInformation } from '../eligibility/reopen.js';
import { ChartRepo, type AdmittedPatient } from './chart-repo.js';
import { clinicToday } from './clinic-day.js';
import { chartForRules } from './intake-chart.js';

/** What a change to a chart works with: one transaction, the admitted patient, today and the policy. */
export interface ChartChangeContext {
  readonly tx: Tx;
  readonly ctx: AuthedContext;
  readonly audit: AuditTrail;
  readonly admitted: AdmittedPatient;
  readonly today: string;
  readonly policy: PolicyVersion;
}

/**
 * What the change told the eligibility rules: a ChartChange (reassessed from the chart as it was, by
 * core `reassessAfterChange`), 'recompute' (compare the chart as it is now), or nothing they read.
 */
export type ChangeEffect = ChartChange | 'recompute' | null;

/**
 * Runs one change to a chart in one transaction: admits the caller (audited), writes, and, when the
 * change is something the contraindication rules read, re-opens a standing eligibility decision it
 * undermines. Policy is read before the transaction opens (PGlite: one connection).
 */
export async function changeChart<T>(
  deps: AppDeps,
  ctx: AuthedContext,
  admit: (repo: ChartRepo) => Promise<AdmittedPatient>,
  write: (change: ChartChangeContext) => Promise<{ readonly result: T; readonly effect: ChangeEffect }>,
): Promise<T> {
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const admitted = await admit(new ChartRepo(tx, ctx, audit));
    const today = await clinicToday(tx, ctx);
    const before = await chartForRules(tx, ctx, audit, admitted);
    const { result, effect } = await write({ tx, ctx, audit, admitted, today, policy });
    if (effect !== null) {
      const information =
        effect === 'recompute'
          ? ({ kind: 'chart', after: (await chartForRules(tx, ctx, audit, admitted)).chart } as const)
          : ({ kind: 'change', before: before.chart, change: effect } as const);
      await reopenOnNewInformation(new EligibilityRepo(tx, ctx, audit), admitted, { information, policy: policy.policy.eligibility, today });
    }
    return result;
  });
}

/** Refuses a date after today (a start, stop, onset or measurement cannot be in the future). */
export function notAfterToday(date: string | null, today: string, path: readonly string[]): void {
  if (date !== null && date > today) throw new ValidationError(path, 'This date is in the future');
}
