import {
  assertStatusMove,
  canMoveStatus,
  dateOfDay,
  dayNumber,
  instantToLocal,
  lateCancelFee,
  localTimeToInstant,
  NotFound,
  PolicyBlocked,
  ValidationError,
  Conflict,
  type AppointmentStatus,
  type AppointmentView,
  type LocalStart,
  type SchedulingPolicy,
  type bookAppointmentRequest,
  type cancelRequest,
  type rescheduleRequest,
  schedulingPolicyOf,
} from '@lantern/core';
import type { z } from 'zod';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact, type AuditTrail } from '../../platform/audit/trail.js';
import { appointmentSeries } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import {
  admitPatients,
  insertAppointment,
  lockPatients,
  insertHolds,
  lockAppointment,
  participantsOf,
  releaseHolds,
  seriesFrom,
  updateAppointment,
  type AppointmentRow,
  type BookablePatient,
  type Hold,
  type ParticipantRow,
} from './appointments-repo.js';
import { isExclusionViolation } from './exclusion-violation.js';
import { assertPlaceable, conflictMessages, endOf, holdsFor, type Placement } from './placement.js';
import { scheduleReminders } from './reminders.js';
import { appointmentTypeById, clinicCalendarOf, type AppointmentTypeRow } from './setup-repo.js';
import { loadAppointmentViews } from './calendar-service.js';
import { replaceStaff, setAttendanceWhereUnset, staffRoles } from './staff-seats.js';

type BookInput = z.output<typeof bookAppointmentRequest>;
type RescheduleInput = z.output<typeof rescheduleRequest>;
type CancelInput = z.output<typeof cancelRequest>;

/** The holds the current transaction tried to write, to name who was in the way if the database refused. */
export class Attempt {
  holds: Hold[] = [];
  except: string | undefined;
}

/**
 * Runs a booking change; when the database's exclusion constraint refuses a hold (a request that
 * raced this one took the time first), answers 409 naming the appointment that won.
 */
export async function withConflictsNamed<T>(deps: AppDeps, work: (attempt: Attempt) => Promise<T>): Promise<T> {
  const attempt = new Attempt();
  try {
    return await work(attempt);
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    const named = await deps.db.transaction((tx) => conflictMessages(tx, attempt.holds, attempt.except));
    throw new PolicyBlocked('This time was just taken by another booking', named.length > 0 ? named : [{ code: 'double_booking', message: 'Someone is already booked then' }]);
  }
}

export async function activeType(tx: Tx, clinicId: string, id: string): Promise<AppointmentTypeRow> {
  const type = await appointmentTypeById(tx, clinicId, id);
  if (!type) throw new NotFound('Appointment type');
  if (!type.active) throw new ValidationError(['appointmentTypeId'], `${type.name} is no longer offered`);
  return type;
}

/** Who takes a seat and who waits: groups seat up to their capacity; couples need both partners. */
function seat(type: AppointmentTypeRow, patients: readonly BookablePatient[]): { booked: BookablePatient[]; waitlisted: BookablePatient[] } {
  if (type.kind === 'group') return { booked: patients.slice(0, type.capacity), waitlisted: patients.slice(type.capacity) };
  if (type.kind === 'couples_joint' && patients.length !== 2) throw new ValidationError(['patientIds'], 'A couples session books both partners');
  if (type.kind !== 'couples_joint' && patients.length !== 1) throw new ValidationError(['patientIds'], `${type.name} is for one patient`);
  return { booked: [...patients], waitlisted: [] };
}

/** The clinic-local start of each occurrence: the same wall time every `intervalDays`. */
function occurrenceStarts(start: LocalStart, input: BookInput, zone: string): number[] {
  const count = input.recurrence?.occurrences ?? 1;
  const interval = input.recurrence?.intervalDays ?? 7;
  const first = dayNumber(start.date);
  return Array.from({ length: count }, (_, i) =>
    localTimeToInstant(dateOfDay(first + i * interval), start.time, zone, i === 0 ? ['start'] : ['recurrence', 'occurrences']),
  );
}

export async function policyOf(deps: AppDeps, ctx: AuthedContext): Promise<{ version: number; scheduling: SchedulingPolicy }> {
  const { version, policy } = await deps.policies.current(ctx.auth.user.clinicId);
  return { version, scheduling: schedulingPolicyOf(policy) };
}

function recordForPatients(audit: AuditTrail, patients: readonly BookablePatient[], action: 'create' | 'update', appointmentId: string, detail: Record<string, unknown>): void {
  for (const p of patients) {
    audit.record({ action, patientId: p.id, resourceType: 'Appointment', resourceId: appointmentId, breakGlassReason: p.breakGlassReason, detail });
  }
}

