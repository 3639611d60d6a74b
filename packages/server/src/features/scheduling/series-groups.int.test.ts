import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { AppointmentView } from '@lantern/core';
import { atTime, booked, bookingOf, schedulingSuite } from '../../../test/scheduling-fixtures.js';
import { appointment } from '../../platform/db/schema/index.js';

const { t, c } = schedulingSuite();

const list = async (from: string, to: string): Promise<AppointmentView[]> =>
  (await c.as.frontDesk.get(`/api/appointments?from=${from}&to=${to}&includeCancelled=true`)).json() as AppointmentView[];

describe('recurring series', () => {
  it('books weekly preparation at the same clinic time across the November change, and keeps an edited occurrence through an edit of all that follow', async () => {
    await atTime(t, c, new Date('2026-10-19T13:00:00Z'));
    const patient = await c.patient('Series');
    const made = await booked(c.as.frontDesk, { ...bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2026-10-20', time: '09:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }), recurrence: { intervalDays: 7, occurrences: 4 } });
    expect(made.map((a) => [a.localDate, a.localTime, a.seriesIndex])).toEqual([
      ['2026-10-20', '09:00', 1],
      ['2026-10-27', '09:00', 2],
      ['2026-11-03', '09:00', 3],
      ['2026-11-10', '09:00', 4],
    ]);
    // 09:00 CDT is 14:00Z; after 1 November 09:00 CST is 15:00Z.
    expect(made.map((a) => a.start.slice(11, 16))).toEqual(['14:00', '14:00', '15:00', '15:00']);
    const [, second, third, fourth] = made;
    // Edit one: the second moves to 11:00 and becomes an exception.
    const one = await c.as.frontDesk.post(`/api/appointments/${second?.id}/reschedule`, { start: { date: '2026-10-27', time: '11:00' }, staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy, version: 1, scope: 'one' });
    expect(one.statusCode, one.body).toBe(200);
    // Cancel one: the fourth.
    expect((await c.as.frontDesk.post(`/api/appointments/${fourth?.id}/cancel`, { reason: 'patient_request' })).statusCode).toBe(200);
    // Edit all from the first on: move to 10:00. The exception keeps 11:00, the cancelled one stays cancelled.
    const all = await c.as.frontDesk.post(`/api/appointments/${made[0]?.id}/reschedule`, { start: { date: '2026-10-20', time: '10:00' }, staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy, version: 1, scope: 'following' });
    expect(all.statusCode, all.body).toBe(200);
    const after = (await list('2026-10-19', '2026-11-15')).filter((a) => a.seriesId === made[0]?.seriesId);
    expect(after.map((a) => [a.seriesIndex, a.localDate, a.localTime, a.status, a.seriesException])).toEqual([
      [1, '2026-10-20', '10:00', 'booked', false],
      [2, '2026-10-27', '11:00', 'booked', true],
      [3, '2026-11-03', '10:00', 'booked', false],
      [4, '2026-11-10', '09:00', 'cancelled', true],
    ]);
    expect(third?.id).toBe(after[2]?.id);
    await atTime(t, c, new Date('2026-11-30T14:00:00Z'));
  });

  it('books no occurrence at all when one of them cannot be booked, and names it', async () => {
    const [patient, blocker] = [await c.patient(), await c.patient()];
    await booked(c.as.frontDesk, bookingOf(c, { kind: 'follow_up', patientIds: [blocker], date: '2026-12-15', time: '13:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const [before] = await t.database.db.select({ n: count() }).from(appointment).where(eq(appointment.clinicId, c.clinicId));
    const response = await c.as.frontDesk.post('/api/appointments', { ...bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2026-12-01', time: '13:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }), recurrence: { intervalDays: 7, occurrences: 4 } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ detail: 'Occurrence 3 of 4 (2026-12-15) cannot be booked; nothing was booked' });
    const [afterCount] = await t.database.db.select({ n: count() }).from(appointment).where(eq(appointment.clinicId, c.clinicId));
    expect(Number(afterCount?.n)).toBe(Number(before?.n));
  });

  it('refuses a series whose occurrence lands in the spring-forward gap', async () => {
    await atTime(t, c, new Date('2027-02-22T14:00:00Z'));
    const patient = await c.patient();
    const response = await c.as.frontDesk.post('/api/appointments', { ...bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2027-02-28', time: '02:30', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }), recurrence: { intervalDays: 7, occurrences: 3 } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'recurrence.occurrences', message: expect.stringContaining('2027-03-14 does not exist') }] });
    await atTime(t, c, new Date('2026-11-30T14:00:00Z'));
  });
});

describe('group and couples sessions', () => {
  it('seats a group up to its capacity, waitlists the rest, moves the waitlist up, and records attendance per member', async () => {
    const members = await Promise.all(Array.from({ length: 10 }, () => c.patient()));
    const [group] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'group', patientIds: members.slice(0, 9), date: '2026-11-30', time: '12:00', staffIds: [c.staff.otherTherapist.id], roomId: c.rooms.group }));
    if (!group) throw new Error('not booked');
    const statuses = (view: AppointmentView): string[] => view.participants.filter((p) => p.kind === 'patient').map((p) => p.status);
    expect(statuses(group)).toEqual([...Array(8).fill('booked'), 'waitlisted']);
    const added = (await c.as.frontDesk.post(`/api/appointments/${group.id}/members`, { patientId: members[9] })).json() as AppointmentView;
    expect(statuses(added).filter((s) => s === 'waitlisted')).toHaveLength(2);
    const again = await c.as.frontDesk.post(`/api/appointments/${group.id}/members`, { patientId: members[9] });
    expect(again.statusCode).toBe(409);
    const withdrawn = (await c.as.frontDesk.post(`/api/appointments/${group.id}/members/withdraw`, { patientId: members[0] })).json() as AppointmentView;
    const byId = new Map(withdrawn.participants.map((p) => [p.refId, p.status]));
    expect(byId.get(members[0] ?? '')).toBe('withdrawn');
    expect(byId.get(members[8] ?? '')).toBe('booked');
    expect(byId.get(members[9] ?? '')).toBe('waitlisted');
    expect((await c.as.frontDesk.post(`/api/appointments/${group.id}/attendance`, { patientId: members[1], attendance: 'attended' })).statusCode).toBe(409);
    await atTime(t, c, new Date('2026-11-30T18:30:00Z'));
    const marked = (await c.as.frontDesk.post(`/api/appointments/${group.id}/attendance`, { patientId: members[1], attendance: 'attended' })).json() as AppointmentView;
    expect(marked.participants.find((p) => p.refId === members[1])?.attendance).toBe('attended');
    await atTime(t, c, new Date('2026-11-30T14:00:00Z'));
  });

  it('books a couples session with both partners and holds both', async () => {
    const [one, two] = [await c.patient(), await c.patient()];
    const [joint] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'couples_joint', patientIds: [one, two], date: '2026-12-10', time: '10:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    expect(joint?.participants.filter((p) => p.kind === 'patient').map((p) => p.refId)).toEqual([one, two]);
    const clash = await c.as.frontDesk.post('/api/appointments', bookingOf(c, { kind: 'follow_up', patientIds: [two], date: '2026-12-10', time: '10:30', staffIds: [c.staff.physician.id], roomId: c.rooms.group }));
    expect(clash.statusCode).toBe(409);
    expect((clash.json() as { unmet: { code: string }[] }).unmet.map((u) => u.code)).toContain('patient_busy');
  });
});
