import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import {
  Conflict,
  Forbidden,
  mayEditStaffHours,
  NotFound,
  ValidationError,
  type appointmentTypeRequest,
  type clinicHoursRequest,
  type SchedulingSetup,
  type staffAvailabilityRequest,
  type AppointmentTypeView,
  type RoomView,
  type roomRequest,
  type timeOffRequest,
} from '@lantern/core';
import type { z } from 'zod';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact, type AuditTrail } from '../../platform/audit/trail.js';
import type { Tx } from '../../platform/db/index.js';
import { appUser, appointmentType, clinicSchedule, room, staffAvailability, staffTimeOff } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { appointmentTypeById, appointmentTypeRows, clinicCalendarOf, roomRows, staffCalendars } from './setup-repo.js';
import { appointmentTypeViewOf } from './views.js';

const HORIZON_MS = 400 * 86_400_000;

/** Everything the calendar and the booking screens need to know of the clinic's set-up (no PHI). */
export async function schedulingSetup(deps: AppDeps, ctx: AuthedContext): Promise<SchedulingSetup> {
  const clinicId = ctx.auth.user.clinicId;
  const { policy } = await deps.policies.current(clinicId);
  return transact(deps.db, ctx, async (tx) => {
    const { calendar } = await clinicCalendarOf(tx, clinicId);
    const staff = await staffCalendars(tx, clinicId, { from: new Date(ctx.now.getTime() - 86_400_000), to: new Date(ctx.now.getTime() + HORIZON_MS) });
    const timeOff = await tx
      .select()
      .from(staffTimeOff)
      .where(and(eq(staffTimeOff.clinicId, clinicId), isNull(staffTimeOff.withdrawnAt)));
    return {
      timeZone: calendar.timeZone ?? 'America/Chicago',
      clinicHours: { weekly: calendar.hours.weekly ?? {}, overrides: calendar.hours.overrides ?? [], holidays: calendar.holidays ?? [] },
      rooms: (await roomRows(tx, clinicId)).map((r) => ({ id: r.id, name: r.name, capabilities: r.capabilities, capacity: r.capacity, active: r.active })),
      appointmentTypes: (await appointmentTypeRows(tx, clinicId)).map(appointmentTypeViewOf),
      staff: staff.map((s) => ({
        id: s.id,
        displayName: s.displayName,
        roles: [...s.roles],
        weekly: s.availability.weekly ?? {},
        overrides: s.availability.overrides ?? [],
        timeOff: timeOff
          .filter((o) => o.userId === s.id && o.endsAt > ctx.now)
          .map((o) => ({ id: o.id, start: o.startsAt.toISOString(), end: o.endsAt.toISOString(), note: o.note })),
      })),
      policy: {
        slotGranularityMinutes: policy.scheduling.slotGranularityMinutes,
        minimumNoticeMinutes: policy.scheduling.minimumNoticeMinutes,
        lateCancelHours: policy.scheduling.lateCancelHours,
      },
    };
  });
}

/** Two ranges of one day must not overlap (a template is a set of working stretches). */
function assertNoOverlap(weekly: Record<string, { start: string; end: string }[] | undefined>, overrides: { date: string; ranges: { start: string; end: string }[] }[]): void {
  const check = (ranges: readonly { start: string; end: string }[], path: (string | number)[]): void => {
    const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((range, i) => {
      const next = sorted[i + 1];
      if (next && next.start < range.end) throw new ValidationError(path, `${range.start}–${range.end} overlaps ${next.start}–${next.end}`);
    });
  };
  for (const [day, ranges] of Object.entries(weekly)) check(ranges ?? [], ['weekly', day]);
  const seen = new Set<string>();
  overrides.forEach((o, i) => {
    if (seen.has(o.date)) throw new ValidationError(['overrides', i, 'date'], `${o.date} has two exceptions; merge them into one`);
    seen.add(o.date);
    check(o.ranges, ['overrides', i, 'ranges']);
  });
}

export async function setClinicHours(deps: AppDeps, ctx: AuthedContext, input: z.output<typeof clinicHoursRequest>): Promise<void> {
  assertNoOverlap(input.weekly, input.overrides);
  const clinicId = ctx.auth.user.clinicId;
  await transact(deps.db, ctx, async (tx, audit) => {
    const values = { weekly: input.weekly, overrides: input.overrides, holidays: [...new Set(input.holidays)].sort(), updatedAt: ctx.now, updatedBy: ctx.auth.user.id };
    await tx.insert(clinicSchedule).values({ clinicId, ...values }).onConflictDoUpdate({ target: clinicSchedule.clinicId, set: values });
    audit.record({ action: 'update', resourceType: 'ClinicSchedule', resourceId: clinicId, detail: { holidays: values.holidays.length, overrides: input.overrides.length } });
  });
}

