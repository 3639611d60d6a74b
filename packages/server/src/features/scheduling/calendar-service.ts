import { dayNumber, instantToLocal, NotFound, startOfLocalDay, type AppointmentView } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Tx } from '../../platform/db/index.js';
import { transact } from '../../platform/audit/trail.js';
import { appointmentsBetween, participantNames, participantsOf } from './appointments-repo.js';
import { calendarFile } from './ics.js';
import { clinicCalendarOf } from './setup-repo.js';
import { appointmentViewOf } from './views.js';

const MS_PER_MINUTE = 60_000;

export interface CalendarFilter {
  readonly ids?: readonly string[];
  /** Clinic-local dates, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly staffId?: string;
  readonly roomId?: string;
  readonly patientId?: string;
  readonly includeCancelled?: boolean;
}

/**
 * Appointments as the calendar shows them. Staff are named; a patient is named only when the
 * caller's scope admits them (a therapist sees colleagues' bookings as busy time, not who).
 */
export async function loadAppointmentViews(tx: Tx, ctx: AuthedContext, filter: CalendarFilter): Promise<AppointmentView[]> {
  const clinicId = ctx.auth.user.clinicId;
  const { calendar } = await clinicCalendarOf(tx, clinicId);
  const zone = calendar.timeZone ?? 'America/Chicago';
  const from = filter.from ? new Date(startOfLocalDay(dayNumber(filter.from), zone) * MS_PER_MINUTE) : new Date(0);
  const to = filter.to ? new Date(startOfLocalDay(dayNumber(filter.to) + 1, zone) * MS_PER_MINUTE) : new Date(8_640_000_000_000);
  const rows = await appointmentsBetween(tx, clinicId, {
    from,
    to,
    includeCancelled: filter.includeCancelled ?? Boolean(filter.ids),
    ...(filter.ids ? { ids: filter.ids } : {}),
    ...(filter.staffId ? { staffId: filter.staffId } : {}),
    ...(filter.roomId ? { roomId: filter.roomId } : {}),
    ...(filter.patientId ? { patientId: filter.patientId } : {}),
  });
  const participants = await participantsOf(tx, rows.map((r) => r.appointment.id));
  const names = await participantNames(tx, ctx, participants);
  return rows.map((r) => appointmentViewOf({ row: r.appointment, type: r.type, roomName: r.roomName, participants, names, zone }));
}

/** The calendar between two clinic-local dates, optionally for one staff member, room or patient. */
export function listAppointments(deps: AppDeps, ctx: AuthedContext, filter: CalendarFilter & { from: string; to: string }): Promise<AppointmentView[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const views = await loadAppointmentViews(tx, ctx, filter);
    audit.record({ action: 'query', resourceType: 'Appointment', patientId: filter.patientId ?? null, detail: { from: filter.from, to: filter.to, results: views.length } });
    return views;
  });
}

/** Today's appointments for the signed-in clinician (their home screen agenda). */
export function agenda(deps: AppDeps, ctx: AuthedContext): Promise<AppointmentView[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const { calendar } = await clinicCalendarOf(tx, ctx.auth.user.clinicId);
    const today = instantToLocal(ctx.now.getTime(), calendar.timeZone ?? 'America/Chicago').date;
    const views = await loadAppointmentViews(tx, ctx, { from: today, to: today, staffId: ctx.auth.user.id, includeCancelled: true });
    audit.record({ action: 'query', resourceType: 'Appointment', detail: { agenda: today, results: views.length } });
    return views;
  });
}

/** One appointment; reading a patient's appointment is audited per patient named. */
export function getAppointment(deps: AppDeps, ctx: AuthedContext, id: string): Promise<AppointmentView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const [view] = await loadAppointmentViews(tx, ctx, { ids: [id], includeCancelled: true });
    if (!view) throw new NotFound('Appointment');
    for (const p of view.participants) {
      if (p.kind === 'patient' && p.name !== null) audit.record({ action: 'read', patientId: p.refId, resourceType: 'Appointment', resourceId: id });
    }
    return view;
  });
}

/** One appointment as an `.ics` file (RFC 5545); no names or reasons in it. */
export async function appointmentIcs(deps: AppDeps, ctx: AuthedContext, id: string): Promise<string> {
  const view = await getAppointment(deps, ctx, id);
  const clinic = await clinicCalendarOf(deps.db, ctx.auth.user.clinicId);
  return calendarFile(
    [
      {
        id: view.id,
        start: new Date(view.start),
        end: new Date(view.end),
        title: view.typeName,
        location: view.roomName ? `${view.roomName}, ${clinic.name}` : view.telehealthUrl ? 'Video visit' : null,
        cancelled: view.status === 'cancelled',
        sequence: view.version,
      },
    ],
    { calendarName: clinic.name, description: 'Open Lantern for the details of this appointment.' },
  );
}
