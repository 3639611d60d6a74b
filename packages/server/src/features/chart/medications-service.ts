import {
  benzodiazepineLoad,
  Conflict,
  evaluateInteractions,
  interactionRuleId,
  INTERACTION_CLASSES,
  type AddMedicationRequest,
  type CorrectMedicationRequest,
  type EligibilityPolicy,
  type InteractionClass,
  type Medication,
  type MedicationList,
  type MedicationView,
  type StopMedicationRequest,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { medication } from '../../platform/db/schema/index.js';
import { changeChart, notAfterToday } from './chart-change.js';
import { MedicationsRepo, type MedicationEntry } from './medications-repo.js';
import { blankToNull, staleVersion } from './versions.js';

const RESOURCE = 'MedicationStatement';

function isInteractionClass(drugClass: string): drugClass is InteractionClass {
  return (INTERACTION_CLASSES as readonly string[]).includes(drugClass);
}

/**
 * The list with each active medication's interaction flags, computed by the core rules over the
 * active list together (so two benzodiazepines are judged as one load, clinical.md §2.3).
 */
export function withFlags(entries: readonly MedicationEntry[], policy: EligibilityPolicy): MedicationList {
  const active: Medication[] = entries.filter((m) => m.status === 'active').map((m) => ({ name: m.name, drugClass: m.drugClass, dailyDoseMg: m.dailyDoseMg }));
  const results = evaluateInteractions(active, policy);
  const hasBenzodiazepine = active.some((m) => m.drugClass === 'benzodiazepine');
  return {
    medications: entries.map((entry): MedicationView => {
      const rule = entry.status === 'active' && isInteractionClass(entry.drugClass) ? interactionRuleId(entry.drugClass) : null;
      const flags = results
        .filter((result) => result.ruleId === rule && result.severity !== null)
        .map((result) => ({ ruleId: result.ruleId, level: result.level, severity: result.severity, reason: result.reason }));
      return { ...entry, flags };
    }),
    benzodiazepineDiazepamEquivalentMgPerDay: hasBenzodiazepine ? benzodiazepineLoad(active, policy).diazepamEquivalentMgPerDay : null,
  };
}

export async function listMedications(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<MedicationList> {
  const { policy } = await deps.policies.current(ctx.auth.user.clinicId);
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new MedicationsRepo(tx, ctx, audit);
    const admitted = await repo.admit(patientId, { scope: 'clinical', action: 'read', resourceType: RESOURCE });
    return withFlags(await repo.current(admitted), policy.eligibility);
  });
}

/** Adds a medication; a new interacting one re-opens a standing eligibility decision (reassessAfterChange). */
export function addMedication(deps: AppDeps, ctx: AuthedContext, patientId: string, input: AddMedicationRequest): Promise<MedicationList> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admit(patientId, { scope: 'clinical', action: 'create', resourceType: RESOURCE, detail: { section: 'medications' } }),
    async ({ tx, audit, admitted, today, policy }) => {
      notAfterToday(input.startedOn, today, ['startedOn']);
      const repo = new MedicationsRepo(tx, ctx, audit);
      const created = await repo.insert(admitted, {
        name: input.name,
        drugClass: input.drugClass,
        dailyDoseMg: input.dailyDoseMg,
        startedOn: input.startedOn,
        stoppedOn: null,
        status: 'active',
        note: blankToNull(input.note),
        replaces: null,
      });
      const result = withFlags(await repo.current(admitted), policy.policy.eligibility);
      return {
        result,
        effect: { kind: 'medication_added', medication: { name: created.name, drugClass: created.drugClass, dailyDoseMg: created.dailyDoseMg } },
      };
    },
  );
}

async function currentOrStale(repo: MedicationsRepo, admitted: Parameters<MedicationsRepo['current']>[0], id: string): Promise<MedicationEntry> {
  const current = await repo.currentById(admitted, id);
  if (!current) throw staleVersion();
  return current;
}

/** Stops a medication (or marks it entered in error): a new version with the stop date and reason. */
export function stopMedication(deps: AppDeps, ctx: AuthedContext, id: string, input: StopMedicationRequest): Promise<MedicationList> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admitByEntry(medication, id, 'Medication', { scope: 'clinical', action: 'update', resourceType: RESOURCE, resourceId: id, detail: { stop: true } }),
    async ({ tx, audit, admitted, today, policy }) => {
      const repo = new MedicationsRepo(tx, ctx, audit);
      const current = await currentOrStale(repo, admitted, id);
      if (current.status !== 'active') throw new Conflict('This medication is already stopped', 'medication_not_active');
      notAfterToday(input.stoppedOn, today, ['stoppedOn']);
      if (current.startedOn && input.stoppedOn < current.startedOn) throw new Conflict('The stop date is before the start date', 'stop_before_start');
      await repo.insert(admitted, {
        ...current,
        stoppedOn: input.stoppedOn,
        status: input.enteredInError ? 'entered_in_error' : 'stopped',
        replaces: { id: current.id, reason: input.reason },
      });
      return { result: withFlags(await repo.current(admitted), policy.policy.eligibility), effect: 'recompute' };
    },
  );
}

/** Corrects a medication's name, class, dose or start date: a new version carrying the reason. */
export function correctMedication(deps: AppDeps, ctx: AuthedContext, id: string, input: CorrectMedicationRequest): Promise<MedicationList> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admitByEntry(medication, id, 'Medication', { scope: 'clinical', action: 'update', resourceType: RESOURCE, resourceId: id, detail: { correction: true } }),
    async ({ tx, audit, admitted, today, policy }) => {
      const repo = new MedicationsRepo(tx, ctx, audit);
      const current = await currentOrStale(repo, admitted, id);
      if (current.status === 'entered_in_error') throw new Conflict('This entry was marked entered in error; add the medication again instead', 'medication_entered_in_error');
      notAfterToday(input.startedOn, today, ['startedOn']);
      await repo.insert(admitted, {
        name: input.name,
        drugClass: input.drugClass,
        dailyDoseMg: input.dailyDoseMg,
        startedOn: input.startedOn,
        stoppedOn: current.stoppedOn,
        status: current.status,
        note: blankToNull(input.note),
        replaces: { id: current.id, reason: input.reason },
      });
      return { result: withFlags(await repo.current(admitted), policy.policy.eligibility), effect: 'recompute' };
    },
  );
}