async function assertStaffMember(tx: Tx, clinicId: string, userId: string): Promise<void> {
  const [row] = await tx.select({ id: appUser.id }).from(appUser).where(and(eq(appUser.id, userId), eq(appUser.clinicId, clinicId), eq(appUser.kind, 'staff'))).limit(1);
  if (!row) throw new NotFound('Staff member');
}

/**
 * The admin and the front desk change anyone's hours; a clinician only their own (`mayEditStaffHours`).
 * A refusal is kept in the audit trail even though nothing changes.
 */
function assertMayEditHours(ctx: AuthedContext, audit: AuditTrail, attempt: { userId: string; resourceType: 'StaffAvailability' | 'StaffTimeOff'; action: 'create' | 'update' | 'delete' }): void {
  if (mayEditStaffHours(ctx.auth.user, attempt.userId)) return;
  audit.failure({ action: attempt.action, resourceType: attempt.resourceType, resourceId: attempt.userId, detail: { reason: 'not_own_hours' } });
  throw new Forbidden('You can change only your own hours and time off', 'not_own_hours');
}

export async function setStaffAvailability(deps: AppDeps, ctx: AuthedContext, userId: string, input: z.output<typeof staffAvailabilityRequest>): Promise<void> {
  const clinicId = ctx.auth.user.clinicId;
  await transact(deps.db, ctx, async (tx, audit) => {
    assertMayEditHours(ctx, audit, { userId, resourceType: 'StaffAvailability', action: 'update' });
    assertNoOverlap(input.weekly, input.overrides);
    await assertStaffMember(tx, clinicId, userId);
    const values = { weekly: input.weekly, overrides: input.overrides, updatedAt: ctx.now, updatedBy: ctx.auth.user.id };
    await tx.insert(staffAvailability).values({ userId, clinicId, ...values }).onConflictDoUpdate({ target: staffAvailability.userId, set: values });
    audit.record({ action: 'update', resourceType: 'StaffAvailability', resourceId: userId, detail: { overrides: input.overrides.length, own: userId === ctx.auth.user.id } });
  });
}

export async function addTimeOff(deps: AppDeps, ctx: AuthedContext, userId: string, input: z.output<typeof timeOffRequest>): Promise<{ id: string }> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    assertMayEditHours(ctx, audit, { userId, resourceType: 'StaffTimeOff', action: 'create' });
    await assertStaffMember(tx, clinicId, userId);
    const id = newId();
    await tx.insert(staffTimeOff).values({ id, clinicId, userId, startsAt: new Date(input.start), endsAt: new Date(input.end), note: input.note, createdAt: ctx.now, createdBy: ctx.auth.user.id });
    audit.record({ action: 'create', resourceType: 'StaffTimeOff', resourceId: id, detail: { userId } });
    return { id };
  });
}

/**
 * Withdraws time off that is still ahead or under way: the hours become bookable again. The row stays
 * (marked withdrawn) so the trail shows what was planned; time off that has ended is history and stays.
 */
export async function withdrawTimeOff(deps: AppDeps, ctx: AuthedContext, userId: string, timeOffId: string): Promise<void> {
  const clinicId = ctx.auth.user.clinicId;
  await transact(deps.db, ctx, async (tx, audit) => {
    assertMayEditHours(ctx, audit, { userId, resourceType: 'StaffTimeOff', action: 'delete' });
    const [row] = await tx
      .select()
      .from(staffTimeOff)
      .where(and(eq(staffTimeOff.id, timeOffId), eq(staffTimeOff.clinicId, clinicId), eq(staffTimeOff.userId, userId)))
      .for('update')
      .limit(1);
    if (!row) throw new NotFound('Time off');
    if (row.withdrawnAt) throw new Conflict('This time off has already been withdrawn', 'already_withdrawn');
    if (row.endsAt <= ctx.now) throw new Conflict('This time off has ended; it stays on record', 'time_off_ended');
    await tx.update(staffTimeOff).set({ withdrawnAt: ctx.now }).where(eq(staffTimeOff.id, timeOffId));
    audit.record({ action: 'delete', resourceType: 'StaffTimeOff', resourceId: timeOffId, detail: { userId, withdrawn: true } });
  });
}

