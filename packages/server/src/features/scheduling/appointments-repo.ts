import { and, asc, eq, gt, inArray, lt, ne, notInArray, sql } from 'drizzle-orm';
import { demographicScope, Forbidden, NotFound, type ExistingBooking } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import type { AuditTrail } from '../../platform/audit/trail.js';
import { appUser, appointment, appointmentParticipant, appointmentType, careTeamMember, patient, room, scheduleHold } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { breakGlassReason, scopeCondition } from '../patients/scope.js';

export type AppointmentRow = typeof appointment.$inferSelect;
export type ParticipantRow = typeof appointmentParticipant.$inferSelect;
export type HoldKind = 'staff' | 'room' | 'patient';

/** A patient the caller may book for. */
export interface BookablePatient {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly breakGlassReason: string | null;
}

/** Statuses that no longer hold anyone's time. */
const RELEASED = ['cancelled', 'no_show'];

/**
 * The patients of a booking, admitted through the caller's scope like the chart header (front desk:
 * the clinic; a therapist: their care team; anyone: a live break-glass grant). A patient outside it
 * is refused and the refusal audited.
 */
export async function admitPatients(tx: Executor, ctx: AuthedContext, audit: AuditTrail, patientIds: readonly string[]): Promise<BookablePatient[]> {
  if (new Set(patientIds).size !== patientIds.length) throw new Forbidden('A patient is listed twice', 'duplicate_patient');
  const scope = scopeCondition(demographicScope(ctx.auth.principal), ctx);
  const rows = await tx
    .select({
      id: patient.id,
      given: patient.legalGivenName,
      preferred: patient.preferredName,
      family: patient.legalFamilyName,
      email: patient.email,
      inScope: sql<boolean>`${scope}`,
      breakGlass: breakGlassReason(ctx),
    })
    .from(patient)
    .where(and(inArray(patient.id, [...patientIds]), eq(patient.clinicId, ctx.auth.user.clinicId)));
  return patientIds.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new NotFound('Patient');
    if (!row.inScope && row.breakGlass === null) {
      audit.failure({ action: 'create', patientId: id, resourceType: 'Appointment', detail: { reason: 'out_of_scope' } });
      throw new Forbidden('This patient is not on your care team. In an emergency, use break-glass access with a reason.', 'out_of_scope');
    }
    return { id, name: `${row.preferred ?? row.given} ${row.family}`, email: row.email, breakGlassReason: row.inScope ? null : row.breakGlass };
  });
}

/**
 * Locks the patients' rows for the rest of the booking transaction, in id order (no deadlocks), so
 * two bookings for one patient run one after the other: the course rules (one medicine session a
 * week, the interval between them) span several appointments, which no exclusion constraint covers.
 */
export async function lockPatients(tx: Executor, patientIds: readonly string[]): Promise<void> {
  if (patientIds.length === 0) return;
  await tx.select({ id: patient.id }).from(patient).where(inArray(patient.id, [...patientIds])).orderBy(asc(patient.id)).for('no key update');
}

/** Care-team members of the patients, therapists first (the slot finder's preference order). */
export async function careTeamOf(tx: Executor, patientIds: readonly string[]): Promise<string[]> {
  const rows = await tx
    .select({ userId: careTeamMember.userId, role: careTeamMember.role })
    .from(careTeamMember)
    .where(inArray(careTeamMember.patientId, [...patientIds]));
  const rank = (role: string): number => (role === 'therapist' ? 0 : 1);
  return [...new Set(rows.sort((a, b) => rank(a.role) - rank(b.role)).map((r) => r.userId))];
}

/** A booking that holds time, with its type's kind for the course rules. */
export interface HeldBooking extends ExistingBooking {
  readonly kind: string;
}

