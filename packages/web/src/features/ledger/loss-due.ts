import { clinicDaysBetween, type LossReportView } from '@lantern/core';
import { formatCalendarDate } from '../../ui/time';

type StepStatus = LossReportView['steps'][number]['status'];

/** The words and colour of a checklist step's status. */
export const STEP_STATUS: Record<StepStatus, { readonly label: string; readonly color: string }> = {
  open: { label: 'Open', color: 'blue' },
  overdue: { label: 'Overdue', color: 'red' },
  done: { label: 'Done', color: 'teal' },
  done_late: { label: 'Done late', color: 'orange' },
};

/**
 * How far off a due date is from the clinic-local `today`: "due today", "due tomorrow", "due in 44
 * days", "2 days overdue". Due dates are whole clinic days (21 CFR 1301.76(b): the DEA Field
 * Division within one business day of discovery), so the day is the deadline.
 */
export function dueWords(dueOn: string, today: string): string {
  const days = clinicDaysBetween(today, dueOn);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 1) return `due in ${days} days`;
  return days === -1 ? '1 day overdue' : `${-days} days overdue`;
}

/**
 * What opening a loss report says: the checklist is open, and by when the DEA Field Division is to
 * be told in writing (its first and shortest deadline).
 */
export function lossChecklistOpenedNotice(report: { readonly steps: ReadonlyArray<Pick<LossReportView['steps'][number], 'step' | 'dueOn'>> }): string {
  const dea = report.steps.find((s) => s.step === 'notify_dea_field_division');
  return `Loss checklist opened${dea ? `: notify the DEA Field Division by ${formatCalendarDate(dea.dueOn)}` : ''}`;
}
