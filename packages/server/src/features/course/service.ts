import { and, eq, ne } from 'drizzle-orm';
import {
  clinicalScope,
  NotFound,
  scoreCssrs,
  type CourseTimelineView,
  type CreatePlanRequest,
  type CycleDecision,
  type PhaseListItem,
  type PlanDefaultsView,
  type PlanContent,
  type PlanView,
  type RecordSessionRequest,
  type RosterView,
  type SafetyFlagKind,
  type Unmet,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact, type AuditTrail } from '../../platform/audit/trail.js';
import { carePlan, course, patient } from '../../platform/db/schema/index.js';
import { ChartRepo, type AdmittedPatient } from '../chart/chart-repo.js';
import { chartForRules } from '../chart/intake-chart.js';
import { scopeCondition } from '../patients/scope.js';
import { clinicTimeZone, findCourse, type CourseRow } from './facts.js';
import * as ops from './ops.js';
import { phaseListItem, planView, timelineView } from './views.js';

const RESOURCE = 'EpisodeOfCare';
const PLAN = 'CarePlan';

interface Unit {
  readonly tx: Tx;
  readonly audit: AuditTrail;
  readonly chart: ChartRepo;
  readonly actor: ops.Actor;
}

/** One unit of work with the actor the operations need (policy read before the transaction: PGlite has one connection). */
async function unit<T>(deps: AppDeps, ctx: AuthedContext, work: (u: Unit) => Promise<T>): Promise<T> {
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) =>
    work({
      tx,
      audit,
      chart: new ChartRepo(tx, ctx, audit),
      actor: { tx, clinicId: ctx.auth.user.clinicId, userId: ctx.auth.user.id, roles: ctx.auth.user.roles, now: ctx.now, policy: { version: policy.version, course: policy.policy.course } },
    }),
  );
}

/** Records a refused gate on each admitted patient (the refusal is evidence; nothing else is stored). */
async function refusing<T>(u: Unit, admitted: readonly AdmittedPatient[], action: 'create' | 'update', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const codes = (error as { unmet?: readonly Unmet[] }).unmet?.map((x) => x.code);
    if (codes) for (const a of admitted) u.chart.refused(a, { action, resourceType: RESOURCE, detail: { reason: 'gate', unmet: codes } });
    throw error;
  }
}

async function courseOf(u: Unit, courseId: string, action: 'read' | 'update' | 'create'): Promise<{ row: CourseRow; admitted: AdmittedPatient }> {
  const admitted = await u.chart.admitByEntry(course, courseId, 'Course', { scope: 'clinical', action, resourceType: RESOURCE, resourceId: courseId, recordAccess: false });
  const [row] = await u.tx.select().from(course).where(eq(course.id, courseId)).limit(1);
  if (!row) throw new NotFound('Course');
  return { row, admitted };
}

async function timelineOf(u: Unit, row: CourseRow): Promise<CourseTimelineView> {
  const plan = await ops.planById(u.actor, row.planId);
  return timelineView(u.actor, row, plan, await clinicTimeZone(u.tx, u.actor.clinicId));
}

/** What a new plan starts from: the clinic policy's planned session counts (no chart is read). */
export async function planDefaults(deps: AppDeps, ctx: AuthedContext): Promise<PlanDefaultsView> {
  const policy = await deps.policies.current(ctx.auth.user.clinicId);
  return { plannedCounts: policy.policy.course.plannedCounts, policyVersion: policy.version };
}

