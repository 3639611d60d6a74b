import type { MfaEnrolmentStart } from '@lantern/core';
import { api } from '../../api/client';

/** Starts TOTP enrolment: a new pending secret and its QR code. */
export function startEnrolment(): Promise<MfaEnrolmentStart> {
  return api<MfaEnrolmentStart>('/api/auth/mfa/enrol', { method: 'POST' });
}

/** Confirms with a code from the app; the answer holds the recovery codes, shown only this once. */
export async function confirmEnrolment(code: string): Promise<string[]> {
  const result = await api<{ recoveryCodes: string[] }>('/api/auth/mfa/confirm', { method: 'POST', body: { code } });
  return result.recoveryCodes;
}
