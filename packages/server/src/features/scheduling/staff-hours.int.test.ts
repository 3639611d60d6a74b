import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SchedulingSetup } from '@lantern/core';
import { auditMark, auditSince } from '../../../test/factories.js';
import { bookingOf, schedulingSuite } from '../../../test/scheduling-fixtures.js';
import { staffAvailability, staffTimeOff } from '../../platform/db/schema/index.js';

const { t, c } = schedulingSuite();

const timeOffUrl = (staffId: string): string => `/api/scheduling/staff/${staffId}/time-off`;
const withdrawUrl = (staffId: string, timeOffId: string): string => `${timeOffUrl(staffId)}/${timeOffId}/withdraw`;
const allTimeOff = async (): Promise<(typeof staffTimeOff.$inferSelect)[]> => t.database.db.select().from(staffTimeOff).orderBy(staffTimeOff.id);
const availabilityOf = async (userId: string): Promise<typeof staffAvailability.$inferSelect | undefined> =>
  (await t.database.db.select().from(staffAvailability).where(eq(staffAvailability.userId, userId)))[0];

async function recordTimeOff(staffId: string, start: string, end: string, note = 'Away'): Promise<string> {
  const response = await c.as.frontDesk.post(timeOffUrl(staffId), { start, end, note });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

interface Ids {
  readonly nurses: string;
  readonly withdrawn: string;
  readonly ended: string;
}

let nurseIds: Ids | null = null;
/** The nurse's time off: one standing, one already withdrawn, one in the past (made once). */
async function nurseTimeOff(): Promise<Ids> {
  if (nurseIds) return nurseIds;
  const nurses = await recordTimeOff(c.staff.nurse.id, '2026-12-07T14:00:00Z', '2026-12-08T00:00:00Z');
  const withdrawn = await recordTimeOff(c.staff.nurse.id, '2026-12-09T14:00:00Z', '2026-12-10T00:00:00Z');
  expect((await c.as.frontDesk.post(withdrawUrl(c.staff.nurse.id, withdrawn))).statusCode).toBe(200);
  const ended = await recordTimeOff(c.staff.nurse.id, '2026-11-20T14:00:00Z', '2026-11-21T00:00:00Z');
  nurseIds = { nurses, withdrawn, ended };
  return nurseIds;
}

describe('withdrawing time off', () => {
  it('frees the hours again: refused while the time off stands, bookable once it is withdrawn, and audited', async () => {
    const patient = await c.patient();
    const id = await recordTimeOff(c.staff.therapist.id, '2026-12-03T14:00:00Z', '2026-12-04T00:00:00Z', 'Training');
    const booking = bookingOf(c, { kind: 'preparation', patientIds: [patient], date: '2026-12-03', time: '09:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy });
    const refused = await c.as.frontDesk.post('/api/appointments', booking);
    expect((refused.json() as { unmet: { code: string }[] }).unmet.map((u) => u.code)).toContain('staff_unavailable');

    const mark = await auditMark(t.database.db);
    const withdrawn = await c.as.frontDesk.post(withdrawUrl(c.staff.therapist.id, id));
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const [row] = await t.database.db.select().from(staffTimeOff).where(eq(staffTimeOff.id, id));
    expect(row?.withdrawnAt).toEqual(t.clock());
    const events = await auditSince(t.database.db, mark);
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId, e.outcome, e.userId])).toContainEqual(['delete', 'StaffTimeOff', id, 'success', c.staff.frontDesk.id]);

    const setup = (await c.as.frontDesk.get('/api/scheduling/setup')).json() as SchedulingSetup;
    expect(setup.staff.find((s) => s.id === c.staff.therapist.id)?.timeOff.map((o) => o.id)).not.toContain(id);
    const bookedAfter = await c.as.frontDesk.post('/api/appointments', booking);
    expect(bookedAfter.statusCode, bookedAfter.body).toBe(201);
  });

  it.each([
    ['a time-off id that is not an id', 400, () => withdrawUrl(c.staff.nurse.id, 'not-an-id')],
    ['time off that does not exist', 404, () => withdrawUrl(c.staff.nurse.id, '01900000-0000-7000-8000-0000000000ff')],
    ['time off asked for under another staff member', 404, (ids: Ids) => withdrawUrl(c.staff.physician.id, ids.nurses)],
    ['time off already withdrawn', 409, (ids: Ids) => withdrawUrl(c.staff.nurse.id, ids.withdrawn)],
    ['time off that has ended', 409, (ids: Ids) => withdrawUrl(c.staff.nurse.id, ids.ended)],
  ] as const)('answers %s with %i and changes nothing', async (_label, status, url) => {
    const ids = await nurseTimeOff();
    const before = await allTimeOff();
    const response = await c.as.admin.post(url(ids));
    expect(response.statusCode, response.body).toBe(status);
    expect(await allTimeOff()).toEqual(before);
  });
});