export async function createAppointmentType(deps: AppDeps, ctx: AuthedContext, input: z.output<typeof appointmentTypeRequest>): Promise<AppointmentTypeView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(appointmentType)
      .values({ id: newId(), clinicId, ...input, staff: input.staff.map((s) => ({ anyOf: s.anyOf, fromCareTeam: s.fromCareTeam })), version: 1, updatedAt: ctx.now })
      .returning();
    if (!row) throw new Error('insert returned no row');
    audit.record({ action: 'create', resourceType: 'AppointmentType', resourceId: row.id, detail: { kind: row.kind } });
    return appointmentTypeViewOf(row);
  });
}

/** Edits a type; appointments already booked keep the duration they were booked with. */
export async function updateAppointmentType(deps: AppDeps, ctx: AuthedContext, id: string, input: z.output<typeof appointmentTypeRequest>): Promise<AppointmentTypeView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const existing = await appointmentTypeById(tx, clinicId, id);
    if (!existing) throw new NotFound('Appointment type');
    if (existing.kind !== input.kind) throw new ValidationError(['kind'], 'The kind of an appointment type cannot change; create a new type instead');
    const [row] = await tx
      .update(appointmentType)
      .set({ ...input, staff: input.staff.map((s) => ({ anyOf: s.anyOf, fromCareTeam: s.fromCareTeam })), version: existing.version + 1, updatedAt: ctx.now })
      .where(eq(appointmentType.id, id))
      .returning();
    if (!row) throw new NotFound('Appointment type');
    audit.record({ action: 'update', resourceType: 'AppointmentType', resourceId: id, detail: { version: row.version } });
    return appointmentTypeViewOf(row);
  });
}

/** The room's `kind` column: its main bookable capability (dosing before group before therapy). */
function roomKindOf(capabilities: readonly string[]): string {
  return (['dosing', 'group', 'therapy'] as const).find((c) => capabilities.includes(c)) ?? 'therapy';
}

function roomViewOf(row: typeof room.$inferSelect): RoomView {
  return { id: row.id, name: row.name, capabilities: row.capabilities, capacity: row.capacity, active: row.active };
}

/** Two rooms of one clinic may not share a name (the calendar and reminders name rooms). */
async function assertRoomNameFree(tx: Tx, clinicId: string, name: string, exceptId: string | null): Promise<void> {
  const same = and(eq(room.clinicId, clinicId), sql`lower(${room.name}) = lower(${name})`, exceptId ? ne(room.id, exceptId) : undefined);
  const [row] = await tx.select({ id: room.id }).from(room).where(same).limit(1);
  if (row) throw new Conflict(`There is already a room called ${name}`, 'room_name_taken');
}

export async function createRoom(deps: AppDeps, ctx: AuthedContext, input: z.output<typeof roomRequest>): Promise<RoomView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    await assertRoomNameFree(tx, clinicId, input.name, null);
    const capabilities = [...new Set(input.capabilities)];
    const [row] = await tx.insert(room).values({ id: newId(), clinicId, name: input.name, kind: roomKindOf(capabilities), capabilities, capacity: input.capacity, active: input.active }).returning();
    if (!row) throw new Error('insert returned no row');
    audit.record({ action: 'create', resourceType: 'Room', resourceId: row.id, detail: { capabilities } });
    return roomViewOf(row);
  });
}

/** Edits a room; taking it out of service keeps its booked appointments (the calendar still shows them). */
export async function updateRoom(deps: AppDeps, ctx: AuthedContext, id: string, input: z.output<typeof roomRequest>): Promise<RoomView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    await assertRoomNameFree(tx, clinicId, input.name, id);
    const capabilities = [...new Set(input.capabilities)];
    const [row] = await tx
      .update(room)
      .set({ name: input.name, kind: roomKindOf(capabilities), capabilities, capacity: input.capacity, active: input.active })
      .where(and(eq(room.id, id), eq(room.clinicId, clinicId)))
      .returning();
    if (!row) throw new NotFound('Room');
    audit.record({ action: 'update', resourceType: 'Room', resourceId: id, detail: { capabilities, active: input.active } });
    return roomViewOf(row);
  });
}
