import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { ledgerStaff } from './entry.js';
import { addBusinessDays, addClinicDays, compareClinicDates, clinicDate, type ClinicDate } from './clinic-date.js';
import { policyMg, type LedgerPolicy } from './policy.js';
import { mgValue } from './quantity-schema.js';
import { describeQuantity, sumMg, type Mg } from './quantity.js';

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
