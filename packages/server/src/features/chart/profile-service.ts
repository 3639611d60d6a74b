import { eq } from 'drizzle-orm';
import {
  ageInYears,
  Conflict,
  intakeChart,
  parseOrThrow,
  type CareTeam,
  type CareTeamCandidate,
  type ChartHeader,
  type IntakeChartInput,
  type PatientProfile,
  type UpdateCareTeamRequest,
  type UpdateProfileRequest,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/index.js';
import { transact } from '../../platform/audit/trail.js';
import { patient } from '../../platform/db/schema/index.js';
import { currentEligibility } from '../eligibility/gate.js';
import { getPatientWithin } from '../patients/service.js';
import { changeChart } from './chart-change.js';
import { clinicToday } from './clinic-day.js';
import { profileOf, ProfileRepo } from './profile-repo.js';

/**
 * The chart header: the demographic header (scoped and audited by the patients feature), the age in
 * the clinic's today, and the eligibility badge. The badge is operational (front desk schedules by
 * it); the decision's reasons and conditions are on the clinical eligibility endpoint.
 */
export function getChartHeader(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<ChartHeader> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const header = await getPatientWithin(tx, ctx, audit, patientId);
    const today = await clinicToday(tx, ctx);
    const eligibility = await currentEligibility(tx, patientId);
    let ageYears: number | null;
    try {
      ageYears = ageInYears(header.dateOfBirth, today);
    } catch {
      ageYears = null;
    }
    return { ...header, ageYears, eligibility: { status: eligibility.status, decidedAt: eligibility.decidedAt?.toISOString() ?? null } };
  });
}

export function getProfile(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<PatientProfile> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new ProfileRepo(tx, ctx, audit);
    const admitted = await repo.admit(patientId, { scope: 'demographic', action: 'read', resourceType: 'Patient', resourceId: patientId, detail: { section: 'profile' } });
    return profileOf(await repo.load(admitted));
  });
}

const PROFILE_FIELDS = [
  'legalGivenName',
  'legalFamilyName',
  'preferredName',
  'pronouns',
  'dateOfBirth',
  'email',
  'phone',
  'address',
  'emergencyContact',
  'escorts',
  'pharmacy',
  'insurance',
] as const;

/**
 * Replaces the profile, if the editor saw the current version (else 409). A new date of birth must be
 * possible (not in the future, not over 120 years); as it changes the age rule, a standing
 * eligibility decision is re-assessed. The audit names the fields changed, never their values.
 */
export function updateProfile(deps: AppDeps, ctx: AuthedContext, patientId: string, input: UpdateProfileRequest): Promise<PatientProfile> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admit(patientId, { scope: 'demographic', action: 'update', resourceType: 'Patient', resourceId: patientId, lock: true, recordAccess: false }),
    async ({ tx, audit, admitted, today }) => {
      ageInYears(input.dateOfBirth, today);
      const repo = new ProfileRepo(tx, ctx, audit);
      const before = profileOf(await repo.load(admitted));
      if (before.version !== input.version) {
        throw new Conflict('Someone else saved this profile since you opened it; reload it and make your change again', 'profile_changed');
      }
      const { version, ...fields } = input;
      const saved = await repo.update(admitted, version, fields);
      if (!saved) throw new Conflict('Someone else saved this profile since you opened it; reload it and make your change again', 'profile_changed');
      const after = profileOf(saved);
      const changed = PROFILE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
      repo.record(admitted, { action: 'update', resourceType: 'Patient', resourceId: patientId, detail: { fields: changed } });
      return { result: after, effect: changed.includes('dateOfBirth') ? 'recompute' : null };
    },
  );
}

export function getCareTeam(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<CareTeam> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new ProfileRepo(tx, ctx, audit);
    return repo.careTeam(await repo.admit(patientId, { scope: 'demographic', action: 'read', resourceType: 'CareTeam', resourceId: patientId }));
  });
}

/** Replaces the care team (who may open the chart as a therapist depends on it), audited with the member ids. */
export function setCareTeam(deps: AppDeps, ctx: AuthedContext, patientId: string, input: UpdateCareTeamRequest): Promise<CareTeam> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new ProfileRepo(tx, ctx, audit);
    const admitted = await repo.admit(patientId, { scope: 'demographic', action: 'update', resourceType: 'CareTeam', resourceId: patientId, lock: true, recordAccess: false });
    const before = await repo.careTeam(admitted);
    const after = await repo.replaceCareTeam(admitted, input.members);
    repo.record(admitted, {
      action: 'update',
      resourceType: 'CareTeam',
      resourceId: patientId,
      detail: { before: before.map((m) => `${m.role}:${m.userId}`), after: after.map((m) => `${m.role}:${m.userId}`) },
    });
    return after;
  });
}

export function careTeamCandidates(deps: AppDeps, ctx: AuthedContext): Promise<CareTeamCandidate[]> {
  return transact(deps.db, ctx, async (tx, audit) => new ProfileRepo(tx, ctx, audit).candidates());
}

/**
 * Carries an intake pre-screen self-report onto a chart (for the intake feature to call when it
 * converts an inquiry, inside its own unit of work). The contraindication assessment reads it, with
 * source `self_report`, until the evaluations replace it. Throws ValidationError if it is not a chart.
 */
export async function recordIntakeSelfReport(tx: Executor, patientId: string, selfReport: IntakeChartInput): Promise<void> {
  const chart = parseOrThrow(intakeChart, selfReport, ['selfReport']);
  await tx.update(patient).set({ intakeSelfReport: chart }).where(eq(patient.id, patientId));
}