/** One appointment to place (the booking service's unit, shared with the course planner's accept). */
export interface NewAppointment {
  readonly type: AppointmentTypeRow;
  readonly booked: readonly BookablePatient[];
  readonly waitlisted: readonly BookablePatient[];
  readonly start: number;
  readonly staffIds: readonly string[];
  readonly roomId: string | null;
  readonly telehealthUrl: string | null;
  readonly staffNotes: string | null;
  readonly series: { readonly id: string; readonly index: number } | null;
  readonly policy: { readonly version: number; readonly scheduling: SchedulingPolicy };
  readonly attempt: Attempt;
}

/**
 * Revalidates and stores one appointment inside the caller's transaction: the row, its
 * participants, the holds the exclusion constraint guards, and its reminders. Returns its id.
 */
export async function placeAppointment(tx: Tx, ctx: AuthedContext, audit: AuditTrail, input: NewAppointment): Promise<string> {
  const clinicId = ctx.auth.user.clinicId;
  const { type, booked, waitlisted, start, policy } = input;
  const placement: Placement = { start, staffIds: input.staffIds, roomId: input.roomId, patientIds: booked.map((p) => p.id) };
  await assertPlaceable(tx, { clinicId, policy: policy.scheduling, type, placement, now: ctx.now });
  const id = newId();
  const roles = await staffRoles(tx, type, input.staffIds);
  await insertAppointment(
    tx,
    {
      id,
      clinicId,
      appointmentTypeId: type.id,
      seriesId: input.series?.id ?? null,
      seriesIndex: input.series?.index ?? null,
      seriesException: false,
      startsAt: new Date(start),
      endsAt: new Date(endOf(type, start)),
      status: 'booked',
      roomId: input.roomId,
      telehealthUrl: input.telehealthUrl,
      staffNotes: input.staffNotes,
      cancelReason: null,
      cancelNote: null,
      cancelledAt: null,
      cancelledBy: null,
      lateCancelFee: false,
      policyVersion: policy.version,
      version: 1,
      createdAt: ctx.now,
      createdBy: ctx.auth.user.id,
      updatedAt: ctx.now,
    },
    [
      ...input.staffIds.map((userId, seatIndex) => ({ userId, patientId: null, role: roles[seatIndex] ?? 'staff', seat: seatIndex, status: 'booked', attendance: null, addedAt: ctx.now })),
      ...booked.map((p) => ({ userId: null, patientId: p.id, role: 'patient', seat: null, status: 'booked', attendance: null, addedAt: ctx.now })),
      ...waitlisted.map((p) => ({ userId: null, patientId: p.id, role: 'patient', seat: null, status: 'waitlisted', attendance: null, addedAt: ctx.now })),
    ],
  );
  input.attempt.holds = holdsFor(type, policy.scheduling, placement);
  await insertHolds(tx, clinicId, id, input.attempt.holds);
  await scheduleReminders(tx, { clinicId, appointmentId: id, start: new Date(start), policy: policy.scheduling, now: ctx.now });
  recordForPatients(audit, [...booked, ...waitlisted], 'create', id, { kind: type.kind, policyVersion: policy.version, ...(input.series ? { seriesIndex: input.series.index } : {}) });
  return id;
}

/**
 * Books an appointment, or every occurrence of a recurring series, in one transaction: each
 * occurrence is revalidated (gates, hours, people, room, course rules) and holds its people and
 * room; if any occurrence cannot be booked nothing is stored and the 409 names it.
 */
