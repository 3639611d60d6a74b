import { sql, type SQL } from 'drizzle-orm';
import type { PatientScope } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';

/** Statuses in which a patient counts as active for clinic-wide clinical access. */
const INACTIVE = sql`('inactive', 'discharged')`;

/**
 * What the scope SQL compares against: the request's values, or named placeholders when the
 * statement is prepared once and run many times (see `scopeParams`).
 */
interface ScopeValues {
  readonly clinicId: unknown;
  readonly userId: unknown;
  readonly patientId: unknown;
  /** The caller, whose break-glass grants count. */
  readonly viewerId: unknown;
  readonly now: unknown;
}

/** The placeholders of a prepared statement built with `preparedScopeCondition`/`preparedBreakGlassReason`. */
const PLACEHOLDERS: ScopeValues = {
  clinicId: sql.placeholder('scopeClinicId'),
  userId: sql.placeholder('scopeUserId'),
  patientId: sql.placeholder('scopePatientId'),
  viewerId: sql.placeholder('scopeViewerId'),
  now: sql.placeholder('scopeNow'),
};

function valuesOf(scope: PatientScope, ctx: AuthedContext): ScopeValues {
  return {
    clinicId: ctx.auth.user.clinicId,
    userId: scope.kind === 'care_team' ? scope.userId : null,
    patientId: scope.kind === 'self' ? scope.patientId : null,
    viewerId: ctx.auth.user.id,
    now: ctx.now.toISOString(),
  };
}

// These fragments are written with explicit table names: drizzle leaves columns unqualified in a
// single-table select, and an unqualified `id` inside a subquery would bind to the inner table.

function scopeSql(scope: PatientScope, values: ScopeValues): SQL {
  const inClinic = sql`"patient"."clinic_id" = ${values.clinicId}`;
  switch (scope.kind) {
    case 'clinic':
      return scope.activeOnly ? sql`(${inClinic} AND "patient"."status" NOT IN ${INACTIVE})` : inClinic;
    case 'care_team':
      return sql`(${inClinic} AND EXISTS (SELECT 1 FROM "care_team_member" ctm
        WHERE ctm."patient_id" = "patient"."id" AND ctm."user_id" = ${values.userId}))`;
    case 'self':
      return sql`(${inClinic} AND "patient"."id" = ${values.patientId})`;
    case 'none':
      return sql`false`;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

function breakGlassSql(values: ScopeValues): SQL<string | null> {
  return sql<string | null>`(SELECT bg."reason" FROM "break_glass_grant" bg
    WHERE bg."user_id" = ${values.viewerId} AND bg."patient_id" = "patient"."id"
      AND bg."expires_at" > ${values.now}
    ORDER BY bg."granted_at" DESC LIMIT 1)`;
}

/** The SQL twin of `scopeAdmits` (packages/core/src/access.ts) over the `patient` table. */
export function scopeCondition(scope: PatientScope, ctx: AuthedContext): SQL {
  return scopeSql(scope, valuesOf(scope, ctx));
}

/** The reason of this user's live break-glass grant for the row's patient, or null. */
export function breakGlassReason(ctx: AuthedContext): SQL<string | null> {
  return breakGlassSql(valuesOf({ kind: 'none' }, ctx));
}

/**
 * For prepared statements: the scope condition and the break-glass reason with placeholders, a key
 * naming the statement's shape (one prepared statement per shape), and the values to run it with.
 */
export function preparedScope(scope: PatientScope): { readonly key: string; readonly condition: SQL; readonly breakGlass: SQL<string | null> } {
  const key = scope.kind === 'clinic' ? `clinic_${scope.activeOnly ? 'active' : 'all'}` : scope.kind;
  return { key, condition: scopeSql(scope, PLACEHOLDERS), breakGlass: breakGlassSql(PLACEHOLDERS) };
}

export function scopeParams(scope: PatientScope, ctx: AuthedContext): Record<string, unknown> {
  const values = valuesOf(scope, ctx);
  return { scopeClinicId: values.clinicId, scopeUserId: values.userId, scopePatientId: values.patientId, scopeViewerId: values.viewerId, scopeNow: values.now };
}
