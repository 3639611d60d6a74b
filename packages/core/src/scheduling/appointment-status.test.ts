import { describe, expect, it } from 'vitest';
import { assertStatusMove, canMoveStatus, holdsTime, lateCancelFee } from './appointment-status.js';

const start = Date.parse('2027-03-10T15:00:00Z');
const hours = (h: number): number => start - h * 3_600_000;

describe('appointment status moves', () => {
  it('checks a patient in, and lets the front desk undo a check-in', () => {
    expect(canMoveStatus('booked', 'arrived')).toBe(true);
    expect(canMoveStatus('arrived', 'booked')).toBe(true);
    expect(canMoveStatus('arrived', 'in_progress')).toBe(true);
  });

  it('never reopens a cancelled, missed or fulfilled appointment', () => {
    for (const final of ['cancelled', 'no_show', 'fulfilled'] as const) {
      expect(canMoveStatus(final, 'booked')).toBe(false);
      expect(() => assertStatusMove(final, 'arrived')).toThrow(/cannot become arrived/);
    }
  });

  it('frees the time of cancelled and missed appointments only', () => {
    expect(holdsTime('cancelled')).toBe(false);
    expect(holdsTime('no_show')).toBe(false);
    expect(holdsTime('booked')).toBe(true);
    expect(holdsTime('fulfilled')).toBe(true);
  });
});

describe('the late-cancel fee flag', () => {
  it('flags a patient cancelling inside the window, not one minute outside it', () => {
    expect(lateCancelFee({ start, now: hours(23), reason: 'patient_request', lateCancelHours: 24 })).toBe(true);
    expect(lateCancelFee({ start, now: hours(24), reason: 'patient_request', lateCancelHours: 24 })).toBe(false);
    expect(lateCancelFee({ start, now: hours(24) + 60_000, reason: 'patient_illness', lateCancelHours: 24 })).toBe(true);
  });

  it('never flags the clinic cancelling, and flags a no-show', () => {
    expect(lateCancelFee({ start, now: hours(1), reason: 'clinician_unavailable', lateCancelHours: 24 })).toBe(false);
    expect(lateCancelFee({ start, now: start + 60_000, reason: null, lateCancelHours: 24 })).toBe(true);
  });

  it('flags nothing when the clinic sets no window', () => {
    expect(lateCancelFee({ start, now: hours(1), reason: 'patient_request', lateCancelHours: 0 })).toBe(false);
  });
});
