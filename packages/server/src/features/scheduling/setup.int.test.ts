import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AppointmentTypeView, SchedulingSetup } from '@lantern/core';
import { schedulingSuite, type SchedulingClinic } from '../../../test/scheduling-fixtures.js';
import { clinicSchedule, staffTimeOff } from '../../platform/db/schema/index.js';

const { t, c } = schedulingSuite();

const prepType = { kind: 'preparation', name: 'Preparation (extended)', phase: 'preparation', durationMinutes: 75, staff: [{ anyOf: ['therapist'], fromCareTeam: true }], roomCapability: 'therapy', bufferAfterMinutes: 10, telehealthAllowed: true, billingCodes: ['90837'], color: 'indigo' };

describe('scheduling set-up', () => {
  it('shows the clinic hours, rooms, types and who works when', async () => {
    const setup = (await c.as.therapist.get('/api/scheduling/setup')).json() as SchedulingSetup;
    expect(setup.timeZone).toBe('America/Chicago');
    expect(setup.clinicHours.holidays).toEqual(['2026-12-25']);
    expect(setup.rooms.map((r) => r.name)).toEqual(['Aspen', 'Birch', 'Cedar', 'Willow']);
    expect(setup.appointmentTypes.map((a) => a.kind)).toContain('medicine_im');
    expect(setup.staff.map((s) => s.id).sort()).toEqual([c.staff.therapist.id, c.staff.otherTherapist.id, c.staff.physician.id, c.staff.nurse.id].sort());
  });

  it('lets the front desk set hours and record time off, which then blocks booking', async () => {
    const hours = await c.as.frontDesk.put('/api/scheduling/clinic-hours', { weekly: { monday: [{ start: '08:00', end: '18:00' }], tuesday: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }] }, holidays: ['2026-12-25', '2026-12-25'] });
    expect(hours.statusCode, hours.body).toBe(200);
    const [row] = await t.database.db.select().from(clinicSchedule).where(eq(clinicSchedule.clinicId, c.clinicId));
    expect(row?.holidays).toEqual(['2026-12-25']);
    const off = await c.as.frontDesk.post(`/api/scheduling/staff/${c.staff.therapist.id}/time-off`, { start: '2026-12-01T14:00:00Z', end: '2026-12-02T00:00:00Z', note: 'Training' });
    expect(off.statusCode).toBe(201);
    const patient = await c.patient();
    const refused = await c.as.frontDesk.post('/api/appointments', { appointmentTypeId: c.types.get('preparation'), patientIds: [patient], start: { date: '2026-12-01', time: '09:00' }, staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy });
    expect((refused.json() as { unmet: { code: string }[] }).unmet.map((u) => u.code)).toContain('staff_unavailable');
    const lunch = await c.as.frontDesk.post('/api/appointments', { appointmentTypeId: c.types.get('follow_up'), patientIds: [patient], start: { date: '2026-12-01', time: '12:00' }, staffIds: [c.staff.otherTherapist.id], roomId: c.rooms.therapy });
    expect((lunch.json() as { unmet: { code: string }[] }).unmet.map((u) => u.code)).toContain('clinic_closed');
  });

  it.each([
    ['time off that ends before it starts', 'post', (c: SchedulingClinic) => `/api/scheduling/staff/${c.staff.nurse.id}/time-off`, { start: '2026-12-02T00:00:00Z', end: '2026-12-01T00:00:00Z' }, 'body.end'],
    ['a range that ends before it starts', 'put', () => '/api/scheduling/clinic-hours', { weekly: { monday: [{ start: '17:00', end: '09:00' }] } }, 'body.weekly.monday.0.end'],
    ['overlapping ranges in a day', 'put', (c: SchedulingClinic) => `/api/scheduling/staff/${c.staff.nurse.id}/availability`, { weekly: { monday: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '15:00' }] } }, 'weekly.monday'],
    ['two exceptions on one date', 'put', (c: SchedulingClinic) => `/api/scheduling/staff/${c.staff.nurse.id}/availability`, { weekly: {}, overrides: [{ date: '2026-12-24', ranges: [] }, { date: '2026-12-24', ranges: [{ start: '08:00', end: '12:00' }] }] }, 'overrides.1.date'],
    ['a zero-minute appointment type', 'post', () => '/api/scheduling/appointment-types', { ...prepType, durationMinutes: 0 }, 'body.durationMinutes'],
    ['a negative buffer', 'post', () => '/api/scheduling/appointment-types', { ...prepType, bufferAfterMinutes: -5 }, 'body.bufferAfterMinutes'],
  ] as const)('answers 400 for %s and changes nothing', async (_label, method, url, body, path) => {
    const [before] = await t.database.db.select().from(staffTimeOff);
    const response = method === 'put' ? await c.as.admin.put(url(c), body) : await c.as.admin.post(url(c), body);
    expect(response.statusCode, response.body).toBe(400);
    expect((response.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    const [after] = await t.database.db.select().from(staffTimeOff);
    expect(after).toEqual(before);
  });

  it('lets an admin create and edit a type, refuses a change of kind, and keeps therapists out', async () => {
    const created = await c.as.admin.post('/api/scheduling/appointment-types', prepType);
    expect(created.statusCode, created.body).toBe(201);
    const type = created.json() as AppointmentTypeView;
    expect(type).toMatchObject({ name: 'Preparation (extended)', durationMinutes: 75, capacity: 1, version: 1 });
    const edited = await c.as.admin.put(`/api/scheduling/appointment-types/${type.id}`, { ...prepType, durationMinutes: 90, reminderTemplate: 'Hi {name}, see you {date} at {time}.' });
    expect(edited.json()).toMatchObject({ durationMinutes: 90, version: 2 });
    const kind = await c.as.admin.put(`/api/scheduling/appointment-types/${type.id}`, { ...prepType, kind: 'medicine_im' });
    expect(kind.statusCode).toBe(400);
    expect((await c.as.therapist.post('/api/scheduling/appointment-types', prepType)).statusCode).toBe(403);
  });
});
