import type { StaffRole } from '../roles.js';
import { defaultAppointmentTypes } from './appointment-types.js';
import { dateOfDay, dayNumber, localTimeToInstant, formatWallMinutes, weekdayOfDay } from './local-time.js';
import type { ExistingBooking } from './query.js';
import type { AppointmentKind, AppointmentType, ClinicCalendar, LocalDate, Room, StaffCalendar, TimeRange, Weekday } from './schemas.js';

/** A deterministic pseudo-random source (mulberry32), so generated clinics are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Size and seed of a generated clinic. */
export interface ExampleClinicOptions {
  readonly seed: number;
  readonly timeZone: string;
  /** First clinic-local date of the generated schedule. */
  readonly startDate: LocalDate;
  readonly days: number;
  readonly staffCount: number;
  readonly roomCount: number;
  readonly bookingCount: number;
}

/** A generated clinic: calendars, rooms, bookings and the default appointment types. */
export interface ExampleClinic {
  readonly clinic: ClinicCalendar;
  readonly staff: StaffCalendar[];
  readonly rooms: Room[];
  readonly bookings: ExistingBooking[];
  readonly types: Record<AppointmentKind, AppointmentType>;
  /** Staff ids by role, in id order. */
  readonly therapists: string[];
  readonly monitors: string[];
}

const SHIFTS: readonly TimeRange[][] = [
  [{ start: '08:00', end: '16:00' }],
  [{ start: '09:00', end: '17:00' }],
  [{ start: '10:00', end: '18:30' }],
  [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }],
  [{ start: '11:00', end: '19:00' }],
];
const WORKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/**
 * A generated clinic for tests, the benchmark and demos: three in five staff therapists, the rest nurses
 * and physicians; half the rooms dosing rooms, the rest therapy and group rooms; weekday templates with date overrides and time off;
 * and `bookingCount`
 * bookings inside working hours, mostly packed from the morning, never double booking anyone.
 */
export function exampleClinic(options: ExampleClinicOptions): ExampleClinic {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const firstDay = dayNumber(options.startDate);
  const zone = options.timeZone;
  const clinic: ClinicCalendar = {
    timeZone: zone,
    hours: {
      weekly: Object.fromEntries([...WORKDAYS.map((d) => [d, [{ start: '07:30', end: '20:00' }]]), ['saturday', [{ start: '09:00', end: '13:00' }]]]),
    },
    holidays: [dateOfDay(firstDay + 45)],
  };

  const staff: StaffCalendar[] = [];
  for (let i = 0; i < options.staffCount; i++) {
    const id = `staff-${String(i + 1).padStart(2, '0')}`;
    // Three in five are therapists; the rest nurses and physicians who monitor medicine sessions.
    const roles: StaffRole[] = i % 5 < 3 ? ['therapist'] : i % 5 === 3 ? ['nurse'] : ['physician'];
    const days = WORKDAYS.filter(() => random() < 0.9);
    const weekly = Object.fromEntries(days.map((d) => [d, pick(SHIFTS)]));
    const overrideDay = firstDay + Math.floor(random() * options.days);
    const offStart = firstDay + Math.floor(random() * options.days);
    staff.push({
      id,
      roles,
      availability: {
        weekly,
        overrides: [{ date: dateOfDay(overrideDay), ranges: random() < 0.5 ? [] : [{ start: '12:00', end: '20:00' }] }],
        timeOff: [{ start: localTimeToInstant(dateOfDay(offStart), '00:00', zone), end: localTimeToInstant(dateOfDay(offStart + 3), '00:00', zone) }],
      },
    });
  }
  const rooms: Room[] = [];
  for (let i = 0; i < options.roomCount; i++) {
    const kind = i % 6;
    rooms.push(
      kind < 3
        ? { id: `room-${i + 1}`, capabilities: ['dosing'], capacity: 1 }
        : kind < 5
          ? { id: `room-${i + 1}`, capabilities: ['therapy'], capacity: 2 }
          : { id: `room-${i + 1}`, capabilities: ['therapy', 'group'], capacity: 8 },
    );
  }
  const types = defaultAppointmentTypes();
  return {
    clinic,
    staff,
    rooms,
    bookings: placeBookings(options, { random, pick, staff, rooms, types }),
    types,
    therapists: staff.filter((s) => s.roles.includes('therapist')).map((s) => s.id),
    monitors: staff.filter((s) => !s.roles.includes('therapist')).map((s) => s.id),
  };
}

