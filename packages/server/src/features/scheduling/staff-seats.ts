import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { StaffRole } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appUser, appointmentParticipant } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import type { AppointmentTypeRow } from './setup-repo.js';

/**
 * The role each chosen staff member serves in, seat by seat: the first role of the seat's
 * requirement they hold (a physician-and-admin monitoring a session serves as physician).
 */
export async function staffRoles(tx: Executor, type: AppointmentTypeRow, staffIds: readonly string[]): Promise<string[]> {
  if (staffIds.length === 0) return [];
  const rows = await tx.select({ id: appUser.id, roles: appUser.roles }).from(appUser).where(inArray(appUser.id, [...staffIds]));
  const held = new Map(rows.map((r) => [r.id, r.roles as StaffRole[]]));
  return staffIds.map((id, seat) => {
    const roles = held.get(id) ?? [];
    return type.staff[seat]?.anyOf.find((role) => roles.includes(role)) ?? roles[0] ?? 'staff';
  });
}

/** Puts `staffIds` in the appointment's staff seats (a move may change who attends). */
export async function replaceStaff(tx: Executor, input: { appointmentId: string; clinicId: string; type: AppointmentTypeRow; staffIds: readonly string[]; now: Date }): Promise<void> {
  const roles = await staffRoles(tx, input.type, input.staffIds);
  await tx.delete(appointmentParticipant).where(and(eq(appointmentParticipant.appointmentId, input.appointmentId), isNotNull(appointmentParticipant.userId)));
  if (input.staffIds.length === 0) return;
  await tx.insert(appointmentParticipant).values(
    input.staffIds.map((userId, seat) => ({
      id: newId(),
      appointmentId: input.appointmentId,
      clinicId: input.clinicId,
      userId,
      patientId: null,
      role: roles[seat] ?? 'staff',
      seat,
      status: 'booked',
      attendance: null,
      addedAt: input.now,
    })),
  );
}

/** Records attendance for every seated patient not yet recorded (a group's per-member entries stay). */
export async function setAttendanceWhereUnset(tx: Executor, appointmentId: string, attendance: 'attended' | 'no_show'): Promise<void> {
  await tx
    .update(appointmentParticipant)
    .set({ attendance })
    .where(
      and(
        eq(appointmentParticipant.appointmentId, appointmentId),
        isNotNull(appointmentParticipant.patientId),
        eq(appointmentParticipant.status, 'booked'),
        isNull(appointmentParticipant.attendance),
      ),
    );
}
