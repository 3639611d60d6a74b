import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../roles.js';
import { findSlots } from './find-slots.js';
import { formatWallMinutes, localTimeToInstant } from './local-time.js';
import { naivePerMinuteScan } from './naive-scan.js';
import type { ExistingBooking, ProposedSlot, Slot, SlotQuery } from './query.js';
import type { AppointmentKind, RoomCapability, StaffRequirement, TimeRange, Weekday } from './schemas.js';
import { EVERY_DAY, testPolicy } from './testing.js';
import { violations } from './violations.js';

/**
 * Random small clinics around daylight-saving changes, in a whole-hour and two half-hour zones.
 * The interval engine must agree with the per-minute baseline and with the checker.
 */
const SETTINGS: readonly { zone: string; dates: readonly string[] }[] = [
  { zone: 'America/Chicago', dates: ['2026-03-07', '2026-10-31', '2026-06-10'] },
  { zone: 'Australia/Adelaide', dates: ['2026-04-04', '2026-10-03'] },
  { zone: 'Asia/Kolkata', dates: ['2026-03-07'] },
];
const ROLES: readonly StaffRole[] = ['therapist', 'nurse', 'physician'];
const SEATS: readonly StaffRequirement[][] = [
  [],
  [{ anyOf: ['therapist'], fromCareTeam: true }],
  [{ anyOf: ['therapist'], fromCareTeam: true }, { anyOf: ['nurse', 'physician'] }],
  [{ anyOf: ['therapist', 'nurse'] }, { anyOf: ['therapist'] }],
];
const KINDS: readonly AppointmentKind[] = ['follow_up', 'follow_up', 'medicine_oral', 'integration'];
const CAPABILITIES: readonly (RoomCapability | null)[] = [null, 'dosing', 'therapy'];

/** A wall-clock range from a start and a length in minutes, cut at midnight. */
const wallRange = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 4, max: 64 }))
  .map(([from, len]): TimeRange => ({ start: formatWallMinutes(from * 15), end: formatWallMinutes(Math.min(1440, (from + len) * 15)) }));
/** Mostly wide hours starting between midnight and 10:00 (so the small-hours DST gap is exercised), sometimes split. */
const wideRange = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 24, max: 96 }))
  .map(([from, len]): TimeRange => ({ start: formatWallMinutes(from * 15), end: formatWallMinutes(Math.min(1440, (from + len) * 15)) }));
const weekly = fc
  .tuple(
    fc.subarray([...EVERY_DAY], { minLength: 5 }),
    fc.oneof({ weight: 3, arbitrary: fc.tuple(wideRange) }, { weight: 1, arbitrary: fc.array(wallRange, { minLength: 1, maxLength: 2 }) }),
  )
  .map(([days, ranges]): Partial<Record<Weekday, TimeRange[]>> => Object.fromEntries(days.map((d) => [d, ranges])));

