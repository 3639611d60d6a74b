import type { AppDeps } from '../../platform/deps.js';
import { mailerFor } from '../../platform/jobs/mail.js';
import type { JobHandlers } from '../../platform/jobs/worker.js';
import { REMINDER_JOB, reminderHandler } from './reminders.js';

/** The background jobs scheduling runs (reminders), with the mailer the configuration asks for. */
export async function schedulingJobHandlers(deps: AppDeps): Promise<JobHandlers> {
  return { [REMINDER_JOB]: reminderHandler(deps.db, await mailerFor(deps.config)) };
}