export async function book(deps: AppDeps, ctx: AuthedContext, input: BookInput): Promise<AppointmentView[]> {
  const policy = await policyOf(deps, ctx);
  const clinicId = ctx.auth.user.clinicId;
  return withConflictsNamed(deps, (attempt) =>
    transact(deps.db, ctx, async (tx, audit) => {
      const patients = await admitPatients(tx, ctx, audit, input.patientIds);
      await lockPatients(tx, input.patientIds);
      const type = await activeType(tx, clinicId, input.appointmentTypeId);
      const { booked, waitlisted } = seat(type, patients);
      if (input.telehealthUrl && !type.telehealthAllowed) throw new ValidationError(['telehealthUrl'], `${type.name} is held in person`);
      const { calendar } = await clinicCalendarOf(tx, clinicId);
      const starts = occurrenceStarts(input.start, input, calendar.timeZone ?? 'America/Chicago');
      let seriesId: string | null = null;
      if (input.recurrence) {
        seriesId = newId();
        await tx.insert(appointmentSeries).values({
          id: seriesId,
          clinicId,
          appointmentTypeId: type.id,
          firstDate: input.start.date,
          localTime: input.start.time,
          intervalDays: input.recurrence.intervalDays,
          occurrences: input.recurrence.occurrences,
          createdAt: ctx.now,
          createdBy: ctx.auth.user.id,
        });
      }
      const ids: string[] = [];
      for (const [index, start] of starts.entries()) {
        try {
          ids.push(
            await placeAppointment(tx, ctx, audit, {
              type,
              booked,
              waitlisted,
              start,
              staffIds: input.staffIds,
              roomId: input.roomId,
              telehealthUrl: input.telehealthUrl,
              staffNotes: input.staffNotes,
              series: seriesId ? { id: seriesId, index: index + 1 } : null,
              policy,
              attempt,
            }),
          );
        } catch (error) {
          if (error instanceof PolicyBlocked && starts.length > 1) {
            throw new PolicyBlocked(`Occurrence ${index + 1} of ${starts.length} (${instantToLocal(start, calendar.timeZone ?? 'America/Chicago').date}) cannot be booked; nothing was booked`, error.unmet);
          }
          throw error;
        }
      }
      return loadAppointmentViews(tx, ctx, { ids });
    }),
  );
}

function bookedPatientIds(participants: readonly ParticipantRow[], appointmentId: string): string[] {
  return participants.filter((p) => p.appointmentId === appointmentId && p.patientId && p.status === 'booked').map((p) => p.patientId as string);
}

/**
 * Moves an appointment (or it and every later occurrence of its series that was not changed on its
 * own) to a new clinic-local start, staff and room, revalidating each; all or nothing.
 */
export async function reschedule(deps: AppDeps, ctx: AuthedContext, id: string, input: RescheduleInput): Promise<AppointmentView[]> {
  const policy = await policyOf(deps, ctx);
  const clinicId = ctx.auth.user.clinicId;
  return withConflictsNamed(deps, (attempt) =>
    transact(deps.db, ctx, async (tx, audit) => {
      const row = await lockAppointment(tx, clinicId, id);
      if (row.version !== input.version) throw new Conflict('This appointment changed since you opened it; reload it and try again', 'stale_version');
      if (row.status !== 'booked' && row.status !== 'proposed') throw new Conflict(`An appointment that is ${row.status.replace('_', ' ')} cannot be moved`, 'not_movable');
      const type = await activeType(tx, clinicId, row.appointmentTypeId);
      const { calendar } = await clinicCalendarOf(tx, clinicId);
      const zone = calendar.timeZone ?? 'America/Chicago';
      const newStart = localTimeToInstant(input.start.date, input.start.time, zone, ['start']);
      const moves: { row: AppointmentRow; start: number }[] = [{ row, start: newStart }];
      if (input.scope === 'following' && row.seriesId && row.seriesIndex !== null) {
        const shift = dayNumber(input.start.date) - dayNumber(instantToLocal(row.startsAt.getTime(), zone).date);
        for (const later of await seriesFrom(tx, row.seriesId, row.seriesIndex)) {
          // Exceptions keep their own time; cancelled and past occurrences stay as they are.
          if (later.seriesException || later.status !== 'booked') continue;
          const date = dateOfDay(dayNumber(instantToLocal(later.startsAt.getTime(), zone).date) + shift);
          moves.push({ row: later, start: localTimeToInstant(date, input.start.time, zone, ['start']) });
        }
      }
      const participants = await participantsOf(tx, moves.map((m) => m.row.id));
      const allPatients = [...new Set(moves.flatMap((m) => bookedPatientIds(participants, m.row.id)))];
      const admitted = await admitPatients(tx, ctx, audit, allPatients);
      await lockPatients(tx, allPatients);
      for (const move of moves) {
        const patientIds = bookedPatientIds(participants, move.row.id);
        const placement: Placement = { start: move.start, staffIds: input.staffIds, roomId: input.roomId, patientIds };
        await releaseHolds(tx, move.row.id);
        try {
          await assertPlaceable(tx, { clinicId, policy: policy.scheduling, type, placement, now: ctx.now, rescheduling: move.row.id });
        } catch (error) {
          if (error instanceof PolicyBlocked && moves.length > 1) {
            throw new PolicyBlocked(`Occurrence ${move.row.seriesIndex ?? ''} (${instantToLocal(move.start, zone).date}) cannot move there; nothing was changed`, error.unmet);
          }
          throw error;
        }
        attempt.holds = holdsFor(type, policy.scheduling, placement);
        attempt.except = move.row.id;
        await insertHolds(tx, clinicId, move.row.id, attempt.holds);
        await updateAppointment(tx, move.row.id, {
          startsAt: new Date(move.start),
          endsAt: new Date(endOf(type, move.start)),
          roomId: input.roomId,
          version: move.row.version + 1,
          updatedAt: ctx.now,
          seriesException: move.row.seriesException || (input.scope === 'one' && move.row.seriesId !== null),
        });
        await replaceStaff(tx, { appointmentId: move.row.id, clinicId, type, staffIds: input.staffIds, now: ctx.now });
        await scheduleReminders(tx, { clinicId, appointmentId: move.row.id, start: new Date(move.start), policy: policy.scheduling, now: ctx.now });
        recordForPatients(audit, admitted.filter((p) => patientIds.includes(p.id)), 'update', move.row.id, { rescheduled: true, scope: input.scope });
      }
      return loadAppointmentViews(tx, ctx, { ids: moves.map((m) => m.row.id) });
    }),
  );
}

