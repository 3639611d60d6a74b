import {
  assessLoss,
  checklistStatus,
  Conflict,
  formatMg,
  LOSS_STEP_LABELS,
  lossReportEntries,
  mgOf,
  NotFound,
  significantLossChecklist,
  unwrapLedger,
  ValidationError,
  type LossChecklistStep,
  type LossReportView,
  type LossStep,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/index.js';
import { transact } from '../../platform/audit/trail.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/ids.js';
import { clinicTime } from './clinic-time.js';
import * as records from './records-repo.js';
import * as repo from './repo.js';

/**
 * Theft or significant loss (21 CFR 1301.76(b); clinical.md §6.2 item 6): opening a report fixes the
 * checklist and its due dates (DEA Field Division within one business day, Form 106, the state board,
 * police for a theft); each step is then marked done, once, with its reference. Each loss/theft entry
 * is reported once, and only while it stands (not reversed).
 */

type ReportRow = records.LossReportRow;
type DoneRow = records.LossStepDoneRow;

async function viewOf(tx: Executor, row: ReportRow, done: readonly DoneRow[], today: string): Promise<LossReportView> {
  const names = await repo.staffNames(tx, done.map((d) => d.completedBy));
  const steps: LossChecklistStep[] = (row.steps as LossChecklistStep[]).map((step) => {
    const completed = done.find((d) => d.step === step.step);
    return completed ? { ...step, completedOn: completed.completedOn, reference: completed.reference } : step;
  });
  const doneBy = (step: LossStep): string | null => {
    const completed = done.find((d) => d.step === step);
    return completed ? (names.get(completed.completedBy) ?? null) : null;
  };
  return {
    id: row.id,
    discoveredOn: row.discoveredOn,
    lossKind: row.lossKind as 'theft' | 'loss',
    amountMg: formatMg(mgOf(row.amountHundredths)),
    lossEntryIds: row.lossEntryIds as string[],
    reasons: row.reasons as string[],
    steps: checklistStatus(steps, today).map((step) => ({
      step: step.step,
      label: LOSS_STEP_LABELS[step.step],
      dueOn: step.dueOn,
      completedOn: step.completedOn,
      reference: step.reference,
      completedByName: doneBy(step.step),
      status: step.status,
    })),
  };
}

export async function openLossReport(
  deps: AppDeps,
  ctx: AuthedContext,
  input: { readonly lossKind: 'theft' | 'loss'; readonly discoveredOn: string; readonly lossEntryIds: readonly string[] },
): Promise<LossReportView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const { policy } = await deps.policies.current(clinicId, tx);
    const { today } = await clinicTime(tx, ctx);
    if (input.discoveredOn > today) throw new ValidationError(['discoveredOn'], 'The loss cannot be discovered after today');
    const requested = [...new Set(input.lossEntryIds)];
    const entries = new Map((await repo.entriesByIds(tx, clinicId, requested)).map((row) => [row.id, repo.entryOfRow(row)] as const));
    // Lock the entries' containers before looking for reversals and earlier reports: a reversal of one
    // of these entries, or a second report of it, locks the same rows, so it waits for this one to be
    // stored (and this one, once it holds the locks, sees theirs).
    await repo.lockContainers(tx, clinicId, [...entries.values()].flatMap((entry) => (entry.kind === 'loss_theft' ? [entry.containerId] : [])));
    const chosen = unwrapLedger(
      lossReportEntries({
        requested: input.lossEntryIds,
        entries,
        reversedBy: new Map(await repo.reversalsOf(tx, requested)),
        reportedIn: await records.reportsCovering(tx, clinicId, requested),
      }),
    );
    const amount = chosen.reduce((sum, entry) => sum + entry.amount.mass.hundredths, 0);
    const assessment = assessLoss({ on: input.discoveredOn, amount: mgOf(amount), theft: input.lossKind === 'theft' }, [], policy.ledger);
    const row: ReportRow = {
      id: newId(),
      clinicId,
      discoveredOn: input.discoveredOn,
      lossKind: input.lossKind,
      amountHundredths: amount,
      lossEntryIds: chosen.map((entry) => entry.id),
      reasons: assessment.significant ? assessment.reasons : ['Opened by staff judgement'],
      steps: significantLossChecklist({ discoveredOn: input.discoveredOn, lossKind: input.lossKind }, policy.ledger),
      openedBy: ctx.auth.user.id,
      openedAt: ctx.now,
    };
    await records.insertLossReport(tx, row);
    audit.record({ action: 'create', resourceType: 'LedgerLossReport', resourceId: row.id, detail: { lossKind: input.lossKind } });
    return viewOf(tx, row, [], today);
  });
}

export async function completeLossStep(
  deps: AppDeps,
  ctx: AuthedContext,
  id: string,
  step: LossStep,
  input: { readonly completedOn: string; readonly reference: string | null },
): Promise<LossReportView> {
  const clinicId = ctx.auth.user.clinicId;
  try {
    return await transact(deps.db, ctx, async (tx, audit) => {
      const { today } = await clinicTime(tx, ctx);
      const row = await records.lossReport(tx, clinicId, id);
      if (!row) throw new NotFound('No such loss report');
      if (!(row.steps as LossChecklistStep[]).some((s) => s.step === step)) throw new ValidationError(['step'], 'This report has no such step');
      if (input.completedOn > today || input.completedOn < row.discoveredOn) throw new ValidationError(['completedOn'], 'A step is done between the discovery and today');
      if (step === 'file_dea_form_106' && !input.reference) throw new ValidationError(['reference'], 'Give the Form 106 confirmation number');
      await records.insertLossStepDone(tx, { id: newId(), lossReportId: id, step, completedOn: input.completedOn, reference: input.reference, completedBy: ctx.auth.user.id, completedAt: ctx.now });
      audit.record({ action: 'update', resourceType: 'LedgerLossReport', resourceId: id, detail: { step } });
      const done = await records.lossStepsDone(tx, [id]);
      return viewOf(tx, row, done, today);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('This step is already marked done', 'step_already_done');
    throw error;
  }
}

export async function listLossReports(deps: AppDeps, ctx: AuthedContext): Promise<LossReportView[]> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const { today } = await clinicTime(tx, ctx);
    const rows = await records.lossReports(tx, clinicId);
    const done = await records.lossStepsDone(tx, rows.map((r) => r.id));
    audit.record({ action: 'query', resourceType: 'LedgerLossReport', detail: { returned: rows.length } });
    const views: LossReportView[] = [];
    for (const row of rows) views.push(await viewOf(tx, row, done.filter((d) => d.lossReportId === row.id), today));
    return views;
  });
}
