import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy.js';
import { lockAfterFailure, passwordProblems, sessionExpiresAt, sessionState } from './session-rules.js';

const security = defaultPolicy().security;
const t0 = new Date('2026-03-08T07:59:00Z');
const minutes = (n: number): Date => new Date(t0.getTime() + n * 60_000);

describe('session state', () => {
  it('is active just before the idle timeout and ends exactly at it', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, security, new Date(minutes(15).getTime() - 1))).toBe('active');
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, security, minutes(15))).toBe('idle_expired');
  });

  it('ends at the absolute lifetime however active the session is', () => {
    const lastSeen = minutes(12 * 60 - 1);
    expect(sessionState({ createdAt: t0, lastSeenAt: lastSeen }, security, minutes(12 * 60 - 1))).toBe('active');
    expect(sessionState({ createdAt: t0, lastSeenAt: lastSeen }, security, minutes(12 * 60))).toBe('lifetime_expired');
  });

  it('follows the policy values, not constants', () => {
    const strict = { ...security, idleTimeoutMinutes: 5 };
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, strict, minutes(5))).toBe('idle_expired');
  });

  it('reports the earlier of idle and absolute expiry', () => {
    expect(sessionExpiresAt({ createdAt: t0, lastSeenAt: t0 }, security)).toEqual(minutes(15));
    expect(sessionExpiresAt({ createdAt: t0, lastSeenAt: minutes(12 * 60 - 5) }, security)).toEqual(minutes(12 * 60));
  });
});

describe('account lockout', () => {
  it('does not lock below the threshold and locks for the policy minutes at it', () => {
    expect(lockAfterFailure(4, security, t0)).toBeNull();
    expect(lockAfterFailure(5, security, t0)).toEqual(minutes(30));
  });

  it('locks until an administrator unlocks when the policy says 0 minutes', () => {
    expect(lockAfterFailure(5, { ...security, lockoutMinutes: 0 }, t0)).toBe('manual');
  });
});

describe('password strength', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('river stone lantern', security, 'jo@clinic.test')).toEqual([]);
  });

  it('needs the policy length, counted exactly', () => {
    expect(passwordProblems('a1b2c3d4e5f', security)).toEqual(['Use at least 12 characters']);
    expect(passwordProblems('a1b2c3d4e5f6', security)).toEqual([]);
  });

  it('refuses one repeated character and the e-mail name', () => {
    expect(passwordProblems('aaaaaaaaaaaaaa', security)).toContain('Do not repeat a single character');
    expect(passwordProblems('jonah-feld-2026!', security, 'jonah-feld@clinic.test')).toContain('Do not include your e-mail name');
  });
});