/** Every appointment holding time that overlaps `[from, to)` (buffers included by the caller's margin). */
export async function bookingsBetween(tx: Executor, clinicId: string, window: { from: Date; to: Date }): Promise<HeldBooking[]> {
  const rows = await tx
    .select({ appointment, kind: appointmentType.kind, before: appointmentType.bufferBeforeMinutes, after: appointmentType.bufferAfterMinutes })
    .from(appointment)
    .innerJoin(appointmentType, eq(appointmentType.id, appointment.appointmentTypeId))
    .where(and(eq(appointment.clinicId, clinicId), notInArray(appointment.status, RELEASED), lt(appointment.startsAt, window.to), gt(appointment.endsAt, window.from)));
  if (rows.length === 0) return [];
  const people = await tx
    .select({ appointmentId: appointmentParticipant.appointmentId, userId: appointmentParticipant.userId, patientId: appointmentParticipant.patientId })
    .from(appointmentParticipant)
    .where(and(inArray(appointmentParticipant.appointmentId, rows.map((r) => r.appointment.id)), eq(appointmentParticipant.status, 'booked')));
  return rows.map(({ appointment: a, kind, before, after }) => {
    const mine = people.filter((p) => p.appointmentId === a.id);
    return {
      id: a.id,
      kind,
      start: a.startsAt.getTime(),
      end: a.endsAt.getTime(),
      staffIds: mine.flatMap((p) => (p.userId ? [p.userId] : [])),
      patientIds: mine.flatMap((p) => (p.patientId ? [p.patientId] : [])),
      roomId: a.roomId,
      bufferBeforeMinutes: before,
      bufferAfterMinutes: after,
    };
  });
}

/** A patient's medicine appointments that hold time (booked, held), for the course rules. */
export async function medicineAppointmentsOf(tx: Executor, patientId: string): Promise<{ id: string; start: Date; end: Date; kind: string }[]> {
  return tx
    .select({ id: appointment.id, start: appointment.startsAt, end: appointment.endsAt, kind: appointmentType.kind })
    .from(appointment)
    .innerJoin(appointmentType, eq(appointmentType.id, appointment.appointmentTypeId))
    .innerJoin(appointmentParticipant, eq(appointmentParticipant.appointmentId, appointment.id))
    .where(
      and(
        eq(appointmentParticipant.patientId, patientId),
        eq(appointmentParticipant.status, 'booked'),
        inArray(appointmentType.kind, ['medicine_oral', 'medicine_im']),
        notInArray(appointment.status, RELEASED),
      ),
    );
}

/** One hold to write: a person or room, for `[start, end)`. */
export interface Hold {
  readonly kind: HoldKind;
  readonly resourceId: string;
  readonly start: Date;
  readonly end: Date;
}

function rangeText(start: Date, end: Date): string {
  return `[${start.toISOString()},${end.toISOString()})`;
}

/** Writes holds; the exclusion constraint refuses any that overlaps another on the same resource. */
export async function insertHolds(tx: Executor, clinicId: string, appointmentId: string, holds: readonly Hold[]): Promise<void> {
  if (holds.length === 0) return;
  await tx.insert(scheduleHold).values(
    holds.map((h) => ({ id: newId(), clinicId, appointmentId, resourceKind: h.kind, resourceId: h.resourceId, during: rangeText(h.start, h.end) })),
  );
}

export async function releaseHolds(tx: Executor, appointmentId: string, resourceId?: string): Promise<void> {
  await tx.delete(scheduleHold).where(and(eq(scheduleHold.appointmentId, appointmentId), resourceId === undefined ? undefined : eq(scheduleHold.resourceId, resourceId)));
}

/** Appointments (other than `except`) whose holds overlap any of `holds`: who is in the way. */
export async function conflictsWith(tx: Executor, holds: readonly Hold[], except?: string): Promise<{ appointmentId: string; kind: HoldKind; resourceId: string }[]> {
  const found: { appointmentId: string; kind: HoldKind; resourceId: string }[] = [];
  for (const hold of holds) {
    const rows = await tx
      .select({ appointmentId: scheduleHold.appointmentId })
      .from(scheduleHold)
      .where(
        and(
          eq(scheduleHold.resourceId, hold.resourceId),
          sql`${scheduleHold.during} && ${rangeText(hold.start, hold.end)}::tstzrange`,
          except === undefined ? undefined : ne(scheduleHold.appointmentId, except),
        ),
      )
      .limit(1);
    const [row] = rows;
    if (row) found.push({ appointmentId: row.appointmentId, kind: hold.kind, resourceId: hold.resourceId });
  }
  return found;
}

export async function insertAppointment(tx: Executor, row: AppointmentRow, participants: readonly Omit<ParticipantRow, 'id' | 'appointmentId' | 'clinicId'>[]): Promise<void> {
  await tx.insert(appointment).values(row);
  await tx.insert(appointmentParticipant).values(participants.map((p) => ({ ...p, id: newId(), appointmentId: row.id, clinicId: row.clinicId })));
}

