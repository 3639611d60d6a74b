import {
  dateOfDay,
  dayNumber,
  instantToLocal,
  localTimeToInstant,
  planCourse,
  PolicyBlocked,
  ValidationError,
  type acceptPlanRequest,
  type AppointmentKind,
  type AppointmentView,
  type coursePlanRequest,
  type CoursePlanResponse,
} from '@lantern/core';
import type { z } from 'zod';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact } from '../../platform/audit/trail.js';
import { admitPatients, lockPatients } from './appointments-repo.js';
import { activeType, placeAppointment, policyOf, withConflictsNamed } from './booking-service.js';
import { loadAppointmentViews } from './calendar-service.js';
import { appointmentTypeRows, clinicCalendarOf, engineType, type AppointmentTypeRow } from './setup-repo.js';
import { loadSlotQuery } from './slot-context.js';
import { slotViewOf } from './views.js';

/** How far ahead the planner looks when the front desk does not say (about four months). */
const DEFAULT_PLAN_DAYS = 120;
/** The kinds the planner places, one type of each. */
type PlannedKind = Extract<AppointmentKind, 'preparation' | 'medicine_oral' | 'medicine_im' | 'integration'>;

async function plannedTypes(tx: Tx, clinicId: string): Promise<Record<PlannedKind, AppointmentTypeRow>> {
  const rows = (await appointmentTypeRows(tx, clinicId)).filter((r) => r.active);
  const pick = (kind: PlannedKind): AppointmentTypeRow => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) throw new ValidationError(['kind'], `The clinic offers no active ${kind.replace('_', ' ')} appointment type`);
    return row;
  };
  return { preparation: pick('preparation'), medicine_oral: pick('medicine_oral'), medicine_im: pick('medicine_im'), integration: pick('integration') };
}

/**
 * Proposes the rest of a patient's course as tentative appointments (issue #5 course planner):
 * weekly preparation, then each medicine session with its integration inside the policy window.
 * Nothing is booked; the front desk accepts the proposal in one step.
 */
export async function proposeCourse(deps: AppDeps, ctx: AuthedContext, patientId: string, input: z.output<typeof coursePlanRequest>): Promise<CoursePlanResponse> {
  const policy = await policyOf(deps, ctx);
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    await admitPatients(tx, ctx, audit, [patientId]);
    const types = await plannedTypes(tx, clinicId);
    const { calendar } = await clinicCalendarOf(tx, clinicId);
    const zone = calendar.timeZone ?? 'America/Chicago';
    const today = instantToLocal(ctx.now.getTime(), zone).date;
    const until = input.until ?? dateOfDay(dayNumber(today) + DEFAULT_PLAN_DAYS);
    if (until < today) throw new ValidationError(['until'], 'Plan up to a date after today');
    const { query } = await loadSlotQuery(tx, { clinicId, policy: policy.scheduling, type: engineType(types.preparation), patientIds: [patientId], now: ctx.now, range: { from: today, to: until } });
    const { appointmentType: _type, range: _range, ...base } = query;
    const plan = planCourse({
      base,
      until,
      types: { preparation: engineType(types.preparation), medicineOral: engineType(types.medicine_oral), medicineIm: engineType(types.medicine_im), integration: engineType(types.integration) },
      remaining: { preparation: input.preparation, medicine: input.medicine, integrationsPerMedicine: input.integrationsPerMedicine },
    });
    const names = new Map(Object.values(types).map((t) => [t.id, t.name]));
    audit.record({ action: 'query', patientId, resourceType: 'CoursePlan', detail: { proposals: plan.proposals.length, unplaced: plan.unplaced.length } });
    return {
      proposals: plan.proposals.map((p) => ({ step: p.step, route: p.route, appointmentTypeId: p.appointmentTypeId, typeName: names.get(p.appointmentTypeId) ?? '', slot: slotViewOf(p.slot) })),
      unplaced: [...plan.unplaced],
    };
  });
}

/**
 * Books an accepted plan in one transaction, each appointment revalidated in order as it would be
 * booked alone (so the medicine gates and course rules see the ones before it); if one cannot be
 * booked, none is, and the 409 says which.
 */
export async function acceptCourse(deps: AppDeps, ctx: AuthedContext, patientId: string, input: z.output<typeof acceptPlanRequest>): Promise<AppointmentView[]> {
  const policy = await policyOf(deps, ctx);
  const clinicId = ctx.auth.user.clinicId;
  return withConflictsNamed(deps, (attempt) =>
    transact(deps.db, ctx, async (tx, audit) => {
      const patients = await admitPatients(tx, ctx, audit, [patientId]);
      await lockPatients(tx, [patientId]);
      const { calendar } = await clinicCalendarOf(tx, clinicId);
      const zone = calendar.timeZone ?? 'America/Chicago';
      const ids: string[] = [];
      for (const [index, proposal] of input.proposals.entries()) {
        const type = await activeType(tx, clinicId, proposal.appointmentTypeId);
        const start = localTimeToInstant(proposal.start.date, proposal.start.time, zone, ['proposals', index, 'start']);
        try {
          ids.push(
            await placeAppointment(tx, ctx, audit, {
              type,
              booked: patients,
              waitlisted: [],
              start,
              staffIds: proposal.staffIds,
              roomId: proposal.roomId,
              telehealthUrl: null,
              staffNotes: null,
              series: null,
              policy,
              attempt,
            }),
          );
        } catch (error) {
          if (error instanceof PolicyBlocked) {
            throw new PolicyBlocked(`Appointment ${index + 1} of the plan (${type.name}, ${proposal.start.date} ${proposal.start.time}) cannot be booked; nothing was booked`, error.unmet);
          }
          throw error;
        }
      }
      return loadAppointmentViews(tx, ctx, { ids });
    }),
  );
}
