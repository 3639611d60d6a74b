import { describe, expect, it } from 'vitest';
import { clinicDateOf, formatClinicInstant, formatUtcInstant } from './clinic-time.js';

describe('clinic time', () => {
  it('dates a late-evening signature on the clinic day, not the UTC day', () => {
    expect(clinicDateOf(new Date('2026-11-29T05:30:00Z'), 'America/Chicago')).toBe('2026-11-28');
    expect(clinicDateOf(new Date('2026-11-29T06:00:00Z'), 'America/Chicago')).toBe('2026-11-29');
  });

  it('follows daylight saving time (CDT in summer, CST in winter)', () => {
    expect(formatClinicInstant(new Date('2026-07-01T14:00:00Z'), 'America/Chicago')).toBe('1 Jul 2026, 09:00:00 CDT (UTC-05:00)');
    expect(formatClinicInstant(new Date('2026-11-28T15:00:00Z'), 'America/Chicago')).toBe('28 Nov 2026, 09:00:00 CST (UTC-06:00)');
  });

  it('prints the same instant in UTC', () => {
    expect(formatUtcInstant(new Date('2026-11-28T15:00:00.123Z'))).toBe('2026-11-28 15:00:00 UTC');
  });
});
