import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { entryKindWords, type EntryLookup } from './discrepancy.js';
import { ledgerStaff, type LossTheftEntry } from './entry.js';
import { addBusinessDays, addClinicDays, compareClinicDates, clinicDate, type ClinicDate } from './clinic-date.js';
import { policyMg, type LedgerPolicy } from './policy.js';
import { mgValue } from './quantity-schema.js';
import { describeQuantity, sumMg, type Mg } from './quantity.js';
import { ok, refuseAll, type LedgerResult, type LedgerUnmet } from './result.js';

/**
 * Losses (clinical.md §6.2 item 6, 21 CFR 1301.76(b)). A theft or significant loss is reported: the
 * DEA Field Division in writing within one business day of discovery, DEA Form 106 electronically,
 * the state board (and police for a theft). Minor differences stay in the records, but a recurring
 * pattern of small losses counts as significant.
 */

/** One shortfall found on a date (a discrepancy or a recorded loss), as a positive mass. */
export interface Shortfall {
  readonly on: ClinicDate;
  readonly amount: Mg;
}

export interface SmallLossPattern {
  readonly flagged: boolean;
  /** First day of the window (inclusive); the window ends on `asOf`. */
  readonly windowStart: ClinicDate;
  readonly count: number;
  readonly total: Mg;
  readonly reasons: readonly string[];
}

type PatternPolicy = Pick<LedgerPolicy, 'smallLossWindowDays' | 'smallLossPatternCount' | 'smallLossPatternTotalMg'>;

/** Shortfalls in the policy window ending on `asOf`: flagged when there are enough of them, or enough in total. */
export function smallLossPattern(shortfalls: Iterable<Shortfall>, asOf: ClinicDate, policy: PatternPolicy): SmallLossPattern {
  const windowStart = addClinicDays(asOf, -(policy.smallLossWindowDays - 1));
  const inWindow = [...shortfalls].filter(
    (s) => s.amount.hundredths > 0 && compareClinicDates(s.on, windowStart) >= 0 && compareClinicDates(s.on, asOf) <= 0,
  );
  const total = sumMg(inWindow.map((s) => s.amount));
  const threshold = policyMg(policy.smallLossPatternTotalMg);
  const reasons: string[] = [];
  if (inWindow.length >= policy.smallLossPatternCount) {
    reasons.push(`${inWindow.length} shortfalls in ${policy.smallLossWindowDays} days (policy: ${policy.smallLossPatternCount})`);
  }
  if (inWindow.length > 0 && total.hundredths >= threshold.hundredths) {
    reasons.push(`${describeQuantity(total)} short in ${policy.smallLossWindowDays} days (policy: ${describeQuantity(threshold)})`);
  }
  return { flagged: reasons.length > 0, windowStart, count: inWindow.length, total, reasons };
}

export interface LossAssessment {
  readonly significant: boolean;
  readonly reasons: readonly string[];
}

/**
 * Whether a newly found shortfall is a significant loss: any theft; a single shortfall at or above
 * the policy amount; or a pattern of small losses including this one.
 */
export function assessLoss(
  found: Shortfall & { readonly theft: boolean },
  history: Iterable<Shortfall>,
  policy: PatternPolicy & Pick<LedgerPolicy, 'significantLossMg'>,
): LossAssessment {
  const reasons: string[] = [];
  if (found.theft) reasons.push('A theft is always reported');
  const threshold = policyMg(policy.significantLossMg);
  if (found.amount.hundredths >= threshold.hundredths) {
    reasons.push(`${describeQuantity(found.amount)} is at least the significant-loss amount (${describeQuantity(threshold)})`);
  }
  const pattern = smallLossPattern([...history, found], found.on, policy);
  reasons.push(...pattern.reasons.map((reason) => `Pattern of small losses: ${reason}`));
  return { significant: reasons.length > 0, reasons };
}

export const LOSS_STEPS = ['notify_dea_field_division', 'file_dea_form_106', 'notify_state_board', 'notify_police'] as const;
export type LossStep = (typeof LOSS_STEPS)[number];

export const LOSS_STEP_LABELS: Record<LossStep, string> = {
  notify_dea_field_division: 'Notify the DEA Field Division in writing',
  file_dea_form_106: 'File DEA Form 106 electronically',
  notify_state_board: 'Notify the state board',
  notify_police: 'Notify local police',
};

export const lossChecklistStep = z.strictObject({
  step: z.enum(LOSS_STEPS),
  dueOn: clinicDate,
  completedOn: clinicDate.nullable(),
  /** The Form 106 confirmation number, the letter's reference, the police report number. */
  reference: z.string().trim().max(100).nullable(),
  completedBy: ledgerStaff.nullable(),
});
export type LossChecklistStep = z.output<typeof lossChecklistStep>;

/** The record a significant loss opens; it tracks each reporting step. */
export const significantLossRecord = z.strictObject({
  id: uuid,
  discoveredOn: clinicDate,
  lossKind: z.enum(['theft', 'loss']),
  amount: mgValue,
  lossEntryIds: z.array(uuid).max(100),
  steps: z.array(lossChecklistStep).min(1).max(LOSS_STEPS.length),
});
export type SignificantLossRecord = z.output<typeof significantLossRecord>;

/** The loss report that already covers an entry. */
export interface CoveringReport {
  readonly reportId: string;
  readonly discoveredOn: ClinicDate;
}

