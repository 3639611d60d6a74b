import { Conflict, NotFound, PolicyBlocked, ValidationError, type AppointmentView } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact } from '../../platform/audit/trail.js';
import {
  admitPatients,
  insertHolds,
  insertParticipant,
  lockAppointment,
  participantsOf,
  releaseHolds,
  updateParticipant,
  type AppointmentRow,
  type ParticipantRow,
} from './appointments-repo.js';
import { loadAppointmentViews } from './calendar-service.js';
import { conflictMessages } from './placement.js';
import { appointmentTypeById } from './setup-repo.js';

async function groupOf(tx: Tx, clinicId: string, id: string): Promise<{ row: AppointmentRow; capacity: number; participants: ParticipantRow[] }> {
  const row = await lockAppointment(tx, clinicId, id);
  const type = await appointmentTypeById(tx, clinicId, row.appointmentTypeId);
  if (!type) throw new NotFound('Appointment type');
  if (type.kind !== 'group') throw new ValidationError(['id'], 'Members join and leave group sessions only');
  if (row.status !== 'booked') throw new Conflict(`This group session is ${row.status.replace('_', ' ')}`, 'not_open');
  return { row, capacity: type.capacity, participants: await participantsOf(tx, [id]) };
}

/** Seats the patient if the patient is free then and a seat is free, else fails with who is in the way. */
async function seatPatient(tx: Tx, row: AppointmentRow, patientId: string): Promise<void> {
  const hold = { kind: 'patient' as const, resourceId: patientId, start: row.startsAt, end: row.endsAt };
  const conflicts = await conflictMessages(tx, [hold], row.id);
  if (conflicts.length > 0) throw new PolicyBlocked('The patient has another appointment then', conflicts);
  await insertHolds(tx, row.clinicId, row.id, [hold]);
}

/** Adds a member to a group session: seated while there is room, otherwise on the waitlist. */
export async function addGroupMember(deps: AppDeps, ctx: AuthedContext, id: string, patientId: string): Promise<AppointmentView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const [patient] = await admitPatients(tx, ctx, audit, [patientId]);
    const { row, capacity, participants } = await groupOf(tx, clinicId, id);
    const existing = participants.find((p) => p.patientId === patientId);
    if (existing && existing.status !== 'withdrawn') throw new Conflict('This patient is already in the group session', 'already_member');
    const seated = participants.filter((p) => p.patientId && p.status === 'booked').length;
    const status = seated < capacity ? 'booked' : 'waitlisted';
    if (status === 'booked') await seatPatient(tx, row, patientId);
    if (existing) await updateParticipant(tx, existing.id, { status, attendance: null, addedAt: ctx.now });
    else await insertParticipant(tx, clinicId, id, { userId: null, patientId, role: 'patient', seat: null, status, attendance: null, addedAt: ctx.now });
    audit.record({ action: 'update', patientId, resourceType: 'Appointment', resourceId: id, breakGlassReason: patient?.breakGlassReason ?? null, detail: { joined: status } });
    const [view] = await loadAppointmentViews(tx, ctx, { ids: [id] });
    return view as AppointmentView;
  });
}

/**
 * Takes a member out of a group session; the first on the waitlist who is free then takes the seat
 * (the waitlist is first come, first served).
 */
export async function withdrawGroupMember(deps: AppDeps, ctx: AuthedContext, id: string, patientId: string): Promise<AppointmentView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const [patient] = await admitPatients(tx, ctx, audit, [patientId]);
    const { row, participants } = await groupOf(tx, clinicId, id);
    const member = participants.find((p) => p.patientId === patientId && p.status !== 'withdrawn');
    if (!member) throw new NotFound('Group member');
    await updateParticipant(tx, member.id, { status: 'withdrawn' });
    audit.record({ action: 'update', patientId, resourceType: 'Appointment', resourceId: id, breakGlassReason: patient?.breakGlassReason ?? null, detail: { withdrawn: true } });
    if (member.status === 'booked') {
      await releaseHolds(tx, id, patientId);
      for (const waiting of participants.filter((p) => p.status === 'waitlisted' && p.patientId)) {
        const conflicts = await conflictMessages(tx, [{ kind: 'patient', resourceId: waiting.patientId as string, start: row.startsAt, end: row.endsAt }], row.id);
        if (conflicts.length > 0) continue;
        await seatPatient(tx, row, waiting.patientId as string);
        await updateParticipant(tx, waiting.id, { status: 'booked' });
        audit.record({ action: 'update', patientId: waiting.patientId, resourceType: 'Appointment', resourceId: id, detail: { joined: 'booked', fromWaitlist: true } });
        break;
      }
    }
    const [view] = await loadAppointmentViews(tx, ctx, { ids: [id] });
    return view as AppointmentView;
  });
}

/** Records one patient's attendance (per member, for groups and couples). */
export async function recordAttendance(deps: AppDeps, ctx: AuthedContext, id: string, patientId: string, attendance: 'attended' | 'no_show' | 'late_cancel'): Promise<AppointmentView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const [patient] = await admitPatients(tx, ctx, audit, [patientId]);
    const row = await lockAppointment(tx, clinicId, id);
    if (row.startsAt > ctx.now) throw new Conflict('Attendance is recorded once the appointment has started', 'not_started');
    const member = (await participantsOf(tx, [id])).find((p) => p.patientId === patientId && p.status === 'booked');
    if (!member) throw new NotFound('Participant');
    await updateParticipant(tx, member.id, { attendance });
    audit.record({ action: 'update', patientId, resourceType: 'Appointment', resourceId: id, breakGlassReason: patient?.breakGlassReason ?? null, detail: { attendance } });
    const [view] = await loadAppointmentViews(tx, ctx, { ids: [id] });
    return view as AppointmentView;
  });
}
