import {
  Conflict,
  type AddAllergyRequest,
  type AddDiagnosisRequest,
  type AddFindingRequest,
  type AddMeasurementRequest,
  type AllergyView,
  type AmendMeasurementRequest,
  type ChartChange,
  type DiagnosisView,
  type FindingView,
  type MeasurementView,
  type ReviseAllergyRequest,
  type ReviseDiagnosisRequest,
  type ReviseFindingRequest,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { allergy, bodyMeasurement, chartFinding, diagnosis } from '../../platform/db/schema/index.js';
import { AllergiesRepo } from './allergies-repo.js';
import { changeChart, notAfterToday } from './chart-change.js';
import { DiagnosesRepo } from './diagnoses-repo.js';
import { FindingsRepo } from './findings-repo.js';
import { MeasurementsRepo } from './measurements-repo.js';
import { blankToNull, staleVersion } from './versions.js';

export function listDiagnoses(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<DiagnosisView[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new DiagnosesRepo(tx, ctx, audit);
    return repo.current(await repo.admit(patientId, { scope: 'clinical', action: 'read', resourceType: 'Condition' }));
  });
}

/** Adds a diagnosis from the bundled list; a contraindicating one re-opens a standing decision. */
export function addDiagnosis(deps: AppDeps, ctx: AuthedContext, patientId: string, input: AddDiagnosisRequest): Promise<DiagnosisView[]> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admit(patientId, { scope: 'clinical', action: 'create', resourceType: 'Condition' }),
    async ({ tx, audit, admitted, today }) => {
      notAfterToday(input.onsetDate, today, ['onsetDate']);
      const repo = new DiagnosesRepo(tx, ctx, audit);
      const existing = await repo.current(admitted);
      if (existing.some((entry) => entry.code === input.code && entry.status === 'active')) {
        throw new Conflict('This diagnosis is already on the chart', 'duplicate_diagnosis');
      }
      await repo.insert(admitted, { code: input.code, status: 'active', onsetDate: input.onsetDate, note: blankToNull(input.note), replaces: null });
      const effect: ChartChange = { kind: 'diagnosis_added', code: input.code };
      return { result: await repo.current(admitted), effect };
    },
  );
}

/** Resolves a diagnosis, marks it entered in error, or makes it active again, with the reason. */
export function reviseDiagnosis(deps: AppDeps, ctx: AuthedContext, id: string, input: ReviseDiagnosisRequest): Promise<DiagnosisView[]> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admitByEntry(diagnosis, id, 'Diagnosis', { scope: 'clinical', action: 'update', resourceType: 'Condition', resourceId: id, detail: { status: input.status } }),
    async ({ tx, audit, admitted }) => {
      const repo = new DiagnosesRepo(tx, ctx, audit);
      const current = await repo.currentById(admitted, id);
      if (!current) throw staleVersion();
      await repo.insert(admitted, { code: current.code, status: input.status, onsetDate: current.onsetDate, note: blankToNull(input.note) ?? current.note, replaces: { id, reason: input.reason } });
      return { result: await repo.current(admitted), effect: 'recompute' };
    },
  );
}

export function listAllergies(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<AllergyView[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new AllergiesRepo(tx, ctx, audit);
    return repo.current(await repo.admit(patientId, { scope: 'clinical', action: 'read', resourceType: 'AllergyIntolerance' }));
  });
}

export function addAllergy(deps: AppDeps, ctx: AuthedContext, patientId: string, input: AddAllergyRequest): Promise<AllergyView[]> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admit(patientId, { scope: 'clinical', action: 'create', resourceType: 'AllergyIntolerance' }),
    async ({ tx, audit, admitted }) => {
      const repo = new AllergiesRepo(tx, ctx, audit);
      await repo.insert(admitted, { substance: input.substance, reaction: blankToNull(input.reaction), severity: input.severity, status: 'active', replaces: null });
      const effect: ChartChange = { kind: 'allergy_added', substance: input.substance };
      return { result: await repo.current(admitted), effect };
    },
  );
}

