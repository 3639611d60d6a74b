import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RoomView, SchedulingSetup } from '@lantern/core';
import { schedulingSuite } from '../../../test/scheduling-fixtures.js';
import { auditEvent, room } from '../../platform/db/schema/index.js';

const { t, c } = schedulingSuite();

const roomCount = async (): Promise<number> => (await t.database.db.select({ id: room.id }).from(room).where(eq(room.clinicId, c.clinicId))).length;

describe('rooms in the scheduling set-up', () => {
  it('lets the front desk add a room, which the set-up lists and the audit trail records', async () => {
    const created = await c.as.frontDesk.post('/api/scheduling/rooms', { name: 'Juniper', capabilities: ['dosing', 'recliner', 'monitor', 'oxygen', 'dosing'] });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json() as RoomView;
    expect(view).toMatchObject({ name: 'Juniper', capabilities: ['dosing', 'recliner', 'monitor', 'oxygen'], capacity: 1, active: true });
    const [row] = await t.database.db.select().from(room).where(eq(room.id, view.id));
    expect(row?.kind).toBe('dosing');
    const setup = (await c.as.therapist.get('/api/scheduling/setup')).json() as SchedulingSetup;
    expect(setup.rooms.map((r) => r.name)).toContain('Juniper');
    const audit = await t.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, view.id));
    expect(audit.map((a) => a.action)).toContain('create');
  });

  it('edits a room, and a room out of service is no longer offered', async () => {
    const created = (await c.as.admin.post('/api/scheduling/rooms', { name: 'Larch', capabilities: ['group', 'therapy'], capacity: 6 })).json() as RoomView;
    const patient = await c.patient();
    const check = async (): Promise<{ ok: boolean; violations: { code: string }[] }> =>
      (await c.as.frontDesk.post('/api/scheduling/check', { appointmentTypeId: c.types.get('follow_up'), patientIds: [patient], start: { date: '2026-12-08', time: '10:00' }, staffIds: [c.staff.therapist.id], roomId: created.id })).json() as { ok: boolean; violations: { code: string }[] };
    expect(await check()).toMatchObject({ ok: true });

    const edited = await c.as.admin.put(`/api/scheduling/rooms/${created.id}`, { name: 'Larch (large)', capabilities: ['group', 'therapy'], capacity: 10, active: false });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ id: created.id, name: 'Larch (large)', capabilities: ['group', 'therapy'], capacity: 10, active: false });
    expect((await check()).ok).toBe(false);
  });

  it.each([
    ['no name', { name: ' ', capabilities: ['therapy'] }, 'body.name'],
    ['no capability', { name: 'Empty', capabilities: [] }, 'body.capabilities'],
    ['equipment only, nothing bookable', { name: 'Closet', capabilities: ['oxygen'] }, 'body.capabilities'],
    ['an unknown capability', { name: 'Spa', capabilities: ['sauna'] }, 'body.capabilities.0'],
    ['a capacity of zero', { name: 'Tiny', capabilities: ['therapy'], capacity: 0 }, 'body.capacity'],
  ] as const)('answers 400 for %s and stores nothing', async (_label, body, path) => {
    const before = await roomCount();
    const response = await c.as.admin.post('/api/scheduling/rooms', body);
    expect(response.statusCode, response.body).toBe(400);
    expect((response.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    expect(await roomCount()).toBe(before);
  });

  it('refuses a second room of the same name with 409, adding or renaming', async () => {
    const before = await roomCount();
    const clash = await c.as.admin.post('/api/scheduling/rooms', { name: 'aspen', capabilities: ['therapy'] });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'room_name_taken' });
    expect(await roomCount()).toBe(before);
    const rename = await c.as.admin.put(`/api/scheduling/rooms/${c.rooms.therapy}`, { name: 'Birch', capabilities: ['therapy'] });
    expect(rename.statusCode).toBe(409);
    const [cedar] = await t.database.db.select().from(room).where(eq(room.id, c.rooms.therapy));
    expect(cedar?.name).toBe('Cedar');
  });

  it('answers 404 for a room of no clinic, and keeps other roles out', async () => {
    expect((await c.as.admin.put('/api/scheduling/rooms/01900000-0000-7000-8000-000000000000', { name: 'Nowhere', capabilities: ['therapy'] })).statusCode).toBe(404);
    const before = await roomCount();
    expect((await c.as.therapist.post('/api/scheduling/rooms', { name: 'Mine', capabilities: ['therapy'] })).statusCode).toBe(403);
    expect((await c.as.nurse.put(`/api/scheduling/rooms/${c.rooms.therapy}`, { name: 'Mine', capabilities: ['therapy'] })).statusCode).toBe(403);
    expect(await roomCount()).toBe(before);
  });
});
