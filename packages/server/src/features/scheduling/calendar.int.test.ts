import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { AppointmentView, CalendarFeedView } from '@lantern/core';
import { booked, bookingOf, schedulingSuite } from '../../../test/scheduling-fixtures.js';

const { t, c } = schedulingSuite();

function events(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('calendar files and feeds (RFC 5545)', () => {
  it('serves one appointment as an .ics file a standard parser reads back', async () => {
    const patient = await c.patient('Brightwater');
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'preparation', patientIds: [patient], time: '10:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const response = await c.as.therapist.get(`/api/appointments/${made?.id}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const [event] = events(response.body);
    expect(event?.uid).toBe(`${made?.id}@lantern`);
    expect(event?.summary).toBe('Preparation session');
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(event?.endDate.toJSDate().toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(response.body).not.toContain('Brightwater');
  });

  it('gives each staff member a private feed address that serves text/calendar until it is revoked', async () => {
    const patient = await c.patient('Feedley');
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'follow_up', patientIds: [patient], date: '2026-12-02', time: '13:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    expect((await c.as.therapist.get('/api/calendar-feed')).json()).toEqual({ active: false, createdAt: null, url: null });
    const created = (await c.as.therapist.post('/api/calendar-feed')).json() as CalendarFeedView;
    expect(created.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar-feeds\/[A-Za-z0-9_-]{40,}\/calendar\.ics$/);
    const path = new URL(created.url ?? '').pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const parsed = events(feed.body);
    expect(parsed.map((e) => e.uid)).toContain(`${made?.id}@lantern`);
    expect(feed.body).not.toContain('Feedley');
    expect(new ICAL.Component(ICAL.parse(feed.body)).getFirstPropertyValue('prodid')).toBe('-//Lantern//Scheduling//EN');
    // Someone else's feed does not show this therapist's appointments.
    const other = (await c.as.otherTherapist.post('/api/calendar-feed')).json() as CalendarFeedView;
    const otherFeed = await t.app.inject({ method: 'GET', url: new URL(other.url ?? '').pathname });
    expect(events(otherFeed.body).map((e) => e.uid)).not.toContain(`${made?.id}@lantern`);
    // Renewing revokes the old address; revoking closes the new one.
    const renewed = (await c.as.therapist.post('/api/calendar-feed')).json() as CalendarFeedView;
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await c.as.therapist.post('/api/calendar-feed/revoke')).json()).toMatchObject({ active: false });
    expect((await t.app.inject({ method: 'GET', url: new URL(renewed.url ?? '').pathname })).statusCode).toBe(404);
  });

  it('marks a cancelled appointment CANCELLED in the feed so calendar apps drop it', async () => {
    const patient = await c.patient();
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'evaluation', patientIds: [patient], date: '2026-12-03', time: '13:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    await c.as.frontDesk.post(`/api/appointments/${made?.id}/cancel`, { reason: 'weather' });
    const created = (await c.as.therapist.post('/api/calendar-feed')).json() as CalendarFeedView;
    const feed = await t.app.inject({ method: 'GET', url: new URL(created.url ?? '').pathname });
    const event = events(feed.body).find((e) => e.uid === `${made?.id}@lantern`);
    expect(event?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event?.sequence).toBe(2);
  });

  it("lists a clinician's own day as their agenda", async () => {
    const patient = await c.patient();
    await booked(c.as.frontDesk, bookingOf(c, { kind: 'evaluation', patientIds: [patient], date: '2026-11-30', time: '15:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const agenda = (await c.as.therapist.get('/api/appointments/agenda')).json() as AppointmentView[];
    expect(agenda.map((a) => [a.localDate, a.localTime, a.kind])).toEqual([['2026-11-30', '15:00', 'evaluation']]);
    expect((await c.as.otherTherapist.get('/api/appointments/agenda')).json()).toEqual([]);
  });
});
