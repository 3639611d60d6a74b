import {
  Conflict,
  Forbidden,
  mayBreakGlass,
  NotFound,
  type BreakGlassGrant,
  type CreatePatientRequest,
  type PatientHeader,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import * as repo from './repo.js';

export function getPatient(deps: AppDeps, ctx: AuthedContext, id: string): Promise<PatientHeader> {
  return transact(deps.db, ctx, (tx, audit) => new repo.PatientsRepo(tx, ctx, audit).header(id));
}

export function listPatients(deps: AppDeps, ctx: AuthedContext, query: { q?: string | undefined; limit: number; offset: number }): Promise<PatientHeader[]> {
  return transact(deps.db, ctx, (tx, audit) => new repo.PatientsRepo(tx, ctx, audit).list(query));
}

export function createPatient(deps: AppDeps, ctx: AuthedContext, input: CreatePatientRequest): Promise<PatientHeader> {
  return transact(deps.db, ctx, (tx, audit) => new repo.PatientsRepo(tx, ctx, audit).create(input));
}

function grantView(row: Awaited<ReturnType<typeof repo.listBreakGlassGrants>>[number]): BreakGlassGrant {
  const { grant } = row;
  return {
    id: grant.id,
    userId: grant.userId,
    userName: row.userName,
    patientId: grant.patientId,
    patientMrn: row.patientMrn,
    reason: grant.reason,
    grantedAt: grant.grantedAt.toISOString(),
    expiresAt: grant.expiresAt.toISOString(),
    reviewedAt: grant.reviewedAt?.toISOString() ?? null,
    reviewedBy: row.reviewerName,
    reviewNote: grant.reviewNote,
  };
}

/**
 * Emergency access (HIPAA §164.312(a)(2)(ii)): opens one patient's chart to the requester for the
 * policy's minutes, with a written reason, audited and listed for review.
 */
export async function breakGlass(deps: AppDeps, ctx: AuthedContext, input: { patientId: string; reason: string }): Promise<{ expiresAt: string }> {
  if (!mayBreakGlass(ctx.auth.principal)) throw new Forbidden('Only physicians, nurses and therapists may use break-glass access');
  const { policy } = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const patients = new repo.PatientsRepo(tx, ctx, audit);
    if (!(await patients.existsInClinic(input.patientId))) throw new NotFound('Patient');
    const expiresAt = new Date(ctx.now.getTime() + policy.security.breakGlassMinutes * 60_000);
    const grant = await repo.insertBreakGlassGrant(tx, {
      clinicId: ctx.auth.user.clinicId,
      userId: ctx.auth.user.id,
      patientId: input.patientId,
      reason: input.reason,
      grantedAt: ctx.now,
      expiresAt,
    });
    audit.record({
      action: 'break_glass',
      patientId: input.patientId,
      resourceType: 'BreakGlassGrant',
      resourceId: grant.id,
      breakGlassReason: input.reason,
      detail: { minutes: policy.security.breakGlassMinutes },
    });
    return { expiresAt: expiresAt.toISOString() };
  });
}

export async function listBreakGlass(deps: AppDeps, ctx: AuthedContext, unreviewedOnly: boolean): Promise<BreakGlassGrant[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const rows = await repo.listBreakGlassGrants(tx, ctx.auth.user.clinicId, { unreviewedOnly });
    audit.record({ action: 'query', resourceType: 'BreakGlassGrant', detail: { results: rows.length } });
    return rows.map(grantView);
  });
}

export async function reviewBreakGlass(deps: AppDeps, ctx: AuthedContext, id: string, note: string): Promise<void> {
  await transact(deps.db, ctx, async (tx, audit) => {
    const done = await repo.reviewBreakGlassGrant(tx, { clinicId: ctx.auth.user.clinicId, id, reviewerId: ctx.auth.user.id, note, at: ctx.now });
    if (!done) throw new Conflict('This grant does not exist or was already reviewed', 'already_reviewed');
    audit.record({ action: 'update', resourceType: 'BreakGlassGrant', resourceId: id, detail: { reviewed: true } });
  });
}
