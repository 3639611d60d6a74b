import { sql, type SQL } from 'drizzle-orm';
import type { PatientScope } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';

/** Statuses in which a patient counts as active for clinic-wide clinical access. */
const INACTIVE = sql`('inactive', 'discharged')`;

// These fragments are written with explicit table names: drizzle leaves columns unqualified in a
// single-table select, and an unqualified `id` inside a subquery would bind to the inner table.

/** The SQL twin of `scopeAdmits` (packages/core/src/access.ts) over the `patient` table. */
export function scopeCondition(scope: PatientScope, ctx: AuthedContext): SQL {
  const inClinic = sql`"patient"."clinic_id" = ${ctx.auth.user.clinicId}`;
  switch (scope.kind) {
    case 'clinic':
      return scope.activeOnly ? sql`(${inClinic} AND "patient"."status" NOT IN ${INACTIVE})` : inClinic;
    case 'care_team':
      return sql`(${inClinic} AND EXISTS (SELECT 1 FROM "care_team_member" ctm
        WHERE ctm."patient_id" = "patient"."id" AND ctm."user_id" = ${scope.userId}))`;
    case 'self':
      return sql`(${inClinic} AND "patient"."id" = ${scope.patientId})`;
    case 'none':
      return sql`false`;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/** The reason of this user's live break-glass grant for the row's patient, or null. */
export function breakGlassReason(ctx: AuthedContext): SQL<string | null> {
  return sql<string | null>`(SELECT bg."reason" FROM "break_glass_grant" bg
    WHERE bg."user_id" = ${ctx.auth.user.id} AND bg."patient_id" = "patient"."id"
      AND bg."expires_at" > ${ctx.now.toISOString()}
    ORDER BY bg."granted_at" DESC LIMIT 1)`;
}
