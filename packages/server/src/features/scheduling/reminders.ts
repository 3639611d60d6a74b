import { and, eq, sql } from 'drizzle-orm';
import { reminderMessage, type SchedulingPolicy } from '@lantern/core';
import type { Db, Tx } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/context.js';
import { transact } from '../../platform/audit/trail.js';
import { appointment, appointmentParticipant, appointmentType, clinic, patient, reminderDelivery } from '../../platform/db/schema/index.js';
import { loadPolicy } from '../../platform/policy.js';
import { newId } from '../../platform/ids.js';
import { enqueue } from '../../platform/jobs/queue.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import type { MailMessage, Mailer } from '../../platform/jobs/mail.js';
import { calendarFile } from './ics.js';

export const REMINDER_JOB = 'appointment.reminder';

/**
 * Queues the policy's reminders (72 h and 24 h before, by default) for an appointment at `start`.
 * The key names the start, so a moved appointment gets reminders for its new time and the old ones
 * find it moved and stand down; booking twice queues nothing twice.
 */
export async function scheduleReminders(tx: Tx, input: { clinicId: string; appointmentId: string; start: Date; policy: SchedulingPolicy; now: Date }): Promise<void> {
  for (const hoursBefore of input.policy.reminderHoursBefore) {
    const runAt = new Date(input.start.getTime() - hoursBefore * 3_600_000);
    if (runAt <= input.now) continue;
    await enqueue(
      tx,
      {
        kind: REMINDER_JOB,
        clinicId: input.clinicId,
        payload: { appointmentId: input.appointmentId, hoursBefore, startsAt: input.start.toISOString() },
        idempotencyKey: `reminder:${input.appointmentId}:${hoursBefore}:${input.start.toISOString()}`,
        runAt,
      },
      input.now,
    );
  }
}

function systemContext(now: Date): RequestContext {
  return { requestId: newId(), now, sourceIp: null, userAgent: null, auth: null };
}

function patientDate(at: Date, timeZone: string): { date: string; time: string } {
  return {
    date: new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(at),
    time: new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(at),
  };
}

/**
 * Sends one reminder job's messages. Each patient's reminder is claimed by a row whose primary key
 * is (appointment, patient, rule, start) before it goes out, so no retry or second worker sends it
 * again. Outbox messages commit with their claim; SMTP mail goes after the claim commits (a crash
 * between the two loses one reminder rather than sending two), and a refused send gives the claim
 * back so the retry can try again.
 */
export function reminderHandler(db: Db, mailer: Mailer): JobHandler {
  return async function sendReminder(row, now) {
    const payload = row.payload as { appointmentId: string; hoursBefore: number; startsAt: string };
    const later: { claim: { appointmentId: string; patientId: string; hoursBefore: number; startsAt: Date }; message: MailMessage }[] = [];
    await transact(db, systemContext(now), async (tx, audit) => {
      const [found] = await tx
        .select({ appointment, type: appointmentType, clinic })
        .from(appointment)
        .innerJoin(appointmentType, eq(appointmentType.id, appointment.appointmentTypeId))
        .innerJoin(clinic, eq(clinic.id, appointment.clinicId))
        .where(eq(appointment.id, payload.appointmentId))
        .limit(1);
      // Cancelled, missed or moved since the job was queued: nothing to send (the move queued its own).
      if (!found || found.appointment.status !== 'booked' || found.appointment.startsAt.toISOString() !== payload.startsAt) return;
      const { appointment: a, type, clinic: c } = found;
      const policy = (await loadPolicy(tx, a.clinicId)).policy.scheduling;
      // Late (the worker was down): a closer reminder has fallen due too, so this one would only repeat it.
      const closerDue = policy.reminderHoursBefore.some((h) => h < payload.hoursBefore && a.startsAt.getTime() - h * 3_600_000 <= now.getTime());
      if (closerDue || a.startsAt <= now) return;
      const patients = await tx
        .select({ id: patient.id, given: patient.legalGivenName, preferred: patient.preferredName, email: patient.email })
        .from(appointmentParticipant)
        .innerJoin(patient, eq(patient.id, appointmentParticipant.patientId))
        .where(and(eq(appointmentParticipant.appointmentId, a.id), eq(appointmentParticipant.status, 'booked')));
      const when = patientDate(a.startsAt, c.timeZone);
      const where = a.roomId ? `in person at ${c.addressLine1}, ${c.city}` : a.telehealthUrl ? `by secure video (${a.telehealthUrl})` : 'by secure video (the link follows from your clinician)';
      for (const p of patients) {
        const claim = { appointmentId: a.id, patientId: p.id, hoursBefore: payload.hoursBefore, startsAt: a.startsAt };
        const channel = p.email ? mailer.channel : 'skipped';
        const claimed = await tx.insert(reminderDelivery).values({ ...claim, clinicId: a.clinicId, channel, claimedAt: now }).onConflictDoNothing().returning({ patientId: reminderDelivery.patientId });
        if (claimed.length === 0 || !p.email) continue;
        const { subject, body } = reminderMessage({
          name: p.preferred ?? p.given,
          clinicName: c.name,
          clinicPhone: c.phone,
          typeName: type.name,
          kind: type.kind as Parameters<typeof reminderMessage>[0]['kind'],
          date: when.date,
          time: when.time,
          where,
          template: type.reminderTemplate,
          preparation: policy.medicinePreparation,
        });
        const calendar = calendarFile(
          [{ id: a.id, start: a.startsAt, end: a.endsAt, title: `${type.name} at ${c.name}`, location: a.roomId ? `${c.addressLine1}, ${c.city}` : null, cancelled: false, sequence: a.version, updatedAt: a.updatedAt }],
          { calendarName: c.name, description: `Your appointment with ${c.name}.` },
        );
        const message: MailMessage = { clinicId: a.clinicId, to: p.email, subject, body, calendar: { filename: 'appointment.ics', content: calendar } };
        if (mailer.channel === 'outbox') {
          await mailer.send(tx, message, now);
          await tx.update(reminderDelivery).set({ sentAt: now }).where(claimWhere(claim));
        } else {
          later.push({ claim, message });
        }
        // What was sent stays out of the audit detail; that it was sent, and by which rule, goes in.
        audit.record({
          action: 'execute',
          patientId: p.id,
          resourceType: 'AppointmentReminder',
          resourceId: a.id,
          detail: { hoursBefore: payload.hoursBefore, channel },
          actor: { userId: null, clinicId: a.clinicId, roles: 'system' },
        });
      }
    });
    for (const { claim, message } of later) {
      try {
        await mailer.send(db, message, now);
        await db.update(reminderDelivery).set({ sentAt: now }).where(claimWhere(claim));
      } catch (error) {
        await db.delete(reminderDelivery).where(claimWhere(claim));
        throw error;
      }
    }
  };
}

function claimWhere(claim: { appointmentId: string; patientId: string; hoursBefore: number; startsAt: Date }) {
  return and(
    eq(reminderDelivery.appointmentId, claim.appointmentId),
    eq(reminderDelivery.patientId, claim.patientId),
    eq(reminderDelivery.hoursBefore, claim.hoursBefore),
    sql`${reminderDelivery.startsAt} = ${claim.startsAt.toISOString()}`,
  );
}
