import { describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { booked, bookingOf, gatesOpenFor, schedulingSuite } from '../../../test/scheduling-fixtures.js';
import { outboxMessage, patient, reminderDelivery } from '../../platform/db/schema/index.js';
import { runDueJobs } from '../../platform/jobs/worker.js';
import { outboxMailer, type Mailer, type MailMessage } from '../../platform/jobs/mail.js';
import { REMINDER_JOB, reminderHandler } from './reminders.js';

const { t, c } = schedulingSuite();

async function patientWithEmail(email: string): Promise<string> {
  const id = await c.patient('Marsh');
  await t.database.db.update(patient).set({ email, preferredName: 'Robin' }).where(eq(patient.id, id));
  return id;
}

async function outboxFor(email: string): Promise<(typeof outboxMessage.$inferSelect)[]> {
  return t.database.db.select().from(outboxMessage).where(eq(outboxMessage.toAddress, email)).orderBy(desc(outboxMessage.createdAt));
}

const run = (at: Date, mailer: Mailer = outboxMailer): Promise<number> => runDueJobs(t.database.db, { [REMINDER_JOB]: reminderHandler(t.database.db, mailer) }, at);

describe('appointment reminders', () => {

  it('sends the medicine-session reminder with the preparation instructions to the outbox, once, and nothing clinical', async () => {
    const email = 'robin.marsh@example.test';
    const id = await patientWithEmail(email);
    const diagnosed = await c.as.physician.post(`/api/patients/${id}/diagnoses`, { code: 'F33.1' });
    expect(diagnosed.statusCode, diagnosed.body).toBe(201);
    gatesOpenFor([id]);
    await booked(c.as.frontDesk, bookingOf(c, { kind: 'medicine_oral', patientIds: [id], date: '2026-12-04', time: '09:00', staffIds: [c.staff.therapist.id, c.staff.nurse.id], roomId: c.rooms.dosingA }));
    // Friday 09:00 CST = 15:00Z; the 72 h reminder falls due on Tuesday 15:00Z.
    expect(await run(new Date('2026-12-01T14:59:00Z'))).toBe(0);
    expect(await run(new Date('2026-12-01T15:00:00Z'))).toBe(1);
    const [message, ...more] = await outboxFor(email);
    expect(more).toEqual([]);
    expect(message?.subject).toBe('Reminder: your appointment on Friday, December 4, 2026');
    expect(message?.body).toContain('Hello Robin,');
    expect(message?.body).toContain('Medicine session (oral)');
    expect(message?.body).toContain('9:00 AM');
    expect(message?.body).toMatch(/How to prepare:\n- Do not eat for 4 hours/);
    expect(message?.body).toMatch(/do not drive/i);
    expect(message?.body).not.toMatch(/F33|depress|diagnos/i);
    // A second worker pass (or a retry) finds the reminder claimed and sends nothing more.
    expect(await run(new Date('2026-12-01T15:05:00Z'))).toBe(0);
    expect(await outboxFor(email)).toHaveLength(1);
    await run(new Date('2026-12-03T15:00:00Z'));
    expect(await outboxFor(email)).toHaveLength(2);
  });

  it('stands a reminder down when its appointment moved or was cancelled, and sends the moved one for its new time', async () => {
    const email = 'moved@example.test';
    const id = await patientWithEmail(email);
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'preparation', patientIds: [id], date: '2026-12-05', time: '10:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const moved = await c.as.frontDesk.post(`/api/appointments/${made?.id}/reschedule`, { start: { date: '2026-12-05', time: '11:00' }, staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    // The 72 h reminder for 10:00 falls due first and stands down; the one for 11:00 follows an hour later.
    await run(new Date('2026-12-02T16:00:00Z'));
    expect(await outboxFor(email)).toHaveLength(0);
    await run(new Date('2026-12-02T17:00:00Z'));
    const sent = await outboxFor(email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toContain('11:00 AM');
    expect(sent[0]?.body).not.toContain('How to prepare');
  });

  it('attaches an iCalendar file over SMTP and gives the claim back when the server refuses, so the retry sends it', async () => {
    const email = 'smtp@example.test';
    const id = await patientWithEmail(email);
    const [made] = await booked(c.as.frontDesk, bookingOf(c, { kind: 'follow_up', patientIds: [id], date: '2026-12-07', time: '09:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    const sent: MailMessage[] = [];
    let refuse = true;
    const smtp: Mailer = {
      channel: 'smtp',
      send: (_tx, message) => {
        if (refuse) return Promise.reject(new Error('451 try later'));
        sent.push(message);
        return Promise.resolve();
      },
    };
    await run(new Date('2026-12-06T15:00:00Z'), smtp);
    expect(await t.database.db.select().from(reminderDelivery).where(eq(reminderDelivery.appointmentId, made?.id ?? ''))).toEqual([]);
    refuse = false;
    await run(new Date('2026-12-06T15:01:00Z'), smtp);
    const mine = sent.filter((m) => m.to === email);
    expect(mine).toHaveLength(1);
    const calendar = new ICAL.Component(ICAL.parse(mine[0]?.calendar?.content ?? ''));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe(`${made?.id}@lantern`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-07T15:00:00.000Z');
    const [delivery] = await t.database.db.select().from(reminderDelivery).where(eq(reminderDelivery.appointmentId, made?.id ?? ''));
    expect(delivery).toMatchObject({ channel: 'smtp', hoursBefore: 24 });
    expect(delivery?.sentAt).not.toBeNull();
  });

  // Last in the file: it moves the clock and leaves the server listening until the file closes it.
  it('are sent by the worker the server starts when it listens, without anyone calling it', async () => {
    const email = 'worker@example.test';
    const id = await patientWithEmail(email);
    await booked(c.as.frontDesk, bookingOf(c, { kind: 'preparation', patientIds: [id], date: '2026-12-10', time: '15:00', staffIds: [c.staff.therapist.id], roomId: c.rooms.therapy }));
    // The 24 h reminder for Thursday 15:00 CST falls due Wednesday 21:00Z.
    t.clock.set(new Date('2026-12-09T21:00:00Z'));
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    await expect.poll(async () => (await outboxFor(email)).length, { timeout: 12_000, interval: 500 }).toBe(1);
  }, 20_000);
});