describe('a clinician and their own hours', () => {
  it('lets a therapist set their own weekly hours, and record and withdraw their own time off', async () => {
    const hours = await c.as.therapist.put(`/api/scheduling/staff/${c.staff.therapist.id}/availability`, { weekly: { tuesday: [{ start: '10:00', end: '16:00' }] }, overrides: [{ date: '2026-12-24', ranges: [] }] });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(await availabilityOf(c.staff.therapist.id)).toMatchObject({ weekly: { tuesday: [{ start: '10:00', end: '16:00' }] }, updatedBy: c.staff.therapist.id });

    const added = await c.as.therapist.post(timeOffUrl(c.staff.therapist.id), { start: '2026-12-15T14:00:00Z', end: '2026-12-16T00:00:00Z', note: 'Dentist' });
    expect(added.statusCode, added.body).toBe(201);
    const { id } = added.json() as { id: string };
    expect((await c.as.therapist.post(withdrawUrl(c.staff.therapist.id, id))).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(staffTimeOff).where(eq(staffTimeOff.id, id));
    expect(row).toMatchObject({ createdBy: c.staff.therapist.id, withdrawnAt: t.clock() });
  });

  it("lets a physician and a nurse keep their own hours too, and still checks the ranges", async () => {
    for (const role of ['physician', 'nurse'] as const) {
      const own = await c.as[role].put(`/api/scheduling/staff/${c.staff[role].id}/availability`, { weekly: { monday: [{ start: '08:00', end: '18:00' }] } });
      expect(own.statusCode, `${role}: ${own.body}`).toBe(200);
    }
    const overlapping = await c.as.nurse.put(`/api/scheduling/staff/${c.staff.nurse.id}/availability`, { weekly: { monday: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '15:00' }] } });
    expect(overlapping.statusCode).toBe(400);
  });

  it("refuses a clinician anyone else's hours and time off with 403, changes nothing, and keeps the refusal on record", async () => {
    const othersTimeOff = await recordTimeOff(c.staff.otherTherapist.id, '2026-12-17T14:00:00Z', '2026-12-18T00:00:00Z');
    const hoursBefore = await availabilityOf(c.staff.otherTherapist.id);
    const timeOffBefore = await allTimeOff();
    const mark = await auditMark(t.database.db);
    const attempts = [
      await c.as.therapist.put(`/api/scheduling/staff/${c.staff.otherTherapist.id}/availability`, { weekly: {} }),
      await c.as.therapist.post(timeOffUrl(c.staff.otherTherapist.id), { start: '2026-12-21T14:00:00Z', end: '2026-12-22T00:00:00Z' }),
      await c.as.therapist.post(withdrawUrl(c.staff.otherTherapist.id, othersTimeOff)),
      await c.as.physician.put(`/api/scheduling/staff/${c.staff.nurse.id}/availability`, { weekly: {} }),
      await c.as.nurse.post(withdrawUrl(c.staff.otherTherapist.id, othersTimeOff)),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(attempts[0]?.json()).toMatchObject({ detail: 'You can change only your own hours and time off' });
    expect(await availabilityOf(c.staff.otherTherapist.id)).toEqual(hoursBefore);
    expect(await allTimeOff()).toEqual(timeOffBefore);
    const events = await auditSince(t.database.db, mark);
    expect(events.filter((e) => e.outcome === 'failure')).toHaveLength(5);
    expect(events.every((e) => e.outcome === 'failure')).toBe(true);
  });

  it('keeps billing out of staff hours altogether, their own included', async () => {
    const own = await c.as.billing.put(`/api/scheduling/staff/${c.staff.billing.id}/availability`, { weekly: {} });
    expect(own.statusCode).toBe(403);
    expect((await c.as.billing.post(timeOffUrl(c.staff.therapist.id), { start: '2026-12-21T14:00:00Z', end: '2026-12-22T00:00:00Z' })).statusCode).toBe(403);
  });
});
