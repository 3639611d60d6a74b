import { describe, expect, it } from 'vitest';
import { idleWarningLead, sessionDeadline } from './session-deadline';

const at = Date.parse('2026-03-02T15:00:00Z');

describe('sessionDeadline', () => {
  it('counts idle time from the last request, 30 seconds early', () => {
    const expiresAt = new Date(at + 15 * 60_000).toISOString();
    expect(sessionDeadline({ lastActivityAt: at + 60_000, idleTimeoutMinutes: 15, expiresAt, fetchedAt: at })).toBe(at + 60_000 + 15 * 60_000 - 30_000);
  });

  it('stops at the absolute lifetime when /api/me reported it', () => {
    const expiresAt = new Date(at + 5 * 60_000).toISOString();
    expect(sessionDeadline({ lastActivityAt: at + 60_000, idleTimeoutMinutes: 15, expiresAt, fetchedAt: at })).toBe(at + 5 * 60_000);
  });
});

describe('idleWarningLead', () => {
  it('warns two minutes ahead, or half-way through a timeout shorter than four minutes', () => {
    expect(idleWarningLead(15)).toBe(120_000);
    expect(idleWarningLead(2)).toBe(60_000);
  });
});