/** A patient's course timeline (their open course, else their latest); 404 when they have none. */
export function patientCourse(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<CourseTimelineView> {
  return unit(deps, ctx, async (u) => {
    const admitted = await u.chart.admit(patientId, { scope: 'clinical', action: 'read', resourceType: RESOURCE, recordAccess: false });
    const row = await findCourse(u.tx, u.actor.clinicId, patientId);
    if (!row) throw new NotFound('Course');
    u.chart.record(admitted, { action: 'read', resourceType: RESOURCE, resourceId: row.id });
    return timelineOf(u, row);
  });
}

/** A therapist drafts a plan: each patient must be in the caller's clinical scope; one course per patient. */
export function createPlan(deps: AppDeps, ctx: AuthedContext, input: CreatePlanRequest): Promise<PlanView> {
  return unit(deps, ctx, async (u) => {
    await ops.clinicPatients(u.actor, input.patientIds);
    const admitted: AdmittedPatient[] = [];
    for (const id of input.patientIds) admitted.push(await u.chart.admit(id, { scope: 'clinical', action: 'create', resourceType: PLAN, recordAccess: false }));
    const { plan, courses } = await ops.createPlan(u.actor, input);
    for (const a of admitted) {
      const row = courses.find((c) => c.patientId === a.id);
      u.chart.record(a, { action: 'create', resourceType: PLAN, resourceId: plan.id, detail: { modality: plan.modality, courseId: row?.id } });
      // The latest C-SSRS on the chart (evaluation, exam or self-report) at high risk holds medicine until reviewed.
      const { chart } = await chartForRules(u.tx, ctx, u.audit, a);
      if (row && chart.cssrs && scoreCssrs(chart.cssrs).riskLevel === 'high') {
        const flagId = await ops.raiseSafetyFlag(u.actor, row, 'cssrs_high_risk');
        u.chart.record(a, { action: 'create', resourceType: RESOURCE, resourceId: row.id, detail: { step: 'safety_flag', eventId: flagId, automatic: true } });
      }
    }
    return planView(u.actor, plan, await clinicTimeZone(u.tx, u.actor.clinicId));
  });
}

async function admitPlan(u: Unit, planId: string, action: 'read' | 'update' | 'create'): Promise<{ plan: ops.PlanRow; admitted: AdmittedPatient[] }> {
  const plan = await ops.planById(u.actor, planId);
  const admitted: AdmittedPatient[] = [];
  for (const c of await ops.planCourses(u.actor, planId)) {
    admitted.push(await u.chart.admit(c.patientId, { scope: 'clinical', action, resourceType: PLAN, resourceId: planId, recordAccess: false }));
  }
  return { plan, admitted };
}

export function getPlan(deps: AppDeps, ctx: AuthedContext, planId: string): Promise<PlanView> {
  return unit(deps, ctx, async (u) => {
    const { plan, admitted } = await admitPlan(u, planId, 'read');
    for (const a of admitted) u.chart.record(a, { action: 'read', resourceType: PLAN, resourceId: planId });
    return planView(u.actor, plan, await clinicTimeZone(u.tx, u.actor.clinicId));
  });
}

/** Plan-level writes: revise, co-sign, acknowledge, add a member. */
export function changePlan(
  deps: AppDeps,
  ctx: AuthedContext,
  planId: string,
  change: { kind: 'revise'; content: PlanContent } | { kind: 'cosign'; version: number } | { kind: 'acknowledge'; patientId: string; typedName: string } | { kind: 'member'; patientId: string },
): Promise<PlanView> {
  return unit(deps, ctx, async (u) => {
    const { plan, admitted } = await admitPlan(u, planId, 'update');
    if (change.kind === 'member') admitted.push(await u.chart.admit(change.patientId, { scope: 'clinical', action: 'update', resourceType: PLAN, resourceId: planId, recordAccess: false }));
    await refusing(u, admitted, 'update', async () => {
      if (change.kind === 'revise') await ops.revisePlan(u.actor, planId, change.content);
      if (change.kind === 'cosign') await ops.cosignPlan(u.actor, planId, change.version);
      if (change.kind === 'acknowledge') await ops.acknowledgePlan(u.actor, planId, change.patientId, change.typedName);
      if (change.kind === 'member') await ops.addMember(u.actor, planId, change.patientId);
    });
    for (const a of admitted) u.chart.record(a, { action: 'update', resourceType: PLAN, resourceId: planId, detail: { change: change.kind } });
    return planView(u.actor, plan, await clinicTimeZone(u.tx, u.actor.clinicId));
  });
}

/** Records a held session for its attendees (each admitted, each gated); 409 with every unmet condition. */
export function recordSession(deps: AppDeps, ctx: AuthedContext, planId: string, input: RecordSessionRequest): Promise<{ sessionId: string; noteIds: string[] }> {
  return unit(deps, ctx, async (u) => {
    await ops.planById(u.actor, planId);
    await ops.clinicPatients(u.actor, input.attendees);
    const admitted: AdmittedPatient[] = [];
    for (const id of input.attendees) admitted.push(await u.chart.admit(id, { scope: 'clinical', action: 'create', resourceType: 'Encounter', recordAccess: false }));
    const result = await refusing(u, admitted, 'create', () => ops.recordSession(u.actor, planId, input));
    for (const a of admitted) u.chart.record(a, { action: 'create', resourceType: 'Encounter', resourceId: result.sessionId, detail: { kind: input.kind, format: input.format, policyVersion: u.actor.policy.version } });
    return result;
  });
}

export type CourseStep =
  | { kind: 'prep_minimum'; minimum: number; reason: string }
  | { kind: 'readiness'; note: string | null }
  | { kind: 'first_route'; reason: string }
  | { kind: 'cycle_decision'; decision: CycleDecision; note: string | null }
  | { kind: 'safety_flag'; flag: SafetyFlagKind }
  | { kind: 'safety_review'; flagId: string; reason: string };

/** One step on a patient's course (override, attestation, decision, flag); audited with the policy version. */
export function courseStep(deps: AppDeps, ctx: AuthedContext, courseId: string, step: CourseStep): Promise<CourseTimelineView> {
  return unit(deps, ctx, async (u) => {
    const { row, admitted } = await courseOf(u, courseId, 'update');
    const id = await refusing(u, [admitted], 'update', async () => {
      switch (step.kind) {
        case 'prep_minimum':
          return ops.setPrepMinimum(u.actor, row, step.minimum, step.reason);
        case 'readiness':
          return ops.attestReadiness(u.actor, row, step.note);
        case 'first_route':
          return ops.overrideFirstRoute(u.actor, row, step.reason);
        case 'cycle_decision':
          return ops.recordCycleDecision(u.actor, row, step.decision, step.note);
        case 'safety_flag':
          return ops.raiseSafetyFlag(u.actor, row, step.flag);
        case 'safety_review':
          return ops.reviewSafetyFlag(u.actor, row, step.flagId, step.reason);
      }
    });
    // Overrides carry "override: true" so an auditor finds them; reasons stay in the row, not the audit detail.
    const override = step.kind === 'prep_minimum' || step.kind === 'first_route';
    u.chart.record(admitted, { action: 'update', resourceType: RESOURCE, resourceId: courseId, detail: { step: step.kind, eventId: id, override, policyVersion: u.actor.policy.version } });
    const [fresh] = await u.tx.select().from(course).where(eq(course.id, courseId)).limit(1);
    return timelineOf(u, fresh ?? row);
  });
}

/** The medicine gate for a course at `at` by `route`: the list a booking or a session would be refused with. */
export function medicineCheck(deps: AppDeps, ctx: AuthedContext, courseId: string, at: Date, route: 'oral' | 'im'): Promise<Unmet[]> {
  return unit(deps, ctx, async (u) => {
    const { row, admitted } = await courseOf(u, courseId, 'read');
    u.chart.record(admitted, { action: 'read', resourceType: RESOURCE, resourceId: courseId, detail: { check: 'medicine' } });
    return ops.sessionUnmet(u.actor, row, { kind: 'medicine', route }, at);
  });
}

/** Group / joint medicine: exactly who may dose at `at` (each member's own gates). */
export function medicineRoster(deps: AppDeps, ctx: AuthedContext, planId: string, at: Date, route: 'oral' | 'im'): Promise<RosterView> {
  return unit(deps, ctx, async (u) => {
    const { admitted } = await admitPlan(u, planId, 'read');
    const courses = (await ops.planCourses(u.actor, planId)).filter((c) => c.status !== 'completed');
    const people = await ops.clinicPatients(u.actor, courses.map((c) => c.patientId));
    const result: RosterView = [];
    for (const row of courses) {
      const unmet = await ops.sessionUnmet(u.actor, row, { kind: 'medicine', route }, at);
      result.push({ patientId: row.patientId, name: people.find((p) => p.id === row.patientId)?.name ?? 'Unknown', mayDose: unmet.length === 0, unmet });
    }
    for (const a of admitted) u.chart.record(a, { action: 'read', resourceType: PLAN, resourceId: planId, detail: { roster: true } });
    return result;
  });
}

/**
 * Open courses the caller may see (clinical scope: a therapist their care team), each with its phase,
 * next step and blockers; optionally only those whose integration is overdue (the home-screen card).
 */
export function coursesByPhase(deps: AppDeps, ctx: AuthedContext, options: { overdueOnly: boolean }): Promise<PhaseListItem[]> {
  return unit(deps, ctx, async (u) => {
    const scope = scopeCondition(clinicalScope(ctx.auth.principal), ctx);
    const rows = await u.tx
      .select({ course, plan: carePlan, given: patient.legalGivenName, family: patient.legalFamilyName, mrn: patient.mrn })
      .from(course)
      .innerJoin(patient, eq(patient.id, course.patientId))
      .innerJoin(carePlan, eq(carePlan.id, course.planId))
      .where(and(eq(course.clinicId, u.actor.clinicId), ne(course.status, 'completed'), scope))
      .orderBy(patient.legalFamilyName, patient.legalGivenName);
    const timeZone = await clinicTimeZone(u.tx, u.actor.clinicId);
    const items: PhaseListItem[] = [];
    for (const row of rows) {
      const item = await phaseListItem(u.actor, row.course, row.plan, { name: `${row.given} ${row.family}`, mrn: row.mrn }, timeZone);
      if (!options.overdueOnly || item.integrationState === 'overdue') items.push(item);
    }
    u.audit.record({ action: 'query', resourceType: RESOURCE, detail: { list: options.overdueOnly ? 'integration_overdue' : 'by_phase', results: items.length } });
    return items;
  });
}