export function reviseAllergy(deps: AppDeps, ctx: AuthedContext, id: string, input: ReviseAllergyRequest): Promise<AllergyView[]> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admitByEntry(allergy, id, 'Allergy', { scope: 'clinical', action: 'update', resourceType: 'AllergyIntolerance', resourceId: id, detail: { status: input.status } }),
    async ({ tx, audit, admitted }) => {
      const repo = new AllergiesRepo(tx, ctx, audit);
      const current = await repo.currentById(admitted, id);
      if (!current) throw staleVersion();
      await repo.insert(admitted, { ...current, status: input.status, replaces: { id, reason: input.reason } });
      return { result: await repo.current(admitted), effect: 'recompute' };
    },
  );
}

export function listFindings(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<FindingView[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new FindingsRepo(tx, ctx, audit);
    return repo.current(await repo.admit(patientId, { scope: 'clinical', action: 'read', resourceType: 'Condition', detail: { section: 'reported_conditions' } }));
  });
}

/** The change a newly reported condition is to the eligibility rules (pregnancy is its own kind). */
function findingChange(input: AddFindingRequest): ChartChange {
  if (input.condition === 'pregnancy') return { kind: 'pregnancy_reported' };
  if (input.condition === 'breastfeeding') return { kind: 'breastfeeding_reported' };
  return { kind: 'condition_reported', finding: { condition: input.condition, source: 'record', ...(input.note ? { note: input.note } : {}) } };
}

/** Reports a condition (a pregnancy, an outside record); it re-opens a standing decision it undermines. */
export function addFinding(deps: AppDeps, ctx: AuthedContext, patientId: string, input: AddFindingRequest): Promise<FindingView[]> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admit(patientId, { scope: 'clinical', action: 'create', resourceType: 'Condition', detail: { section: 'reported_conditions' } }),
    async ({ tx, audit, admitted }) => {
      const repo = new FindingsRepo(tx, ctx, audit);
      await repo.insert(admitted, { condition: input.condition, note: blankToNull(input.note), status: 'active', replaces: null });
      return { result: await repo.current(admitted), effect: findingChange(input) };
    },
  );
}

export function reviseFinding(deps: AppDeps, ctx: AuthedContext, id: string, input: ReviseFindingRequest): Promise<FindingView[]> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admitByEntry(chartFinding, id, 'Finding', { scope: 'clinical', action: 'update', resourceType: 'Condition', resourceId: id, detail: { status: input.status } }),
    async ({ tx, audit, admitted }) => {
      const repo = new FindingsRepo(tx, ctx, audit);
      const current = await repo.currentById(admitted, id);
      if (!current) throw staleVersion();
      await repo.insert(admitted, { condition: current.condition, note: current.note, status: input.status, replaces: { id, reason: input.reason } });
      return { result: await repo.current(admitted), effect: 'recompute' };
    },
  );
}

export function listMeasurements(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<MeasurementView[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new MeasurementsRepo(tx, ctx, audit);
    return repo.history(await repo.admit(patientId, { scope: 'clinical', action: 'read', resourceType: 'Observation', detail: { section: 'body_measurements' } }));
  });
}

export function addMeasurement(deps: AppDeps, ctx: AuthedContext, patientId: string, input: AddMeasurementRequest): Promise<MeasurementView[]> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admit(patientId, { scope: 'clinical', action: 'create', resourceType: 'Observation', detail: { section: 'body_measurements' } }),
    async ({ tx, audit, admitted, today }) => {
      notAfterToday(input.measuredOn, today, ['measuredOn']);
      const repo = new MeasurementsRepo(tx, ctx, audit);
      await repo.insert(admitted, { ...input, note: blankToNull(input.note), source: 'clinic', noteId: null, replaces: null });
      return { result: await repo.history(admitted), effect: null };
    },
  );
}

/** Amends a height or weight: a new version with the reason (the original stays in the history's audit). */
export function amendMeasurement(deps: AppDeps, ctx: AuthedContext, id: string, input: AmendMeasurementRequest): Promise<MeasurementView[]> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admitByEntry(bodyMeasurement, id, 'Measurement', { scope: 'clinical', action: 'update', resourceType: 'Observation', resourceId: id }),
    async ({ tx, audit, admitted }) => {
      const repo = new MeasurementsRepo(tx, ctx, audit);
      const current = await repo.currentById(admitted, id);
      if (!current) throw staleVersion();
      await repo.insert(admitted, { ...current, heightCm: input.heightCm, weightKg: input.weightKg, replaces: { id, reason: input.reason } });
      return { result: await repo.history(admitted), effect: null };
    },
  );
}