/** Cancels an appointment (or it and the rest of its series) with a reason; its time is freed. */
export async function cancel(deps: AppDeps, ctx: AuthedContext, id: string, input: CancelInput): Promise<AppointmentView[]> {
  const policy = await policyOf(deps, ctx);
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const row = await lockAppointment(tx, clinicId, id);
    assertStatusMove(row.status as AppointmentStatus, 'cancelled');
    const targets = [row];
    if (input.scope === 'following' && row.seriesId && row.seriesIndex !== null) {
      targets.push(...(await seriesFrom(tx, row.seriesId, row.seriesIndex)).filter((r) => canMoveStatus(r.status as AppointmentStatus, 'cancelled')));
    }
    const participants = await participantsOf(tx, targets.map((t) => t.id));
    const admitted = await admitPatients(tx, ctx, audit, [...new Set(targets.flatMap((t) => bookedPatientIds(participants, t.id)))]);
    for (const target of targets) {
      const fee = lateCancelFee({ start: target.startsAt.getTime(), now: ctx.now.getTime(), reason: input.reason, lateCancelHours: policy.scheduling.lateCancelHours });
      await updateAppointment(tx, target.id, {
        status: 'cancelled',
        cancelReason: input.reason,
        cancelNote: input.note,
        cancelledAt: ctx.now,
        cancelledBy: ctx.auth.user.id,
        lateCancelFee: fee,
        seriesException: target.seriesException || (input.scope === 'one' && target.seriesId !== null),
        version: target.version + 1,
        updatedAt: ctx.now,
      });
      await releaseHolds(tx, target.id);
      const ids = bookedPatientIds(participants, target.id);
      // The free-text note may name people: it stays in the row, not in the audit detail.
      recordForPatients(audit, admitted.filter((p) => ids.includes(p.id)), 'update', target.id, { cancelled: input.reason, lateCancelFee: fee, policyVersion: policy.version });
    }
    return loadAppointmentViews(tx, ctx, { ids: targets.map((t) => t.id), includeCancelled: true });
  });
}

/**
 * Check-in board moves: arrived (or undo to booked), in progress, fulfilled, no-show. A no-show
 * frees the time and flags the late-cancel fee by policy; attendance follows for each patient.
 */
export async function setStatus(deps: AppDeps, ctx: AuthedContext, id: string, to: AppointmentStatus): Promise<AppointmentView> {
  const policy = await policyOf(deps, ctx);
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const row = await lockAppointment(tx, clinicId, id);
    assertStatusMove(row.status as AppointmentStatus, to);
    const participants = await participantsOf(tx, [id]);
    const admitted = await admitPatients(tx, ctx, audit, bookedPatientIds(participants, id));
    const noShow = to === 'no_show';
    if (noShow && row.startsAt > ctx.now) throw new Conflict('A patient can be marked as not arriving only once the appointment has started', 'not_started');
    await updateAppointment(tx, id, {
      status: to,
      version: row.version + 1,
      updatedAt: ctx.now,
      ...(noShow ? { lateCancelFee: lateCancelFee({ start: row.startsAt.getTime(), now: ctx.now.getTime(), reason: null, lateCancelHours: policy.scheduling.lateCancelHours }) } : {}),
    });
    if (noShow) await releaseHolds(tx, id);
    const attendance = noShow ? 'no_show' : to === 'fulfilled' ? 'attended' : null;
    if (attendance) {
      await setAttendanceWhereUnset(tx, id, attendance);
    }
    recordForPatients(audit, admitted, 'update', id, { status: to });
    const [view] = await loadAppointmentViews(tx, ctx, { ids: [id], includeCancelled: true });
    if (!view) throw new NotFound('Appointment');
    return view;
  });
}
