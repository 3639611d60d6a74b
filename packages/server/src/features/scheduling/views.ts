import { instantToLocal, type AppointmentStatus, type AppointmentTypeView, type AppointmentView, type CancelReason, type Slot, type SlotView } from '@lantern/core';
import type { AppointmentRow, ParticipantRow } from './appointments-repo.js';
import type { AppointmentTypeRow } from './setup-repo.js';

export function appointmentTypeViewOf(row: AppointmentTypeRow): AppointmentTypeView {
  return {
    id: row.id,
    kind: row.kind as AppointmentTypeView['kind'],
    name: row.name,
    phase: row.phase as AppointmentTypeView['phase'],
    durationMinutes: row.durationMinutes,
    staff: row.staff.map((s) => ({ anyOf: s.anyOf, fromCareTeam: s.fromCareTeam ?? false })),
    roomCapability: row.roomCapability as AppointmentTypeView['roomCapability'],
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    telehealthAllowed: row.telehealthAllowed,
    capacity: row.capacity,
    billingCodes: row.billingCodes,
    color: row.color,
    reminderTemplate: row.reminderTemplate,
    active: row.active,
    version: row.version,
  };
}

export function slotViewOf(slot: Slot): SlotView {
  return { ...slot, start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(), staff: [...slot.staff] };
}

/** An appointment for the calendar; patients outside the caller's scope appear without a name. */
export function appointmentViewOf(input: {
  readonly row: AppointmentRow;
  readonly type: AppointmentTypeRow;
  readonly roomName: string | null;
  readonly participants: readonly ParticipantRow[];
  readonly names: ReadonlyMap<string, string>;
  readonly zone: string;
}): AppointmentView {
  const { row, type } = input;
  const local = instantToLocal(row.startsAt.getTime(), input.zone);
  return {
    id: row.id,
    appointmentTypeId: type.id,
    typeName: type.name,
    kind: type.kind as AppointmentView['kind'],
    color: type.color,
    status: row.status as AppointmentStatus,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    localDate: local.date,
    localTime: local.time,
    roomId: row.roomId,
    roomName: input.roomName,
    telehealthUrl: row.telehealthUrl,
    staffNotes: row.staffNotes,
    capacity: type.capacity,
    seriesId: row.seriesId,
    seriesIndex: row.seriesIndex,
    seriesException: row.seriesException,
    cancelReason: row.cancelReason as CancelReason | null,
    lateCancelFee: row.lateCancelFee,
    version: row.version,
    participants: input.participants
      .filter((p) => p.appointmentId === row.id)
      .map((p) => ({
        id: p.id,
        kind: p.patientId ? ('patient' as const) : ('staff' as const),
        refId: (p.patientId ?? p.userId) as string,
        name: input.names.get((p.patientId ?? p.userId) as string) ?? null,
        role: p.role,
        status: p.status as 'booked' | 'waitlisted' | 'withdrawn',
        attendance: p.attendance as AppointmentView['participants'][number]['attendance'],
      })),
  };
}