export interface LossReportEntriesInput extends EntryLookup {
  /** The entry ids as the request names them (refusals point at their index here). */
  readonly requested: readonly string[];
  /** Entry id → the report that already covers it. */
  readonly reportedIn: ReadonlyMap<string, CoveringReport>;
}

/** "the theft of 200 mg recorded on 2026-11-28 (entry 3f2a…)": enough for a person to find it in the activity list. */
function lossWords(entry: LossTheftEntry): string {
  return `the ${entry.lossKind} of ${describeQuantity(entry.amount.mass)} recorded on ${entry.localDate} (entry ${entry.id})`;
}

/**
 * The loss/theft entries a new report covers, each once. One event is reported once (one Form 106,
 * one letter to the Field Division), so an entry already on a report is refused; a reversed entry
 * no longer records a loss, so there is nothing left to report. Every offending entry is named.
 */
export function lossReportEntries(input: LossReportEntriesInput): LedgerResult<LossTheftEntry[]> {
  const problems: LedgerUnmet[] = [];
  const chosen = new Map<string, LossTheftEntry>();
  const seen = new Set<string>();
  input.requested.forEach((entryId, index) => {
    if (seen.has(entryId)) return;
    seen.add(entryId);
    const path = ['lossEntryIds', index];
    const entry = input.entries.get(entryId);
    if (!entry) {
      problems.push({ code: 'unknown_entry', message: `There is no entry ${entryId} in this ledger`, path, entryId });
      return;
    }
    if (entry.kind !== 'loss_theft') {
      problems.push({ code: 'wrong_entry_kind', message: `Entry ${entryId} is not a loss or theft (it is ${entryKindWords(entry.kind)})`, path, entryId });
      return;
    }
    const reversal = input.reversedBy.get(entryId);
    if (reversal) {
      problems.push({ code: 'entry_reversed', message: `${capitalised(lossWords(entry))} was reversed by entry ${reversal}: there is no loss left to report`, path, entryId });
    }
    const report = input.reportedIn.get(entryId);
    if (report) {
      problems.push({
        code: 'loss_already_reported',
        message: `${capitalised(lossWords(entry))} is already on the loss report discovered on ${report.discoveredOn}: work through that report's checklist`,
        path,
        entryId,
      });
    }
    chosen.set(entryId, entry);
  });
  return problems.length > 0 ? refuseAll(problems) : ok([...chosen.values()]);
}

/**
 * A reversal of a loss that is on a loss report is refused: the report (a Form 106, a letter to the
 * DEA Field Division) speaks of that entry, and filed reports are not withdrawn by editing the
 * ledger. Drug found again after a reported loss is recorded as its own entry (an adjustment after a
 * count), so the loss and the recovery both stay on the record.
 */
export function reportedLossReversal(entryId: string, report: { readonly discoveredOn: string } | undefined): LedgerResult<null> {
  if (!report) return ok(null);
  return refuseAll([
    {
      code: 'loss_already_reported',
      message: `Entry ${entryId} is on the loss report discovered on ${report.discoveredOn}, so it cannot be reversed; record drug found again as an adjustment after a count`,
      path: ['reversesEntryId'],
      entryId,
    },
  ]);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type ChecklistPolicy = Pick<LedgerPolicy, 'deaNotifyBusinessDays' | 'form106DueDays' | 'stateBoardNotifyBusinessDays' | 'notifyPoliceOnTheft'>;

/**
 * The steps and due dates from the clinic-local discovery date. Business days skip Saturdays,
 * Sundays and `holidays`: a loss found on a Friday is due at the DEA on Monday.
 */
export function significantLossChecklist(
  loss: { readonly discoveredOn: ClinicDate; readonly lossKind: 'theft' | 'loss'; readonly holidays?: Iterable<ClinicDate> },
  policy: ChecklistPolicy,
): LossChecklistStep[] {
  const holidays = [...(loss.holidays ?? [])];
  const open = (step: LossStep, dueOn: ClinicDate): LossChecklistStep => ({ step, dueOn, completedOn: null, reference: null, completedBy: null });
  const steps = [
    open('notify_dea_field_division', addBusinessDays(loss.discoveredOn, policy.deaNotifyBusinessDays, holidays)),
    open('file_dea_form_106', addClinicDays(loss.discoveredOn, policy.form106DueDays)),
    open('notify_state_board', addBusinessDays(loss.discoveredOn, policy.stateBoardNotifyBusinessDays, holidays)),
  ];
  if (loss.lossKind === 'theft' && policy.notifyPoliceOnTheft) {
    steps.push(open('notify_police', addBusinessDays(loss.discoveredOn, policy.deaNotifyBusinessDays, holidays)));
  }
  return steps;
}

export type StepStatus = 'open' | 'overdue' | 'done' | 'done_late';

/** Where each step stands on the clinic-local `today`. */
export function checklistStatus(steps: readonly LossChecklistStep[], today: ClinicDate): Array<LossChecklistStep & { readonly status: StepStatus }> {
  return steps.map((step) => {
    const status: StepStatus =
      step.completedOn !== null
        ? compareClinicDates(step.completedOn, step.dueOn) > 0
          ? 'done_late'
          : 'done'
        : compareClinicDates(today, step.dueOn) > 0
          ? 'overdue'
          : 'open';
    return { ...step, status };
  });
}
