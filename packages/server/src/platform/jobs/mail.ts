import type { Executor } from '../db/index.js';
import { outboxMessage } from '../db/schema/index.js';
import { newId } from '../ids.js';

/** One outgoing e-mail, with an optional calendar file. */
export interface MailMessage {
  readonly clinicId: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly calendar?: { readonly filename: string; readonly content: string };
}

/** Sends mail; the SMTP one when SMTP_URL is set, otherwise the outbox (architecture.md, "Mail"). */
export interface Mailer {
  readonly channel: 'smtp' | 'outbox';
  /** Inside `tx` for the outbox (it commits with the caller's work); SMTP ignores `tx`. */
  send(tx: Executor, message: MailMessage, now: Date): Promise<void>;
}

/** Keeps the message in the outbox table, where administrators read it (never silently dropped). */
export const outboxMailer: Mailer = {
  channel: 'outbox',
  async send(tx, message, now) {
    await tx.insert(outboxMessage).values({
      id: newId(),
      clinicId: message.clinicId,
      toAddress: message.to,
      subject: message.subject,
      body: message.body,
      status: 'pending',
      createdAt: now,
    });
  },
};

/** Sends through the SMTP server at `url` (nodemailer), with the calendar file attached. */
export async function smtpMailer(url: string, from: string): Promise<Mailer> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(url);
  return {
    channel: 'smtp',
    async send(_tx, message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        ...(message.calendar ? { icalEvent: { filename: message.calendar.filename, method: 'PUBLISH', content: message.calendar.content } } : {}),
      });
    },
  };
}

/** The mailer the configuration asks for. */
export async function mailerFor(config: { readonly smtpUrl?: string | null; readonly publicUrl: string }): Promise<Mailer> {
  if (!config.smtpUrl) return outboxMailer;
  return smtpMailer(config.smtpUrl, `Lantern <no-reply@${new URL(config.publicUrl).hostname}>`);
}
