import type { SecurityPolicy } from './policy.js';

/** The timestamps that decide whether a server-side session is still good. */
export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
}

export type SessionState = 'active' | 'idle_expired' | 'lifetime_expired';

/** Whether a session is alive at `now` under the clinic's idle timeout and absolute lifetime. */
export function sessionState(times: SessionTimes, policy: SecurityPolicy, now: Date): SessionState {
  const lifetimeMs = policy.sessionLifetimeHours * 3_600_000;
  if (now.getTime() - times.createdAt.getTime() >= lifetimeMs) return 'lifetime_expired';
  const idleMs = policy.idleTimeoutMinutes * 60_000;
  if (now.getTime() - times.lastSeenAt.getTime() >= idleMs) return 'idle_expired';
  return 'active';
}

/** When the session will end if nothing more happens: the earlier of idle and absolute expiry. */
export function sessionExpiresAt(times: SessionTimes, policy: SecurityPolicy): Date {
  const idleEnd = times.lastSeenAt.getTime() + policy.idleTimeoutMinutes * 60_000;
  const lifetimeEnd = times.createdAt.getTime() + policy.sessionLifetimeHours * 3_600_000;
  return new Date(Math.min(idleEnd, lifetimeEnd));
}

/** Account lock after repeated failures: returns the instant the lock ends, `'manual'`, or null. */
export function lockAfterFailure(
  failedAttempts: number,
  policy: SecurityPolicy,
  now: Date,
): Date | 'manual' | null {
  if (failedAttempts < policy.lockoutThreshold) return null;
  if (policy.lockoutMinutes === 0) return 'manual';
  return new Date(now.getTime() + policy.lockoutMinutes * 60_000);
}

/**
 * Password strength for staff accounts: length from policy, not all one character class repeated,
 * and not the e-mail's local part. Returns the reasons it is weak (empty when acceptable).
 */
export function passwordProblems(password: string, policy: SecurityPolicy, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.minPasswordLength) {
    problems.push(`Use at least ${policy.minPasswordLength} characters`);
  }
  if (password.length > 256) problems.push('Use at most 256 characters');
  if (/^(.)\1*$/.test(password)) problems.push('Do not repeat a single character');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && password.toLowerCase().includes(local)) {
    problems.push('Do not include your e-mail name');
  }
  return problems;
}
