import { describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { booked, bookingOf, gatesOpenFor, schedulingSuite } from '../../../test/scheduling-fixtures.js';
import { appointment, appointmentParticipant, scheduleHold } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { isExclusionViolation } from './exclusion-violation.js';

const { t, c } = schedulingSuite();

/** Live appointments of the therapist starting at `start`. */
async function liveAt(start: string): Promise<number> {
  const rows = await t.database.db
    .select({ id: appointment.id })
    .from(appointment)
    .innerJoin(appointmentParticipant, eq(appointmentParticipant.appointmentId, appointment.id))
    .where(and(eq(appointmentParticipant.userId, c.staff.therapist.id), eq(appointment.startsAt, new Date(start)), ne(appointment.status, 'cancelled')));
  return rows.length;
}

describe('no double booking under concurrent requests', () => {
  it('lets exactly one of 20 simultaneous bookings of the same therapist and room through; the rest get 409 naming it', async () => {
    const patients = await Promise.all(Array.from({ length: 20 }, () => c.patient()));
    const responses = await Promise.all(
      patients.map((patient) => c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2026-12-07', time: '10:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }))),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((code) => code === 201)).toHaveLength(1);
    expect(codes.filter((code) => code === 409)).toHaveLength(19);
    const winner = (responses.find((r) => r.statusCode === 201)?.json() as { appointments: { id: string }[] }).appointments[0]?.id;
    for (const loser of responses.filter((r) => r.statusCode === 409)) {
      expect((loser.json() as { unmet: { appointmentId?: string }[] }).unmet.some((u) => u.appointmentId === winner)).toBe(true);
    }
    expect(await liveAt('2026-12-07T16:00:00.000Z')).toBe(1);
  });

  it('gives a cancelled appointment\'s time to exactly one of two simultaneous rebookings', async () => {
    const [first, second, third] = [await c.patient(), await c.patient(), await c.patient()];
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'preparation', patientIds: [first], date: '2026-12-08', time: '11:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    expect((await c.as.frontDesk.post(`/api/appointments/${made?.id}/cancel`, { reason: 'patient_request' })).statusCode).toBe(200);
    const responses = await Promise.all(
      [second, third].map((patient) => c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2026-12-08', time: '11:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }))),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await liveAt('2026-12-08T17:00:00.000Z')).toBe(1);
  });

  it('keeps the one-medicine-session-a-week rule when two bookings for one patient race on different days', async () => {
    const patient = await c.patient();
    gatesOpenFor([patient]);
    const responses = await Promise.all(
      [['2026-12-15', c.staff.nurse.id, c.rooms.dosingA], ['2026-12-17', c.staff.physician.id, c.rooms.dosingB]].map(([date, monitor, roomId]) =>
        c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'medicine_oral', patientIds: [patient], date: date as string, time: '09:00', staffIds: [c.staff.therapist.id, monitor as string], roomId: roomId as string })),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = responses.find((r) => r.statusCode === 409)?.json() as { unmet: { code: string }[] };
    expect(refused.unmet.map((u) => u.code)).toEqual(expect.arrayContaining(['medicine_interval', 'medicine_same_week']));
  });

  it('is enforced by the database itself: an overlapping hold written directly is refused', async () => {
    const patient = await c.patient();
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2026-12-09', time: '09:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const overlapping = t.database.db.insert(scheduleHold).values({
      id: newId(),
      clinicId: c.clinicId,
      appointmentId: made?.id ?? '',
      resourceKind: 'staff',
      resourceId: c.staff.therapist.id,
      during: '[2026-12-09T15:30:00Z,2026-12-09T15:45:00Z)',
    });
    const refused = await overlapping.then(() => null, (error: unknown) => error);
    expect(isExclusionViolation(refused)).toBe(true);
    // Touching ranges are not an overlap: [a, b) then [b, c).
    await t.database.db.insert(scheduleHold).values({ id: newId(), clinicId: c.clinicId, appointmentId: made?.id ?? '', resourceKind: 'staff', resourceId: c.staff.therapist.id, during: '[2026-12-09T16:10:00Z,2026-12-09T16:30:00Z)' });
  });
});
