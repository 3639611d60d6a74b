import type { AppointmentKind } from './schemas.js';

/**
 * What a reminder may say. It is built from these fields only, so nothing clinical (diagnoses,
 * scores, notes) can reach a message: the channel (e-mail) is not a place for them.
 */
export interface ReminderInput {
  /** The name the patient goes by. */
  readonly name: string;
  readonly clinicName: string;
  readonly clinicPhone: string | null;
  readonly typeName: string;
  readonly kind: AppointmentKind;
  /** Clinic-local, as the patient reads it, e.g. "Tuesday, March 9, 2027" and "10:00 AM". */
  readonly date: string;
  readonly time: string;
  /** "in person at …" or "by video (link below)". */
  readonly where: string;
  /** The clinic's template for this type, or null for the standard wording. */
  readonly template: string | null;
  /** The policy's preparation instructions; included for medicine sessions only. */
  readonly preparation: readonly string[];
}

const STANDARD = 'Hello {name},\n\nThis is a reminder of your {type} with {clinic} on {date} at {time}, {where}.';

/** The subject and body of one appointment reminder (issue #5). */
export function reminderMessage(input: ReminderInput): { subject: string; body: string } {
  const values: Record<string, string> = {
    name: input.name,
    type: input.typeName,
    clinic: input.clinicName,
    date: input.date,
    time: input.time,
    where: input.where,
  };
  const filled = (input.template ?? STANDARD).replace(/\{(name|type|clinic|date|time|where)\}/g, (_all, key: string) => values[key] ?? '');
  const parts = [filled.trim()];
  if ((input.kind === 'medicine_oral' || input.kind === 'medicine_im') && input.preparation.length > 0) {
    parts.push(['How to prepare:', ...input.preparation.map((line) => `- ${line}`)].join('\n'));
  }
  const contact = input.clinicPhone ? `call us at ${input.clinicPhone}` : 'contact the clinic';
  parts.push(`If you need to change or cancel, please ${contact}.`);
  return { subject: `Reminder: your appointment on ${input.date}`, body: parts.join('\n\n') };
}
