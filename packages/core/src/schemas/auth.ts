import { z } from 'zod';
import { email, text, uuid } from './common.js';
import { staffRole } from '../roles.js';

export const totpCode = z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app');
export const recoveryCode = z.string().trim().regex(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/, 'Recovery codes look like ABCDE-12345');

export const loginRequest = z.strictObject({
  email,
  password: z.string().min(1).max(256),
  totp: totpCode.optional(),
  recoveryCode: recoveryCode.optional(),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** Where a signed-in session stands with multi-factor authentication. */
export const mfaStatus = z.enum(['satisfied', 'enrolment_required', 'exempt']);
export type MfaStatus = z.infer<typeof mfaStatus>;

export const clinicSummary = z.object({
  id: uuid,
  name: z.string(),
  timeZone: z.string(),
  mode: z.enum(['demo', 'production']),
});

export const meResponse = z.object({
  user: z.object({
    id: uuid,
    email: z.string(),
    displayName: z.string(),
    kind: z.enum(['staff', 'patient']),
    roles: z.array(staffRole),
    mfaEnabled: z.boolean(),
  }),
  clinic: clinicSummary,
  session: z.object({
    mfa: mfaStatus,
    expiresAt: z.iso.datetime(),
    idleTimeoutMinutes: z.number().int(),
    csrfToken: z.string(),
  }),
  demo: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const mfaEnrolmentStart = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export type MfaEnrolmentStart = z.infer<typeof mfaEnrolmentStart>;

export const mfaEnrolmentConfirm = z.strictObject({ code: totpCode });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const acceptInviteRequest = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().min(1).max(256),
});

export const displayName = text(120).min(1, 'Enter a name');
