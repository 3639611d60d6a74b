import { eq } from 'drizzle-orm';
import { clinicDateOf } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { clinic } from '../../platform/db/schema/index.js';

export interface ClinicTime {
  readonly timeZone: string;
  /** The clinic-local date of the request's instant: expiry, counts and due dates are judged on it. */
  readonly today: string;
}

export async function clinicTime(tx: Executor, ctx: AuthedContext): Promise<ClinicTime> {
  const [row] = await tx.select({ timeZone: clinic.timeZone }).from(clinic).where(eq(clinic.id, ctx.auth.user.clinicId)).limit(1);
  const timeZone = row?.timeZone ?? 'America/Chicago';
  return { timeZone, today: clinicDateOf(ctx.now, timeZone) };
}
