import { sql, type SQL } from 'drizzle-orm';
import type { PatientScope } from '@lantern/core';
import { breakGlassGrant, careTeamMember, patient } from '../../platform/db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';

/** Statuses in which a patient counts as active for clinic-wide clinical access. */
const INACTIVE = ['inactive', 'discharged'];

/** The SQL twin of `scopeAdmits` (packages/core/src/access.ts) over the `patient` table. */
export function scopeCondition(scope: PatientScope, ctx: AuthedContext): SQL {
  const inClinic = sql`${patient.clinicId} = ${ctx.auth.user.clinicId}`;
  switch (scope.kind) {
    case 'clinic':
      return scope.activeOnly ? sql`(${inClinic} AND ${patient.status} NOT IN (${sql.join(INACTIVE.map((s) => sql`${s}`), sql`, `)}))` : inClinic;
    case 'care_team':
      return sql`(${inClinic} AND EXISTS (SELECT 1 FROM ${careTeamMember} WHERE ${careTeamMember.patientId} = ${patient.id} AND ${careTeamMember.userId} = ${scope.userId}))`;
    case 'self':
      return sql`(${inClinic} AND ${patient.id} = ${scope.patientId})`;
    case 'none':
      return sql`false`;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/** A live break-glass grant of this user for the row's patient, or null: its reason goes in the audit. */
export function breakGlassReason(ctx: AuthedContext): SQL<string | null> {
  return sql<string | null>`(SELECT ${breakGlassGrant.reason} FROM ${breakGlassGrant}
    WHERE ${breakGlassGrant.userId} = ${ctx.auth.user.id} AND ${breakGlassGrant.patientId} = ${patient.id}
      AND ${breakGlassGrant.expiresAt} > ${ctx.now.toISOString()}
    ORDER BY ${breakGlassGrant.grantedAt} DESC LIMIT 1)`;
}
