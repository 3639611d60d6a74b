import type { Unmet } from '../errors.js';
import { clinicDateOf } from '../consent/clinic-time.js';
import { addClinicDays, compareClinicDates, type ClinicDate } from '../ledger/clinic-date.js';
import type { EpochMs } from '../scheduling/schemas.js';
import {
  cycleDecisionFor,
  integrationDoneFor,
  medicineSessionUnmet,
  medicineSessionsOf,
  preparationUnmet,
  type GateSettings,
} from './gates.js';
import type { CourseFacts, Phase } from './model.js';

/** Where integration after one medicine session stands (gate 4). */
export type IntegrationState = 'done' | 'upcoming' | 'due' | 'overdue';

export interface IntegrationDue {
  readonly medicineSessionId: string;
  /** Clinic-local date of the medicine session (a session at 22:30 local is that evening's date). */
  readonly medicineDate: ClinicDate;
  readonly dueFrom: ClinicDate;
  readonly dueBy: ClinicDate;
  readonly state: IntegrationState;
}

/**
 * Gate 4: after each medicine session an integration session is due from `minDays` to `maxDays`
 * clinic-local days later; unsigned by the end of `dueBy` (clinic time) it is overdue.
 */
export function integrationStatus(facts: CourseFacts, now: EpochMs, settings: GateSettings): IntegrationDue[] {
  const { integrationWindow } = settings.policy;
  const today = clinicDateOf(new Date(now), settings.timeZone);
  return medicineSessionsOf(facts).map((medicine) => {
    const medicineDate = clinicDateOf(new Date(medicine.heldAt), settings.timeZone);
    const dueFrom = addClinicDays(medicineDate, integrationWindow.minDays);
    const dueBy = addClinicDays(medicineDate, integrationWindow.maxDays);
    const state: IntegrationState = integrationDoneFor(facts, medicine)
      ? 'done'
      : compareClinicDates(today, dueFrom) < 0
        ? 'upcoming'
        : compareClinicDates(today, dueBy) <= 0
          ? 'due'
          : 'overdue';
    return { medicineSessionId: medicine.id, medicineDate, dueFrom, dueBy, state };
  });
}

/**
 * The phase a course is in, derived from its facts (never stored, so it cannot drift from them):
 * evaluation until eligible; preparation until the first medicine session; integration after each
 * medicine session until the cycle decision; then medicine again, maintenance, or completed.
 */
export function phaseOf(facts: CourseFacts): Phase {
  if (facts.status === 'completed') return 'completed';
  const latest = medicineSessionsOf(facts).at(-1);
  if (!latest) return facts.eligible ? 'preparation' : 'evaluation';
  const decision = cycleDecisionFor(facts, latest.id);
  if (decision === null) return 'integration';
  if (decision === 'another_medicine') return 'medicine';
  if (decision === 'maintenance' || facts.status === 'maintenance') return 'maintenance';
  return 'completed';
}

/** What comes next for the patient and what blocks it (the timeline and the by-phase list). */
export interface NextStep {
  readonly phase: Phase;
  readonly step: string | null;
  readonly blockers: readonly Unmet[];
  readonly integration: IntegrationDue | null;
}

export function nextStepOf(facts: CourseFacts, now: EpochMs, settings: GateSettings): NextStep {
  const phase = phaseOf(facts);
  const integration = integrationStatus(facts, now, settings).at(-1) ?? null;
  switch (phase) {
    case 'evaluation':
      return { phase, step: 'Eligibility decision', blockers: preparationUnmet(facts), integration };
    case 'preparation':
      return { phase, step: 'First medicine session (oral)', blockers: medicineSessionUnmet(facts, { at: now, route: 'oral' }, settings), integration };
    case 'medicine': {
      const route = medicineSessionsOf(facts).some((s) => s.route === 'oral' && s.responseDocumented) ? 'im' : 'oral';
      const blockers = medicineSessionUnmet(facts, { at: now, route }, settings).filter((u) => u.code !== 'oral_before_im' || route === 'oral');
      return { phase, step: 'Next medicine session', blockers, integration };
    }
    case 'integration': {
      const latest = medicineSessionsOf(facts).at(-1);
      if (latest && integrationDoneFor(facts, latest)) return { phase, step: 'Cycle decision with the patient', blockers: [], integration };
      const blockers: Unmet[] =
        integration?.state === 'overdue' ? [{ code: 'integration_overdue', message: `Integration was due by ${integration.dueBy} and is overdue` }] : [];
      return { phase, step: integration ? `Integration session (due ${integration.dueFrom} to ${integration.dueBy})` : 'Integration session', blockers, integration };
    }
    case 'maintenance':
      return { phase, step: 'Follow-up session', blockers: [], integration };
    case 'completed':
      return { phase, step: null, blockers: [], integration };
  }
}
