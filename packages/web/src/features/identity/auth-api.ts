import { api, setCsrfToken } from '../../api/client';

export interface Credentials {
  readonly email: string;
  readonly password: string;
  readonly totp?: string;
  readonly recoveryCode?: string;
}

/** Signs in; the session cookie is set by the server, the CSRF token kept for writes. */
export async function signIn(credentials: Credentials): Promise<void> {
  const result = await api<{ ok: true; csrfToken: string }>('/api/auth/login', {
    method: 'POST',
    body: credentials,
    handleAuthErrors: true,
  });
  setCsrfToken(result.csrfToken);
}

export async function signOut(): Promise<void> {
  await api<{ ok: true }>('/api/auth/logout', { method: 'POST', handleAuthErrors: true });
  setCsrfToken(null);
}

/** Ends every session of this account (other devices too); returns how many ended. */
export async function signOutEverywhere(): Promise<number> {
  const result = await api<{ ok: true; sessionsEnded: number }>('/api/auth/logout-everywhere', { method: 'POST', handleAuthErrors: true });
  setCsrfToken(null);
  return result.sessionsEnded;
}

/** Changes the password; the server ends every session, so the caller goes to sign-in afterwards. */
export async function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  await api<{ ok: true }>('/api/auth/password', { method: 'POST', body: input });
  setCsrfToken(null);
}

export async function acceptInvite(input: { token: string; password: string }): Promise<void> {
  await api<{ ok: true }>('/api/auth/invite/accept', { method: 'POST', body: input, handleAuthErrors: true });
}
