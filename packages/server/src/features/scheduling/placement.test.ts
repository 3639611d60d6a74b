import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSchedulingPolicy, violations, type SlotQuery } from '@lantern/core';
import { holdsFor, type Placement } from './placement.js';
import type { AppointmentTypeRow } from './setup-repo.js';

const DAY = Date.parse('2027-01-04T00:00:00Z');
const ALL_DAY = Object.fromEntries(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]));

function typeRow(input: { id: string; duration: number; before: number; after: number }): AppointmentTypeRow {
  return {
    id: input.id, clinicId: 'c', kind: 'follow_up', name: 'Follow-up', phase: 'other', durationMinutes: input.duration,
    staff: [{ anyOf: ['therapist'], fromCareTeam: false }], roomCapability: 'therapy', bufferBeforeMinutes: input.before, bufferAfterMinutes: input.after,
    telehealthAllowed: false, capacity: 1, billingCodes: [], color: 'blue', reminderTemplate: null, active: true, version: 1, updatedAt: new Date(0),
  };
}

/** Half-open ranges overlap as tstzrange `&&` does. */
const overlap = (a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean => a.start < b.end && b.start < a.end;

const booking = fc.record({
  startMinute: fc.integer({ min: 0, max: 280 }).map((n) => 300 + n * 5),
  duration: fc.integer({ min: 3, max: 48 }).map((n) => n * 5),
  before: fc.integer({ min: 0, max: 12 }).map((n) => n * 5),
  after: fc.integer({ min: 0, max: 12 }).map((n) => n * 5),
});

describe('the database holds and the slot finder agree', () => {
  it('refuses a second booking for a staff member or room exactly when their holds would overlap (property)', () => {
    const policy = { ...defaultSchedulingPolicy(), minimumNoticeMinutes: 0, slotGranularityMinutes: 5 as const };
    fc.assert(
      fc.property(booking, booking, (first, second) => {
        const typeA = typeRow({ id: 'a', duration: first.duration, before: first.before, after: first.after });
        const typeB = typeRow({ id: 'b', duration: second.duration, before: second.before, after: second.after });
        const placeA: Placement = { start: DAY + first.startMinute * 60_000, staffIds: ['t1'], roomId: 'r1', patientIds: ['p1'] };
        const placeB: Placement = { start: DAY + second.startMinute * 60_000, staffIds: ['t1'], roomId: 'r1', patientIds: ['p2'] };
        const holdsA = holdsFor(typeA, policy, placeA);
        const holdsB = holdsFor(typeB, policy, placeB);
        const clash = (kind: 'staff' | 'room'): boolean => overlap(holdsA.find((h) => h.kind === kind) as { start: Date; end: Date }, holdsB.find((h) => h.kind === kind) as { start: Date; end: Date });
        const query: SlotQuery = {
          clinic: { timeZone: 'UTC', hours: { weekly: ALL_DAY } },
          policy,
          appointmentType: { id: 'b', kind: 'follow_up', name: 'Follow-up', durationMinutes: second.duration, staff: [{ anyOf: ['therapist'] }], roomCapability: 'therapy', bufferBeforeMinutes: second.before, bufferAfterMinutes: second.after },
          staff: [{ id: 't1', roles: ['therapist'], availability: { weekly: ALL_DAY } }],
          rooms: [{ id: 'r1', capabilities: ['therapy'] }],
          bookings: [{ id: 'A', start: placeA.start, end: placeA.start + first.duration * 60_000, staffIds: ['t1'], roomId: 'r1', patientIds: ['p1'], bufferBeforeMinutes: first.before, bufferAfterMinutes: first.after }],
          patientIds: ['p2'],
          careTeam: ['t1'],
          courses: [],
          now: 0,
          range: { from: '2027-01-04', to: '2027-01-04' },
        };
        const codes = violations({ start: placeB.start, end: placeB.start + second.duration * 60_000, staff: [{ staffId: 't1' }], roomId: 'r1' }, query).map((v) => v.code);
        expect(codes.includes('staff_busy')).toBe(clash('staff'));
        expect(codes.includes('room_busy')).toBe(clash('room'));
      }),
      { numRuns: 500 },
    );
  });
});
