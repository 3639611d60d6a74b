import { z } from 'zod';
import { text, uuid } from './common.js';

export const patientStatus = z.enum(['inquiry', 'evaluation', 'active', 'inactive', 'discharged']);
export type PatientStatus = z.infer<typeof patientStatus>;

export const careTeamRole = z.enum(['therapist', 'physician', 'nurse']);

/** The demographic header of a chart: what front desk and billing may see. */
export const patientHeader = z.object({
  id: uuid,
  mrn: z.string(),
  legalName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.iso.date(),
  status: patientStatus,
  careTeam: z.array(z.object({ userId: uuid, displayName: z.string(), role: careTeamRole })),
});
export type PatientHeader = z.infer<typeof patientHeader>;

export const patientIdParams = z.strictObject({ id: uuid });

export const patientListQuery = z.strictObject({
  q: text(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const breakGlassRequest = z.strictObject({
  patientId: uuid,
  reason: text(1000).min(10, 'Explain the emergency in at least 10 characters'),
});

export const breakGlassGrant = z.object({
  id: uuid,
  userId: uuid,
  userName: z.string(),
  patientId: uuid,
  patientMrn: z.string(),
  reason: z.string(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export type BreakGlassGrant = z.infer<typeof breakGlassGrant>;

export const reviewBreakGlassRequest = z.strictObject({ note: text(2000).min(1, 'Write a review note') });

const isoDate = z.iso.date();

export const createPatientRequest = z.strictObject({
  legalGivenName: text(100).min(1, 'Enter the given name'),
  legalFamilyName: text(100).min(1, 'Enter the family name'),
  preferredName: text(100).optional(),
  pronouns: text(40).optional(),
  dateOfBirth: isoDate,
  email: z.email().max(254).optional(),
  phone: text(40).optional(),
  careTeam: z
    .array(z.strictObject({ userId: uuid, role: careTeamRole }))
    .max(10)
    .default([]),
});
export type CreatePatientRequest = z.infer<typeof createPatientRequest>;