const scenario = fc.record({
  setting: fc.nat({ max: SETTINGS.length - 1 }),
  date: fc.nat({ max: 2 }),
  days: fc.integer({ min: 1, max: 3 }),
  clinicWeekly: weekly,
  staff: fc.array(
    fc.record({
      roles: fc.subarray([...ROLES], { minLength: 1, maxLength: 2 }),
      // Staff 0 always practises therapy and staff 1 nursing, so most scenarios can be staffed.
      weekly,
      override: fc.option(fc.record({ day: fc.nat({ max: 2 }), ranges: fc.array(wallRange, { maxLength: 1 }) })),
      timeOff: fc.option(fc.record({ at: fc.nat({ max: 3 * 1440 }), len: fc.integer({ min: 1, max: 600 }) })),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  rooms: fc.array(
    fc.record({ capability: fc.constantFrom<RoomCapability>('dosing', 'therapy'), capacity: fc.integer({ min: 1, max: 2 }) }),
    { maxLength: 2 },
  ),
  bookings: fc.array(
    fc.record({
      at: fc.nat({ max: 3 * 1440 }),
      len: fc.integer({ min: 1, max: 300 }),
      staff: fc.array(fc.nat({ max: 4 }), { maxLength: 2 }),
      room: fc.option(fc.nat({ max: 3 })),
      ownPatient: fc.boolean(),
      before: fc.integer({ min: 0, max: 30 }),
      after: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 8 },
  ),
  type: fc.record({
    kind: fc.nat({ max: KINDS.length - 1 }),
    seats: fc.nat({ max: SEATS.length - 1 }),
    capability: fc.nat({ max: CAPABILITIES.length - 1 }),
    duration: fc.integer({ min: 3, max: 36 }).map((n) => n * 5),
    before: fc.integer({ min: 0, max: 30 }),
    after: fc.integer({ min: 0, max: 30 }),
    granularity: fc.constantFrom(5, 10, 15, 30, 60),
  }),
  policy: fc.record({
    notice: fc.integer({ min: 0, max: 300 }),
    turnover: fc.integer({ min: 0, max: 20 }),
    interval: fc.integer({ min: 0, max: 7 }),
    perWeek: fc.integer({ min: 1, max: 2 }),
    windowMin: fc.integer({ min: 0, max: 2 }),
    windowLen: fc.integer({ min: 0, max: 4 }),
  }),
  course: fc.record({
    gates: fc.option(fc.integer({ min: -1440, max: 2 * 1440 }), { freq: 6 }),
    sessions: fc.array(fc.record({ at: fc.integer({ min: -6 * 1440, max: 2 * 1440 }), len: fc.integer({ min: 60, max: 240 }) }), { maxLength: 2 }),
  }),
  careTeam: fc.array(fc.nat({ max: 4 }), { maxLength: 3 }),
  now: fc.integer({ min: -1440, max: 720 }),
  patients: fc.constantFrom(1, 1, 1, 2),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function buildQuery(s: Scenario): SlotQuery {
  const setting = SETTINGS[s.setting] as (typeof SETTINGS)[number];
  const zone = setting.zone;
  const from = setting.dates[s.date % setting.dates.length] as string;
  const origin = localTimeToInstant(from, '00:00', zone);
  const minute = (m: number): number => origin + m * 60_000;
  const dateAt = (offset: number): string => new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const staffIds = s.staff.map((_, i) => `s${i}`);
  // A dosing and a therapy room seating two always exist; the random ones may be smaller.
  const rooms = [
    { capability: 'dosing' as const, capacity: 2 },
    { capability: 'therapy' as const, capacity: 2 },
    ...s.rooms,
  ];
  const roomIds = rooms.map((_, i) => `r${i}`);
  const patientIds = s.patients === 1 ? ['p1'] : ['p1', 'p2'];
  const bookings: ExistingBooking[] = s.bookings.map((b, i) => ({
    id: `b${i}`,
    start: minute(b.at),
    end: minute(b.at + b.len),
    staffIds: [...new Set(b.staff.map((k) => staffIds[k % staffIds.length] as string))],
    roomId: b.room === null ? null : (roomIds[b.room % roomIds.length] as string),
    patientIds: b.ownPatient ? ['p1'] : ['someone-else'],
    bufferBeforeMinutes: b.before,
    bufferAfterMinutes: b.after,
  }));
  const kind = KINDS[s.type.kind] as AppointmentKind;
  return {
    clinic: { timeZone: zone, hours: { weekly: s.clinicWeekly }, holidays: s.date === 2 ? [dateAt(1)] : [] },
    policy: testPolicy({
      minimumNoticeMinutes: s.policy.notice,
      roomTurnoverMinutes: s.policy.turnover,
      medicineIntervalMinDays: s.policy.interval,
      maxMedicineSessionsPerWeek: s.policy.perWeek,
      integrationWindowDays: { min: s.policy.windowMin, max: s.policy.windowMin + s.policy.windowLen },
      slotGranularityMinutes: s.type.granularity,
    }),
    appointmentType: {
      id: 't', kind, name: 'Test type', durationMinutes: s.type.duration,
      staff: SEATS[s.type.seats] as StaffRequirement[],
      roomCapability: CAPABILITIES[s.type.capability] ?? null,
      bufferBeforeMinutes: s.type.before,
      bufferAfterMinutes: s.type.after,
    },
    staff: s.staff.map((m, i) => ({
      id: staffIds[i] as string,
      roles: [...new Set<StaffRole>([...(i === 0 ? ['therapist' as const] : i === 1 ? ['nurse' as const] : []), ...m.roles])],
      availability: {
        weekly: m.weekly,
        overrides: m.override ? [{ date: dateAt(m.override.day), ranges: m.override.ranges }] : [],
        timeOff: m.timeOff ? [{ start: minute(m.timeOff.at), end: minute(m.timeOff.at + m.timeOff.len) }] : [],
      },
    })),
    rooms: rooms.map((r, i) => ({ id: roomIds[i] as string, capabilities: [r.capability], capacity: r.capacity })),
    bookings,
    patientIds,
    careTeam: [...new Set(['s0', ...s.careTeam.map((k) => staffIds[k % staffIds.length] as string)])],
    courses: patientIds.map((patientId) => ({
      patientId,
      medicineGatesOpenFrom: s.course.gates === null ? null : minute(s.course.gates),
      medicineSessions: s.course.sessions.map((x) => ({ start: minute(x.at), end: minute(x.at + x.len), route: 'oral' as const })),
    })),
    now: minute(s.now) + 17_000, // not on a minute boundary, on purpose
    range: { from, to: dateAt(s.days - 1) },
  };
}

const heldByBooking = (b: ExistingBooking, turnover: number | null): [number, number] => [
  b.start - (b.bufferBeforeMinutes ?? 0) * 60_000,
  b.end + (turnover === null ? (b.bufferAfterMinutes ?? 0) : Math.max(b.bufferAfterMinutes ?? 0, turnover)) * 60_000,
];

describe('slot finding, property-based', () => {
  it('finds exactly the slots the per-minute baseline finds, with the same staff and room', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const query = buildQuery(s);
        expect(findSlots(query, 6)).toEqual(naivePerMinuteScan(query, 6));
      }),
      { numRuns: 120 },
    );
  }, 180_000);

  it('never returns a slot that breaks a constraint; slots are sorted and clear of every booking', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const query = buildQuery(s);
        const slots = findSlots(query, 40);
        const type = query.appointmentType;
        slots.forEach((slot, i) => {
          expect(violations(slot, query)).toEqual([]);
          if (i > 0) expect(slot.start).toBeGreaterThan((slots[i - 1] as Slot).start);
          expect(new Set(slot.staff.map((x) => x.staffId)).size).toBe(slot.staff.length);
          const heldFrom = slot.start - (type.bufferBeforeMinutes ?? 0) * 60_000;
          const staffUntil = slot.end + (type.bufferAfterMinutes ?? 0) * 60_000;
          const roomUntil = slot.end + Math.max(type.bufferAfterMinutes ?? 0, query.policy.roomTurnoverMinutes) * 60_000;
          for (const b of query.bookings) {
            if (slot.staff.some((x) => b.staffIds.includes(x.staffId))) {
              const [s0, e0] = heldByBooking(b, null);
              expect(s0 >= staffUntil || e0 <= heldFrom).toBe(true);
            }
            if (slot.roomId !== null && b.roomId === slot.roomId) {
              const [s0, e0] = heldByBooking(b, query.policy.roomTurnoverMinutes);
              expect(s0 >= roomUntil || e0 <= heldFrom).toBe(true);
            }
            if (b.patientIds.some((p) => query.patientIds.includes(p))) {
              expect(b.start >= slot.end || b.end <= slot.start).toBe(true);
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('misses no valid slot: every start the checker accepts is one the finder and the baseline offer', () => {
    // Proposals are found slots nudged in time and with a seat or the room swapped at random.
    const nudges = fc.array(
      fc.record({
        slot: fc.nat(),
        shift: fc.integer({ min: -24, max: 24 }),
        seat: fc.option(fc.record({ index: fc.nat({ max: 1 }), staff: fc.nat({ max: 4 }) })),
        room: fc.option(fc.nat({ max: 3 })),
      }),
      { minLength: 1, maxLength: 20 },
    );
    let accepted = 0;
    fc.assert(
      fc.property(scenario, nudges, (s, picks) => {
        const query = buildQuery(s);
        const found = findSlots(query, 500);
        if (found.length === 0) return;
        const offered = new Set(found.map((slot) => slot.start));
        const rangeEnd = found.length < 500 ? Number.POSITIVE_INFINITY : (found.at(-1) as Slot).start;
        let baseline: Set<number> | undefined;
        for (const pick of picks) {
          const base = found[pick.slot % found.length] as Slot;
          const start = base.start + pick.shift * 5 * 60_000;
          const staff = base.staff.map((x, i) =>
            pick.seat && pick.seat.index === i ? { staffId: `s${pick.seat.staff % query.staff.length}` } : { staffId: x.staffId });
          const proposal: ProposedSlot = {
            start,
            end: start + query.appointmentType.durationMinutes * 60_000,
            staff,
            roomId: pick.room === null ? base.roomId : `r${pick.room % query.rooms.length}`,
          };
          if (violations(proposal, query).length > 0) continue;
          const end = localTimeToInstant(query.range.to, '00:00', query.clinic.timeZone ?? 'UTC') + 86_400_000;
          const inRange = start >= localTimeToInstant(query.range.from, '00:00', query.clinic.timeZone ?? 'UTC') && start < end;
          if (!inRange || start > rangeEnd) continue;
          accepted++;
          expect(offered.has(start)).toBe(true);
          baseline ??= new Set(naivePerMinuteScan(query, 10_000).map((slot) => slot.start));
          expect(baseline.has(start)).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
    expect(accepted).toBeGreaterThan(20); // guards against a vacuous property
  }, 180_000);
});
