import { describe, expect, it } from 'vitest';
import { defaultSchedulingPolicy, schedulingPolicy } from './policy.js';
import { appointmentType, wallClockRange } from './schemas.js';

describe('the scheduling policy', () => {
  it('starts a new clinic from stated defaults', () => {
    expect(defaultSchedulingPolicy()).toEqual({
      minimumNoticeMinutes: 120,
      bookingHorizonDays: 180,
      slotGranularityMinutes: 15,
      medicineIntervalMinDays: 7,
      maxMedicineSessionsPerWeek: 1,
      weekStartsOn: 'monday',
      integrationWindowDays: { min: 1, max: 7 },
      preparationIntervalDays: 7,
      roomTurnoverMinutes: 10,
    });
  });

  it('names the field when the integration window ends before it starts', () => {
    const result = schedulingPolicy.safeParse({ integrationWindowDays: { min: 5, max: 2 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['integrationWindowDays', 'max']);
  });

  it('accepts only a slot grid that divides the day', () => {
    expect(schedulingPolicy.safeParse({ slotGranularityMinutes: 45 }).success).toBe(false);
    expect(schedulingPolicy.safeParse({ slotGranularityMinutes: 20 }).success).toBe(true);
    expect(schedulingPolicy.safeParse({ surprise: 1 }).success).toBe(false);
  });
});

describe('clinic-edited shapes', () => {
  it('refuses a range that ends before it starts, naming the end', () => {
    const result = wallClockRange.safeParse({ start: '17:00', end: '09:00' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['end'], message: 'End must be after start' });
    expect(wallClockRange.safeParse({ start: '20:00', end: '24:00' }).success).toBe(true);
    expect(wallClockRange.safeParse({ start: '9:00', end: '10:00' }).success).toBe(false);
  });

  it('refuses a zero-length appointment type', () => {
    const result = appointmentType.safeParse({
      id: 'x', kind: 'preparation', name: 'Prep', durationMinutes: 0, staff: [], roomCapability: null,
    });
    expect(result.error?.issues[0]?.path).toEqual(['durationMinutes']);
  });
});