interface Placing {
  readonly random: () => number;
  readonly pick: <T>(list: readonly T[]) => T;
  readonly staff: readonly StaffCalendar[];
  readonly rooms: readonly Room[];
  readonly types: Record<AppointmentKind, AppointmentType>;
}

function placeBookings(options: ExampleClinicOptions, placing: Placing): ExistingBooking[] {
  const { random, pick, staff, rooms, types } = placing;
  const firstDay = dayNumber(options.startDate);
  const kinds: AppointmentKind[] = [
    'preparation', 'preparation', 'preparation', 'integration', 'integration', 'integration',
    'medicine_oral', 'medicine_im', 'follow_up', 'follow_up', 'evaluation', 'physician_exam',
  ];
  const held = new Map<string, [number, number][]>();
  const free = (id: string, start: number, end: number): boolean =>
    !(held.get(id) ?? []).some(([s, e]) => s < end && e > start);
  const bookings: ExistingBooking[] = [];
  for (let attempt = 0; bookings.length < options.bookingCount; attempt++) {
    if (attempt > options.bookingCount * 50) throw new Error('The example clinic is too full for the bookings asked');
    const type = types[pick(kinds)];
    const lead = pick(staff.filter((s) => s.roles.includes(type.kind === 'physician_exam' ? 'physician' : 'therapist')));
    const day = firstDay + Math.floor(random() * options.days);
    const range = pick(lead.availability.weekly?.[weekdayOfDay(day)] ?? [null]);
    if (!range) continue;
    const from = Number(range.start.slice(0, 2)) * 60 + Number(range.start.slice(3));
    const latest = Number(range.end.slice(0, 2)) * 60 + Number(range.end.slice(3)) - type.durationMinutes;
    if (latest < from) continue;
    // Front desks fill a day from the morning: most bookings take the earliest free start.
    const packed = random() < 0.7;
    const wallStarts = packed
      ? Array.from({ length: Math.floor((latest - from) / 15) + 1 }, (_, i) => from + i * 15)
      : [from + Math.floor((random() * (latest - from)) / 15) * 15];
    const capable = rooms.filter((r) => type.roomCapability !== null && r.capabilities.includes(type.roomCapability));
    const roomChoice = random() < 0.25 && type.telehealthAllowed ? null : capable.length > 0 ? pick(capable).id : null;
    const monitor = type.staff.length > 1 ? pick(staff.filter((s) => !s.roles.includes('therapist'))).id : null;
    const ids = [lead.id, ...(monitor ? [monitor] : []), ...(roomChoice ? [roomChoice] : [])];
    for (const wall of wallStarts) {
      const start = localTimeToInstant(dateOfDay(day), formatWallMinutes(wall), options.timeZone);
      const end = start + type.durationMinutes * 60_000;
      const heldFrom = start - (type.bufferBeforeMinutes ?? 0) * 60_000;
      const heldTo = end + ((type.bufferAfterMinutes ?? 0) + 10) * 60_000;
      if (!ids.every((id) => free(id, heldFrom, heldTo))) continue;
      for (const id of ids) held.set(id, [...(held.get(id) ?? []), [heldFrom, heldTo]]);
      bookings.push({
        id: `booking-${bookings.length + 1}`,
        start,
        end,
        staffIds: monitor ? [lead.id, monitor] : [lead.id],
        roomId: roomChoice,
        patientIds: [`patient-${Math.floor(random() * 400) + 1}`],
        bufferBeforeMinutes: type.bufferBeforeMinutes ?? 0,
        bufferAfterMinutes: type.bufferAfterMinutes ?? 0,
      });
      break;
    }
  }
  return bookings;
}
