import { describe, expect, it } from 'vitest';
import { defaultCoursePolicy } from '../course/policy.js';
import { parseStoredPolicy } from '../policy.js';
import { defaultSchedulingPolicy, schedulingPolicy, schedulingPolicyOf } from './policy.js';
import { appointmentType, wallClockRange } from './schemas.js';

describe('the scheduling policy', () => {
  it('starts a new clinic from stated defaults', () => {
    const { medicinePreparation, ...numbers } = defaultSchedulingPolicy();
    expect(medicinePreparation.join(' ')).toMatch(/drive.*24 hours/);
    expect(numbers).toEqual({
      minimumNoticeMinutes: 120,
      bookingHorizonDays: 180,
      slotGranularityMinutes: 15,
      medicineIntervalMinDays: 7,
      maxMedicineSessionsPerWeek: 1,
      weekStartsOn: 'monday',
      integrationWindowDays: { min: 1, max: 7 },
      preparationIntervalDays: 7,
      roomTurnoverMinutes: 10,
      reminderHoursBefore: [72, 24],
      lateCancelHours: 24,
    });
  });

  it("takes session spacing from the course section, so the slot finder and the gates share one rule", () => {
    const course = { ...defaultCoursePolicy(), medicineIntervalDays: 14, maxMedicineSessionsPerWeek: 2, weekStartsOn: 'sunday' as const, integrationWindow: { minDays: 0, maxDays: 3 } };
    const scheduling = schedulingPolicy.parse({});
    expect(schedulingPolicyOf({ scheduling, course })).toMatchObject({ medicineIntervalMinDays: 14, maxMedicineSessionsPerWeek: 2, weekStartsOn: 'sunday', integrationWindowDays: { min: 0, max: 3 } });
  });

  it('reads past the spacing keys that policies stored before the course section still carry', () => {
    const stored = parseStoredPolicy({ scheduling: { medicineIntervalMinDays: 21, integrationWindowDays: { min: 5, max: 2 }, lateCancelHours: 48 } });
    expect(stored.scheduling).not.toHaveProperty('medicineIntervalMinDays');
    expect(stored.scheduling.lateCancelHours).toBe(48);
    // A new version may not carry them: the course section is where they are set.
    expect(schedulingPolicy.safeParse({ medicineIntervalMinDays: 21 }).success).toBe(false);
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
