import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import { ROOM_CAPABILITIES, type AppointmentType, type ClinicCalendar, type Room, type RoomCapability, type StaffCalendar, type StaffRole } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appUser, appointmentType, clinic, clinicSchedule, room, staffAvailability, staffTimeOff } from '../../platform/db/schema/index.js';

export type AppointmentTypeRow = typeof appointmentType.$inferSelect;
export type RoomRow = typeof room.$inferSelect;

/** Roles that can fill a seat of an appointment (the others never hold clinical time). */
const SCHEDULED_ROLES: readonly StaffRole[] = ['physician', 'nurse', 'therapist'];

/** The clinic row and its schedule; hours are empty (closed) until an admin sets them. */
export async function clinicCalendarOf(tx: Executor, clinicId: string): Promise<{ calendar: ClinicCalendar; name: string; phone: string | null; address: string }> {
  const [row] = await tx
    .select({ clinic, schedule: clinicSchedule })
    .from(clinic)
    .leftJoin(clinicSchedule, eq(clinicSchedule.clinicId, clinic.id))
    .where(eq(clinic.id, clinicId))
    .limit(1);
  if (!row) throw new Error('clinic not found');
  const { clinic: c, schedule } = row;
  return {
    calendar: {
      timeZone: c.timeZone,
      hours: { weekly: schedule?.weekly ?? {}, overrides: schedule?.overrides ?? [], timeOff: [] },
      holidays: schedule?.holidays ?? [],
    },
    name: c.name,
    phone: c.phone,
    address: [c.addressLine1, c.city].join(', '),
  };
}

/** Staff who can be scheduled, with their hours and the time off that touches `[from, to)`. */
export async function staffCalendars(tx: Executor, clinicId: string, window: { from: Date; to: Date }): Promise<(StaffCalendar & { displayName: string })[]> {
  const rows = await tx
    .select({ id: appUser.id, displayName: appUser.displayName, roles: appUser.roles, availability: staffAvailability })
    .from(appUser)
    .leftJoin(staffAvailability, eq(staffAvailability.userId, appUser.id))
    .where(and(eq(appUser.clinicId, clinicId), eq(appUser.kind, 'staff'), eq(appUser.active, true)))
    .orderBy(asc(appUser.displayName));
  const off = await tx
    .select({ userId: staffTimeOff.userId, startsAt: staffTimeOff.startsAt, endsAt: staffTimeOff.endsAt })
    .from(staffTimeOff)
    .where(and(eq(staffTimeOff.clinicId, clinicId), isNull(staffTimeOff.withdrawnAt), lt(staffTimeOff.startsAt, window.to), gt(staffTimeOff.endsAt, window.from)));
  return rows
    .map((row) => ({ ...row, roles: (row.roles as StaffRole[]).filter((role) => SCHEDULED_ROLES.includes(role)) }))
    .filter((row) => row.roles.length > 0)
    .map((row) => ({
      id: row.id,
      displayName: row.displayName,
      roles: row.roles,
      availability: {
        weekly: row.availability?.weekly ?? {},
        overrides: row.availability?.overrides ?? [],
        timeOff: off.filter((o) => o.userId === row.id).map((o) => ({ start: o.startsAt.getTime(), end: o.endsAt.getTime() })),
      },
    }));
}

/** Active rooms as the slot finder sees them (capabilities it knows; recliner and the like are display only). */
export async function roomRows(tx: Executor, clinicId: string): Promise<RoomRow[]> {
  return tx.select().from(room).where(eq(room.clinicId, clinicId)).orderBy(asc(room.name));
}

export function bookableRooms(rows: readonly RoomRow[]): Room[] {
  return rows
    .filter((r) => r.active)
    .map((r) => ({
      id: r.id,
      capabilities: r.capabilities.filter((c): c is RoomCapability => (ROOM_CAPABILITIES as readonly string[]).includes(c)),
      capacity: r.capacity,
    }))
    .filter((r) => r.capabilities.length > 0);
}

export async function appointmentTypeRows(tx: Executor, clinicId: string): Promise<AppointmentTypeRow[]> {
  return tx.select().from(appointmentType).where(eq(appointmentType.clinicId, clinicId)).orderBy(asc(appointmentType.name));
}

export async function appointmentTypeById(tx: Executor, clinicId: string, id: string): Promise<AppointmentTypeRow | null> {
  const [row] = await tx.select().from(appointmentType).where(and(eq(appointmentType.id, id), eq(appointmentType.clinicId, clinicId))).limit(1);
  return row ?? null;
}

/** The engine's view of a stored type. */
export function engineType(row: AppointmentTypeRow): AppointmentType {
  return {
    id: row.id,
    kind: row.kind as AppointmentType['kind'],
    name: row.name,
    durationMinutes: row.durationMinutes,
    staff: row.staff,
    roomCapability: row.roomCapability as RoomCapability | null,
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    telehealthAllowed: row.telehealthAllowed,
  };
}
