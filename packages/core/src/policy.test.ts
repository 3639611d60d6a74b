import { describe, expect, it } from 'vitest';
import { clinicPolicy, defaultPolicy } from './policy.js';

describe('clinic policy', () => {
  it('fills every section with safe defaults', () => {
    expect(defaultPolicy().security).toEqual({
      idleTimeoutMinutes: 15,
      sessionLifetimeHours: 12,
      lockoutThreshold: 5,
      lockoutMinutes: 30,
      breakGlassMinutes: 60,
      minPasswordLength: 12,
    });
  });

  it('refuses out-of-range and unknown settings', () => {
    expect(clinicPolicy.safeParse({ security: { idleTimeoutMinutes: 0 } }).success).toBe(false);
    expect(clinicPolicy.safeParse({ security: { lockoutThreshold: 2 } }).success).toBe(false);
    expect(clinicPolicy.safeParse({ security: { surprise: 1 } }).success).toBe(false);
    expect(clinicPolicy.safeParse({ other: {} }).success).toBe(false);
  });

  it('keeps the given values and defaults the rest', () => {
    expect(clinicPolicy.parse({ security: { idleTimeoutMinutes: 10 } }).security).toMatchObject({ idleTimeoutMinutes: 10, lockoutThreshold: 5 });
  });
});
