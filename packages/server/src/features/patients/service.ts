import {
  Conflict,
  findLikelyDuplicates,
  Forbidden,
  mayBreakGlass,
  NotFound,
  type BreakGlassGrant,
  type ChartEvent,
  type CreatePatientRequest,
  type EligibilityPolicy,
  type PatientHeader,
  type PatientStatus,
  type PersonIdentity,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { readAudited, transact, type AuditTrail } from '../../platform/audit/trail.js';
import type { Tx } from '../../platform/db/index.js';
import * as repo from './repo.js';

export function getPatient(deps: AppDeps, ctx: AuthedContext, id: string): Promise<PatientHeader> {
  return readAudited(deps.db, ctx, (db, audit) => new repo.PatientsRepo(db, ctx, audit).header(id));
}

export function listPatients(deps: AppDeps, ctx: AuthedContext, query: { q?: string | undefined; limit: number; offset: number }): Promise<PatientHeader[]> {
  return transact(deps.db, ctx, (tx, audit) => new repo.PatientsRepo(tx, ctx, audit).list(query));
}

export function createPatient(deps: AppDeps, ctx: AuthedContext, input: CreatePatientRequest): Promise<PatientHeader> {
  return transact(deps.db, ctx, (tx, audit) => new repo.PatientsRepo(tx, ctx, audit).create(input));
}

/**
 * Creates a chart inside a unit of work another feature already opened (intake converts an inquiry
 * in one transaction with its own writes); same rules and audit as `createPatient`.
 */
export function createPatientWithin(tx: Tx, ctx: AuthedContext, audit: AuditTrail, input: CreatePatientRequest): Promise<PatientHeader> {
  return new repo.PatientsRepo(tx, ctx, audit).create(input);
}

/** Moves a chart's status on as its evaluation advances, inside another feature's unit of work. */
export function advancePatientStatusWithin(tx: Tx, ctx: AuthedContext, audit: AuditTrail, id: string, event: ChartEvent): Promise<PatientStatus> {
  return new repo.PatientsRepo(tx, ctx, audit).advanceStatus(id, event);
}

/** One chart header inside another feature's unit of work (scoped and audited as `getPatient`). */
export function getPatientWithin(tx: Tx, ctx: AuthedContext, audit: AuditTrail, id: string): Promise<PatientHeader> {
  return new repo.PatientsRepo(tx, ctx, audit).header(id);
}

/** A chart of the clinic that may be the same person as `person`, best match first. */
export interface LikelyDuplicatePatient {
  readonly patientId: string;
  readonly mrn: string;
  /** Null when the caller may not see this chart's demographics. */
  readonly name: string | null;
  readonly dateOfBirth: string | null;
  readonly score: number;
  readonly matchedOn: readonly string[];
}

/**
 * The clinic's charts that are likely the same person (core `findLikelyDuplicates`, threshold from
 * policy). Searches the whole clinic, whatever the caller's scope, but names only charts in scope.
 */
export async function findDuplicatePatientsWithin(
  tx: Tx,
  ctx: AuthedContext,
  audit: AuditTrail,
  options: { readonly person: PersonIdentity; readonly policy: EligibilityPolicy },
): Promise<LikelyDuplicatePatient[]> {
  const rows = await new repo.PatientsRepo(tx, ctx, audit).identities('duplicate_check');
  return findLikelyDuplicates(options.person, rows, options.policy).map(({ record, match }) => ({
    patientId: record.id,
    mrn: record.mrn,
    name: record.inScope ? `${record.givenName} ${record.familyName}` : null,
    dateOfBirth: record.inScope ? record.dateOfBirth : null,
    score: match.score,
    matchedOn: match.signals.filter((signal) => signal.points > 0).map((signal) => signal.field),
  }));
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
