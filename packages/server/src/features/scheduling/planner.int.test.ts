import { describe, expect, it } from 'vitest';
import type { AppointmentView, CoursePlanResponse } from '@lantern/core';
import { booked, bookingOf, gatesOpenFor, schedulingSuite } from '../../../test/scheduling-fixtures.js';

const { c } = schedulingSuite();

const accepted = (plan: CoursePlanResponse): unknown => ({
  proposals: plan.proposals.map((p) => ({ appointmentTypeId: p.appointmentTypeId, start: { date: p.slot.localDate, time: p.slot.localTime }, staffIds: p.slot.staff.map((s) => s.staffId), roomId: p.slot.roomId })),
});

describe('the course planner', () => {
  it('proposes weekly preparation, oral medicine with integration inside the window, then IM, and books it all in one step', async () => {
    const patient = await c.patient();
    gatesOpenFor([patient]);
    const response = await c.as.frontDesk.post(`/api/patients/${patient}/course-plan`, { preparation: 3, medicine: ['oral', 'im'], integrationsPerMedicine: 1 });
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json() as CoursePlanResponse;
    expect(plan.unplaced).toEqual([]);
    expect(plan.proposals.map((p) => [p.step, p.route])).toEqual([
      ['preparation', null],
      ['preparation', null],
      ['preparation', null],
      ['medicine', 'oral'],
      ['integration', null],
      ['medicine', 'im'],
      ['integration', null],
    ]);
    const dates = plan.proposals.map((p) => p.slot.localDate);
    expect(dates.slice(0, 3)).toEqual(['2026-11-30', '2026-12-07', '2026-12-14']);
    const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const [oral, integration, im] = [dates[3] ?? '', dates[4] ?? '', dates[5] ?? ''];
    expect(day(integration) - day(oral)).toBeGreaterThanOrEqual(1);
    expect(day(integration) - day(oral)).toBeLessThanOrEqual(7);
    expect(day(im) - day(oral)).toBeGreaterThanOrEqual(7);
    const booking = await c.as.frontDesk.post(`/api/patients/${patient}/course-plan/accept`, accepted(plan));
    expect(booking.statusCode, booking.body).toBe(201);
    expect((booking.json() as { appointments: AppointmentView[] }).appointments.map((a) => a.kind)).toEqual(['preparation', 'preparation', 'preparation', 'medicine_oral', 'integration', 'medicine_im', 'integration']);
  });

  it('revalidates each appointment on accept: one taken since the proposal means none is booked', async () => {
    const [patient, other] = [await c.patient(), await c.patient()];
    gatesOpenFor([patient, other]);
    const plan = (await c.as.frontDesk.post(`/api/patients/${patient}/course-plan`, { preparation: 2, medicine: [], integrationsPerMedicine: 1 })).json() as CoursePlanResponse;
    const second = plan.proposals[1];
    if (!second) throw new Error('no proposal');
    await booked(c.as.frontDesk, bookingOf(c, { kind: 'preparation', patientIds: [other], date: second.slot.localDate, time: second.slot.localTime, staffIds: [c.staff.therapist.id], roomId: second.slot.roomId }));
    const response = await c.as.frontDesk.post(`/api/patients/${patient}/course-plan/accept`, accepted(plan));
    expect(response.statusCode).toBe(409);
    expect((response.json() as { detail: string }).detail).toMatch(/^Appointment 2 of the plan/);
    const mine = (await c.as.frontDesk.get(`/api/appointments?from=2026-11-30&to=2027-03-01&patientId=${patient}`)).json() as AppointmentView[];
    expect(mine).toEqual([]);
  });

  it('says why no medicine session could be planned while a gate is unmet', async () => {
    const patient = await c.patient();
    gatesOpenFor([]);
    const plan = (await c.as.frontDesk.post(`/api/patients/${patient}/course-plan`, { preparation: 1, medicine: ['oral'] })).json() as CoursePlanResponse;
    expect(plan.proposals.map((p) => p.step)).toEqual(['preparation']);
    expect(plan.unplaced.map((u) => u.code)).toEqual(['medicine_gates']);
    expect((await c.as.otherTherapist.post(`/api/patients/${patient}/course-plan`, {})).statusCode).toBe(403);
  });
});