/** One appointment of the clinic, locked for the rest of the transaction (booking changes queue up). */
export async function lockAppointment(tx: Executor, clinicId: string, id: string): Promise<AppointmentRow> {
  const [row] = await tx.select().from(appointment).where(and(eq(appointment.id, id), eq(appointment.clinicId, clinicId))).for('update').limit(1);
  if (!row) throw new NotFound('Appointment');
  return row;
}

export async function updateAppointment(tx: Executor, id: string, values: Partial<AppointmentRow>): Promise<void> {
  await tx.update(appointment).set(values).where(eq(appointment.id, id));
}

export async function participantsOf(tx: Executor, appointmentIds: readonly string[]): Promise<ParticipantRow[]> {
  if (appointmentIds.length === 0) return [];
  return tx.select().from(appointmentParticipant).where(inArray(appointmentParticipant.appointmentId, [...appointmentIds])).orderBy(asc(appointmentParticipant.addedAt), asc(appointmentParticipant.id));
}

export async function insertParticipant(tx: Executor, clinicId: string, appointmentId: string, values: Omit<ParticipantRow, 'id' | 'appointmentId' | 'clinicId'>): Promise<ParticipantRow> {
  const [row] = await tx.insert(appointmentParticipant).values({ ...values, id: newId(), appointmentId, clinicId }).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateParticipant(tx: Executor, id: string, values: Partial<ParticipantRow>): Promise<void> {
  await tx.update(appointmentParticipant).set(values).where(eq(appointmentParticipant.id, id));
}

/** Later occurrences of a series, in order. */
export async function seriesFrom(tx: Executor, seriesId: string, fromIndex: number): Promise<AppointmentRow[]> {
  return tx
    .select()
    .from(appointment)
    .where(and(eq(appointment.seriesId, seriesId), sql`${appointment.seriesIndex} > ${fromIndex}`))
    .orderBy(asc(appointment.seriesIndex))
    .for('update');
}

/** The appointment rows a calendar shows, with their type and room, for the clinic-local window. */
export async function appointmentsBetween(
  tx: Executor,
  clinicId: string,
  filter: { from: Date; to: Date; staffId?: string; roomId?: string; patientId?: string; includeCancelled: boolean; ids?: readonly string[] },
): Promise<{ appointment: AppointmentRow; type: typeof appointmentType.$inferSelect; roomName: string | null }[]> {
  const byParticipant = (column: typeof appointmentParticipant.userId | typeof appointmentParticipant.patientId, id: string) =>
    sql`EXISTS (SELECT 1 FROM ${appointmentParticipant} WHERE ${appointmentParticipant.appointmentId} = ${appointment.id} AND ${column} = ${id})`;
  return tx
    .select({ appointment, type: appointmentType, roomName: room.name })
    .from(appointment)
    .innerJoin(appointmentType, eq(appointmentType.id, appointment.appointmentTypeId))
    .leftJoin(room, eq(room.id, appointment.roomId))
    .where(
      and(
        eq(appointment.clinicId, clinicId),
        filter.ids ? inArray(appointment.id, [...filter.ids]) : and(lt(appointment.startsAt, filter.to), gt(appointment.endsAt, filter.from)),
        filter.includeCancelled ? undefined : ne(appointment.status, 'cancelled'),
        filter.roomId ? eq(appointment.roomId, filter.roomId) : undefined,
        filter.staffId ? byParticipant(appointmentParticipant.userId, filter.staffId) : undefined,
        filter.patientId ? byParticipant(appointmentParticipant.patientId, filter.patientId) : undefined,
      ),
    )
    .orderBy(asc(appointment.startsAt), asc(appointment.id));
}

/** Names for participants: staff by display name; patients only where the caller's scope admits them. */
export async function participantNames(tx: Executor, ctx: AuthedContext, participants: readonly ParticipantRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const userIds = [...new Set(participants.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const patientIds = [...new Set(participants.flatMap((p) => (p.patientId ? [p.patientId] : [])))];
  if (userIds.length > 0) {
    for (const u of await tx.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, userIds))) names.set(u.id, u.name);
  }
  if (patientIds.length > 0) {
    const scope = scopeCondition(demographicScope(ctx.auth.principal), ctx);
    const rows = await tx
      .select({ id: patient.id, given: patient.legalGivenName, preferred: patient.preferredName, family: patient.legalFamilyName, inScope: sql<boolean>`${scope}` })
      .from(patient)
      .where(inArray(patient.id, patientIds));
    for (const p of rows) if (p.inScope) names.set(p.id, `${p.preferred ?? p.given} ${p.family}`);
  }
  return names;
}
