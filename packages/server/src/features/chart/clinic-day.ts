import { eq } from 'drizzle-orm';
import { clinicDateOf } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { clinic } from '../../platform/db/schema/index.js';

/**
 * "Today" in the clinic's time zone ('YYYY-MM-DD'), from the request's one clock reading: ages,
 * stop dates and recent-event windows are calendar facts in the clinic's zone (architecture.md, "Time").
 */
export async function clinicToday(tx: Executor, ctx: AuthedContext): Promise<string> {
  const [row] = await tx.select({ timeZone: clinic.timeZone }).from(clinic).where(eq(clinic.id, ctx.auth.user.clinicId)).limit(1);
  return clinicDateOf(ctx.now, row?.timeZone ?? 'America/Chicago');
}
