import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { AppointmentView, SlotSearchResponse } from '@lantern/core';
import { auditMark, auditSince } from '../../../test/factories.js';
import { atTime, booked, bookingOf, gatesOpenFor, MONDAY_8AM, schedulingSuite, TUESDAY } from '../../../test/scheduling-fixtures.js';
import { appointment, job, scheduleHold } from '../../platform/db/schema/index.js';

const { t, c } = schedulingSuite();

async function appointmentsOf(clinicId: string): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(appointment).where(eq(appointment.clinicId, clinicId));
  return Number(row?.n ?? 0);
}

describe('booking an appointment', () => {
  it('books a preparation session, holds the therapist, room and patient, and queues the 72 h and 24 h reminders', async () => {
    const patient = await c.patient();
    const mark = await auditMark(t.database.db);
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'preparation', patientIds: [patient], time: '09:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    expect(made).toMatchObject({ status: 'booked', localDate: TUESDAY, localTime: '09:00', roomName: 'Cedar', kind: 'preparation', version: 1 });
    expect(made?.participants.map((p) => [p.kind, p.role, p.status])).toEqual([
      ['staff', 'therapist', 'booked'],
      ['patient', 'patient', 'booked'],
    ]);
    const holds = await t.database.db.select().from(scheduleHold).where(eq(scheduleHold.appointmentId, made?.id ?? ''));
    expect(holds.map((h) => h.resourceKind).sort()).toEqual(['patient', 'room', 'staff']);
    // The Tuesday 09:00 start is 27 hours away: the 24 h reminder is queued, the 72 h one has passed.
    const jobs = await t.database.db.select().from(job).where(eq(job.kind, 'appointment.reminder'));
    expect(jobs.filter((j) => (j.payload as { appointmentId: string }).appointmentId === made?.id).map((j) => j.runAt.toISOString())).toEqual(['2026-11-30T15:00:00.000Z']);
    const audit = await auditSince(t.database.db, mark);
    expect(audit.filter((a) => a.action === 'create' && a.resourceType === 'Appointment').map((a) => a.patientId)).toEqual([patient]);
  });

  it('books a medicine session from the slot finder\'s suggestions: a care-team therapist, a monitor and a dosing room', async () => {
    const patient = await c.patient();
    gatesOpenFor([patient]);
    const search = await c.as.frontDesk.post('/api/scheduling/slot-search', { appointmentTypeId: c.types.get('medicine_oral'), patientIds: [patient], from: TUESDAY, to: TUESDAY, limit: 3 });
    expect(search.statusCode, search.body).toBe(200);
    const { slots, unmet } = search.json() as SlotSearchResponse;
    expect(unmet).toEqual([]);
    const first = slots[0];
    if (!first) throw new Error('no slot');
    expect(first.staff[0]).toEqual({ staffId: c.staff.therapist.id, role: 'therapist' });
    expect([c.staff.nurse.id, c.staff.physician.id]).toContain(first.staff[1]?.staffId);
    expect([c.rooms.dosingA, c.rooms.dosingB]).toContain(first.roomId);
    const [made] = await booked(c.as.frontDesk, {
      appointmentTypeId: c.types.get('medicine_oral'),
      patientIds: [patient],
      start: { date: first.localDate, time: first.localTime },
      staffIds: first.staff.map((s) => s.staffId),
      roomId: first.roomId,
    });
    expect(made).toMatchObject({ kind: 'medicine_oral', start: first.start, end: first.end });
    // The same slot is no longer offered.
    const again = (await c.as.frontDesk.post('/api/scheduling/slot-search', { appointmentTypeId: c.types.get('medicine_oral'), patientIds: [patient], from: TUESDAY, to: TUESDAY })).json() as SlotSearchResponse;
    expect(again.slots).toEqual([]);
  });

  it('refuses a medicine session for a patient not yet eligible, with every unmet gate, and stores nothing', async () => {
    const patient = await c.patient();
    gatesOpenFor([]);
    const before = await appointmentsOf(c.clinicId);
    const response = await c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'medicine_oral', patientIds: [patient], time: '09:00', staffIds: [c.staff.therapist.id, c.staff.nurse.id], roomId: c.rooms.dosingA }));
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'policy_blocked', unmet: [{ code: 'eligibility' }] });
    expect(await appointmentsOf(c.clinicId)).toBe(before);
    const search = (await c.as.frontDesk.post('/api/scheduling/slot-search', { appointmentTypeId: c.types.get('medicine_oral'), patientIds: [patient], from: TUESDAY, to: TUESDAY })).json() as SlotSearchResponse;
    expect(search.slots).toEqual([]);
    expect(search.unmet.map((u) => u.code)).toEqual(['eligibility']);
  });

  it('names the booking in the way when a person or room is already taken', async () => {
    const [first, second] = [await c.patient(), await c.patient()];
    const [held] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'follow_up', patientIds: [first], time: '14:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const before = await appointmentsOf(c.clinicId);
    const response = await c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'follow_up', patientIds: [second], time: '14:30', staffIds: [c.staff.otherTherapist.id], roomId: c.rooms.therapy }));
    expect(response.statusCode).toBe(409);
    const body = response.json() as { unmet: { code: string; message: string; appointmentId?: string }[] };
    expect(body.unmet.map((u) => u.code)).toEqual(expect.arrayContaining(['staff_not_care_team', 'room_busy', 'double_booking']));
    expect(body.unmet.find((u) => u.code === 'double_booking')?.appointmentId).toBe(held?.id);
    // People and rooms are named in words, not ids.
    expect(body.unmet.find((u) => u.code === 'staff_not_care_team')?.message).toMatch(/^otherTherapist \w+ is not on the patient's care team$/);
    expect(body.unmet.find((u) => u.code === 'room_busy')?.message).toBe('Cedar is booked then');
    expect(body.unmet.find((u) => u.code === 'double_booking')?.message).toBe(`Cedar is already booked then (appointment ${held?.id})`);
    expect(await appointmentsOf(c.clinicId)).toBe(before);
  });

  it.each([
    ['in the past', { time: '07:00', date: '2026-11-30' }, 'notice'],
    ['outside clinic hours', { time: '17:30' }, 'clinic_closed'],
    ['on a clinic holiday', { time: '10:00', date: '2026-12-25' }, 'clinic_holiday'],
    ['off the 15-minute grid', { time: '10:07' }, 'granularity'],
  ])('refuses a booking %s with the reason, storing nothing', async (_label, when, code) => {
    const patient = await c.patient();
    const before = await appointmentsOf(c.clinicId);
    const response = await c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'preparation', patientIds: [patient], staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy, ...when }));
    expect(response.statusCode, response.body).toBe(409);
    expect((response.json() as { unmet: { code: string }[] }).unmet.map((u) => u.code)).toContain(code);
    expect(await appointmentsOf(c.clinicId)).toBe(before);
  });

  it('refuses a room lacking the capability the type needs', async () => {
    const patient = await c.patient();
    gatesOpenFor([patient]);
    const response = await c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'medicine_im', patientIds: [patient], time: '09:00', staffIds: [c.staff.therapist.id, c.staff.physician.id], roomId: c.rooms.therapy }));
    expect(response.statusCode).toBe(409);
    expect((response.json() as { unmet: { code: string; message: string }[] }).unmet).toContainEqual({ code: 'room_capability', message: expect.stringContaining('not a dosing room') });
  });

  it('refuses 02:30 on the spring-forward day: that time does not exist in Chicago', async () => {
    const patient = await c.patient();
    const response = await c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2027-03-14', time: '02:30', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation', errors: [{ path: 'start', message: expect.stringContaining('does not exist in America/Chicago') }] });
  });

  it.each([
    ['an unknown field', { surprise: true }, 'body.surprise'],
    ['a time that is not a time', { start: { date: TUESDAY, time: '9am' } }, 'body.start.time'],
    ['no patient', { patientIds: [] }, 'body.patientIds'],
    ['a plain-http video link', { telehealthUrl: 'http://video.example/room' }, 'body.telehealthUrl'],
  ])('answers 400 for %s and stores nothing', async (_label, change, path) => {
    const patient = await c.patient();
    const before = await appointmentsOf(c.clinicId);
    const response = await c.as.frontDesk.post('/api/appointments', { ...bookingOf(c, { kind: 'preparation', patientIds: [patient], time: '11:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }), ...change });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    expect(await appointmentsOf(c.clinicId)).toBe(before);
  });

  it('refuses a couples session with one partner', async () => {
    const patient = await c.patient();
    const response = await c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'couples_joint', patientIds: [patient], time: '11:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'patientIds', message: 'A couples session books both partners' }] });
  });

  it('lets a therapist book their own patient and refuses one off their care team (audited)', async () => {
    const patient = await c.patient();
    await booked(c.as.therapist, bookingOf(c, { kind: 'preparation', patientIds: [patient], time: '15:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const mark = await auditMark(t.database.db);
    const response = await c.as.otherTherapist.post('/api/appointments', bookingOf(c, { kind: 'preparation', patientIds: [patient], time: '16:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    expect(response.statusCode).toBe(403);
    expect((await auditSince(t.database.db, mark)).map((a) => [a.outcome, a.patientId])).toEqual([['failure', patient]]);
  });

  it('shows a therapist colleagues\' appointments as busy time without the patient\'s name', async () => {
    const patient = await c.patient('Quillfeather');
    await booked(c.as.frontDesk, bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2026-12-02', time: '09:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const mine = (await c.as.therapist.get('/api/appointments?from=2026-12-02&to=2026-12-02')).json() as AppointmentView[];
    const theirs = (await c.as.otherTherapist.get('/api/appointments?from=2026-12-02&to=2026-12-02')).json() as AppointmentView[];
    expect(mine[0]?.participants.find((p) => p.kind === 'patient')?.name).toBe('Test Quillfeather');
    expect(theirs[0]?.participants.find((p) => p.kind === 'patient')?.name).toBeNull();
    expect((await c.as.billing.get('/api/appointments?from=2026-12-02&to=2026-12-02')).statusCode).toBe(403);
  });
});

describe('moving, cancelling and checking in', () => {
  it('moves an appointment with the live check first, refuses a stale version, then cancels it late with the fee flag', async () => {
    const patient = await c.patient();
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'follow_up', patientIds: [patient], date: '2026-12-03', time: '09:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    if (!made) throw new Error('not booked');
    const check = await c.as.frontDesk.post('/api/scheduling/check', {
      appointmentTypeId: c.types.get('follow_up'), patientIds: [patient], start: { date: '2026-12-03', time: '09:15' }, staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy, reschedulingAppointmentId: made.id,
    });
    expect(check.json()).toEqual({ ok: true, violations: [] });
    const late = await c.as.frontDesk.post('/api/scheduling/check', {
      appointmentTypeId: c.types.get('follow_up'), patientIds: [patient], start: { date: '2026-12-03', time: '17:45' }, staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy, reschedulingAppointmentId: made.id,
    });
    expect((late.json() as { ok: boolean; violations: { code: string }[] }).violations.map((v) => v.code)).toContain('clinic_closed');
    const moved = await c.as.frontDesk.post(`/api/appointments/${made.id}/reschedule`, { start: { date: '2026-12-03', time: '09:15' }, staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as { appointments: AppointmentView[] }).appointments[0]).toMatchObject({ localTime: '09:15', version: 2 });
    const stale = await c.as.frontDesk.post(`/api/appointments/${made.id}/reschedule`, { start: { date: '2026-12-03', time: '10:00' }, staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version' });
    const cancelled = await c.as.frontDesk.post(`/api/appointments/${made.id}/cancel`, { reason: 'patient_request', note: 'Called at 2pm' });
    expect(cancelled.statusCode).toBe(200);
    // Three days ahead: outside the 24-hour window, so no fee.
    expect((cancelled.json() as { appointments: AppointmentView[] }).appointments[0]).toMatchObject({ status: 'cancelled', cancelReason: 'patient_request', lateCancelFee: false });
    expect(await t.database.db.select().from(scheduleHold).where(eq(scheduleHold.appointmentId, made.id))).toEqual([]);
    const twice = await c.as.frontDesk.post(`/api/appointments/${made.id}/cancel`, { reason: 'patient_request' });
    expect(twice.statusCode).toBe(409);
  });

  it('flags the late-cancel fee when the patient cancels inside the policy window, not when the clinic does', async () => {
    const [one, two] = [await c.patient(), await c.patient()];
    const [soon] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'follow_up', patientIds: [one], date: '2026-11-30', time: '13:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const [alsoSoon] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'follow_up', patientIds: [two], date: '2026-11-30', time: '15:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const byPatient = await c.as.frontDesk.post(`/api/appointments/${soon?.id}/cancel`, { reason: 'patient_illness' });
    const byClinic = await c.as.frontDesk.post(`/api/appointments/${alsoSoon?.id}/cancel`, { reason: 'clinician_unavailable' });
    expect((byPatient.json() as { appointments: AppointmentView[] }).appointments[0]?.lateCancelFee).toBe(true);
    expect((byClinic.json() as { appointments: AppointmentView[] }).appointments[0]?.lateCancelFee).toBe(false);
  });

  it('checks a patient in, undoes it, and records a no-show only once the appointment has started', async () => {
    const patient = await c.patient();
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'evaluation', patientIds: [patient], date: '2026-12-04', time: '10:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    if (!made) throw new Error('not booked');
    const early = await c.as.frontDesk.post(`/api/appointments/${made.id}/status`, { status: 'no_show' });
    expect(early.statusCode).toBe(409);
    expect((await c.as.frontDesk.post(`/api/appointments/${made.id}/status`, { status: 'arrived' })).json()).toMatchObject({ status: 'arrived' });
    expect((await c.as.frontDesk.post(`/api/appointments/${made.id}/status`, { status: 'booked' })).json()).toMatchObject({ status: 'booked' });
    await atTime(t, c, new Date('2026-12-04T16:20:00Z'));
    const noShow = await c.as.frontDesk.post(`/api/appointments/${made.id}/status`, { status: 'no_show' });
    expect(noShow.json()).toMatchObject({ status: 'no_show', lateCancelFee: true, participants: expect.arrayContaining([expect.objectContaining({ kind: 'patient', attendance: 'no_show' })]) });
    expect((await c.as.frontDesk.post(`/api/appointments/${made.id}/status`, { status: 'arrived' })).statusCode).toBe(409);
    await atTime(t, c, MONDAY_8AM);
  });
});
