import { z } from 'zod';
import { uuid } from './common.js';

/**
 * Clinic alerts: things staff must see at once on their home screen, such as an inquiry whose
 * pre-screen showed a safety signal (clinical.md §4.2: a high-priority alert, never a queue).
 * An alert names what happened and where to look; it carries no patient name.
 */
export const ALERT_KINDS = ['urgent_inquiry'] as const;
export const alertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKind>;

export const clinicAlert = z.object({
  id: uuid,
  kind: alertKind,
  severity: z.enum(['urgent', 'high']),
  title: z.string(),
  /** Reason codes and messages, e.g. `phq9_item9_positive`. */
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  inquiryId: uuid.nullable(),
  inquiryReference: z.string().nullable(),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type ClinicAlert = z.infer<typeof clinicAlert>;

export const alertListQuery = z.strictObject({
  state: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const alertIdParams = z.strictObject({ id: uuid });
