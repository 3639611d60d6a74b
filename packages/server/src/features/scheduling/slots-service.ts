import {
  availabilityMap,
  courseCategory,
  findSlots,
  localTimeToInstant,
  PolicyBlocked,
  type slotCheckRequest,
  type slotSearchRequest,
  type SlotCheckResponse,
  type SlotSearchResponse,
  type Unmet,
  schedulingPolicyOf,
} from '@lantern/core';
import type { z } from 'zod';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { admitPatients } from './appointments-repo.js';
import { activeType } from './booking-service.js';
import { medicineUnmet } from './course-state.js';
import { assertPlaceable } from './placement.js';
import { clinicCalendarOf, engineType } from './setup-repo.js';
import { loadSlotQuery } from './slot-context.js';
import { slotViewOf } from './views.js';

/**
 * The earliest slots (and, for a month view, the per-day map) for a type and patients: every
 * constraint of the slot finder, with the course state from the course engine. When a medicine
 * gate is unmet there are no medicine slots, and `unmet` says why.
 */
export async function searchSlots(deps: AppDeps, ctx: AuthedContext, input: z.output<typeof slotSearchRequest>): Promise<SlotSearchResponse> {
  const { policy } = await deps.policies.current(ctx.auth.user.clinicId);
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    await admitPatients(tx, ctx, audit, input.patientIds);
    const type = await activeType(tx, clinicId, input.appointmentTypeId);
    const { query } = await loadSlotQuery(tx, {
      clinicId,
      policy: schedulingPolicyOf(policy),
      type: engineType(type),
      patientIds: input.patientIds.slice(0, type.kind === 'group' ? type.capacity : input.patientIds.length),
      now: ctx.now,
      range: { from: input.from, to: input.to },
      ...(input.reschedulingAppointmentId ? { reschedulingBookingId: input.reschedulingAppointmentId } : {}),
    });
    const unmet: Unmet[] = [];
    if (courseCategory(query.appointmentType.kind) === 'medicine') {
      const route = query.appointmentType.kind === 'medicine_im' ? 'im' : 'oral';
      for (const patientId of input.patientIds) unmet.push(...(await medicineUnmet(tx, clinicId, patientId, ctx.now, route)));
    }
    const slots = findSlots(query, input.limit).map(slotViewOf);
    const days = input.withDays ? availabilityMap(query).map((d) => ({ ...d, first: d.first ? slotViewOf(d.first) : null })) : null;
    for (const patientId of input.patientIds) audit.record({ action: 'query', patientId, resourceType: 'Slot', detail: { kind: type.kind, results: slots.length } });
    return { slots, days, unmet };
  });
}

/**
 * The live check behind drag-to-reschedule: would this placement be accepted? Nothing is stored;
 * the booking revalidates the same way when it is made.
 */
export async function checkPlacement(deps: AppDeps, ctx: AuthedContext, input: z.output<typeof slotCheckRequest>): Promise<SlotCheckResponse> {
  const { policy } = await deps.policies.current(ctx.auth.user.clinicId);
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    await admitPatients(tx, ctx, audit, input.patientIds);
    const type = await activeType(tx, clinicId, input.appointmentTypeId);
    const { calendar } = await clinicCalendarOf(tx, clinicId);
    for (const patientId of input.patientIds) audit.record({ action: 'query', patientId, resourceType: 'Slot', detail: { kind: type.kind, check: true } });
    try {
      const start = localTimeToInstant(input.start.date, input.start.time, calendar.timeZone ?? 'America/Chicago', ['start']);
      await assertPlaceable(tx, {
        clinicId,
        policy: schedulingPolicyOf(policy),
        type,
        placement: { start, staffIds: input.staffIds, roomId: input.roomId, patientIds: input.patientIds },
        now: ctx.now,
        ...(input.reschedulingAppointmentId ? { rescheduling: input.reschedulingAppointmentId } : {}),
      });
      return { ok: true, violations: [] };
    } catch (error) {
      if (error instanceof PolicyBlocked) return { ok: false, violations: error.unmet.map((u) => ({ code: u.code, message: u.message })) };
      throw error;
    }
  });
}
