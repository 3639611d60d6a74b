import { TZDate, tzOffset } from '@date-fns/tz';
import { startOfWeek } from 'date-fns';
import type { StaffRole } from '../roles.js';
import type { ExistingBooking, Slot, SlotQuery, SlotStaff } from './query.js';
import { WEEKDAYS, type WorkingHours, type StaffCalendar } from './schemas.js';

/**
 * BASELINE ONLY. A naive per-minute scan of the same rules as `findSlots`, written the obvious way:
 * every minute of the range is tried as a start, and every minute of every candidate appointment is
 * checked against the wall clock (one time-zone lookup per minute) and every booking. It shares no
 * code with the interval engine, so the tests use it as an oracle and `bench/slots.ts` as the
 * baseline. It is far too slow to serve requests; it is not exported from the package.
 */
export function naivePerMinuteScan(query: SlotQuery, limit: number): Slot[] {
  const zone = query.clinic.timeZone ?? 'America/Chicago';
  const { policy, appointmentType: type } = query;
  const granularity = type.slotGranularityMinutes ?? policy.slotGranularityMinutes;
  const duration = type.durationMinutes;
  const before = type.bufferBeforeMinutes ?? 0;
  const after = type.bufferAfterMinutes ?? 0;
  const roomAfter = Math.max(after, policy.roomTurnoverMinutes);
  const now = Math.ceil(query.now / 60_000);
  const earliest = Math.max(
    now + policy.minimumNoticeMinutes,
    query.notBefore === undefined ? now : Math.ceil(query.notBefore / 60_000),
  );
  const latest = now + policy.bookingHorizonDays * 1440;
  const bookings = query.bookings.filter((b) => b.id !== query.reschedulingBookingId);
  const wall = (minute: number): { day: number; minuteOfDay: number } => {
    const local = minute + tzOffset(zone, new Date(minute * 60_000));
    return { day: Math.floor(local / 1440), minuteOfDay: local - Math.floor(local / 1440) * 1440 };
  };
  const inHours = (hours: WorkingHours, minute: number, holidays: readonly string[]): boolean => {
    const { day, minuteOfDay } = wall(minute);
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (holidays.includes(date)) return false;
    const overrides = (hours.overrides ?? []).filter((o) => o.date === date);
    const weekday = WEEKDAYS[new Date(day * 86_400_000).getUTCDay()] ?? 'sunday';
    const ranges = overrides.length > 0 ? overrides.flatMap((o) => o.ranges) : (hours.weekly?.[weekday] ?? []);
    const open = ranges.some((r) => minuteOfDay >= hhmm(r.start) && minuteOfDay < hhmm(r.end));
    const off = (hours.timeOff ?? []).some((o) => minute * 60_000 + 60_000 > o.start && minute * 60_000 < o.end);
    return open && !off;
  };
  const holidays = query.clinic.holidays ?? [];
  const clinicOpenAt = (minute: number): boolean => inHours(query.clinic.hours, minute, holidays);
  const every = (from: number, to: number, test: (minute: number) => boolean): boolean => {
    for (let m = from; m < to; m++) if (!test(m)) return false;
    return true;
  };
  const heldBy = (b: ExistingBooking, minute: number, afterMinutes: number): boolean =>
    minute >= Math.floor(b.start / 60_000) - (b.bufferBeforeMinutes ?? 0) &&
    minute < Math.ceil(b.end / 60_000) + afterMinutes;
  const staffFree = (member: StaffCalendar, from: number, to: number): boolean =>
    every(from, to, (m) =>
      inHours(member.availability, m, []) &&
      !bookings.some((b) => b.staffIds.includes(member.id) && heldBy(b, m, b.bufferAfterMinutes ?? 0)),
    );
  const rooms = query.rooms
    .filter((r) => type.roomCapability !== null && r.capabilities.includes(type.roomCapability))
    .filter((r) => (r.capacity ?? 1) >= query.patientIds.length)
    .sort((a, b) => (a.capacity ?? 1) - (b.capacity ?? 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const roomFree = (room: (typeof rooms)[number], from: number, to: number): boolean =>
    every(from, to, (m) =>
      clinicOpenAt(m) &&
      (!room.availability || inHours(room.availability, m, holidays)) &&
      !bookings.some((b) => b.roomId === room.id && heldBy(b, m, Math.max(b.bufferAfterMinutes ?? 0, policy.roomTurnoverMinutes))),
    );
  const rank = (id: string): number => {
    const index = query.careTeam.indexOf(id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const ordered = [...query.staff].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const courseAllows = (start: number, day: number): boolean =>
    query.patientIds.every((patientId) => naiveCourseAllows(query, patientId, start, day));

  const slots: Slot[] = [];
  const midnight = (date: string, plusDays: number): number => {
    const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    return Math.floor(new TZDate(y, mo - 1, d + plusDays, zone).getTime() / 60_000);
  };
  const first = midnight(query.range.from, 0);
  const stop = midnight(query.range.to, 1);
  for (let t = first; t < stop && slots.length < limit; t++) {
    if (t < earliest || t >= latest) continue;
    const local = wall(t);
    if (local.minuteOfDay % granularity !== 0) continue;
    if (!every(t, t + duration, clinicOpenAt)) continue;
    if (!courseAllows(t, local.day)) continue;
    const patientBusy = bookings.some(
      (b) => b.patientIds.some((p) => query.patientIds.includes(p)) &&
        Math.floor(b.start / 60_000) < t + duration && Math.ceil(b.end / 60_000) > t,
    );
    if (patientBusy) continue;
    let roomId: string | null = null;
    if (type.roomCapability !== null) {
      const room = rooms.find((r) => roomFree(r, t - before, t + duration + roomAfter));
      if (!room) continue;
      roomId = room.id;
    }
    const chosen: SlotStaff[] = [];
    const fill = (seat: number): boolean => {
      const requirement = type.staff[seat];
      if (!requirement) return true;
      for (const member of ordered) {
        if (chosen.some((c) => c.staffId === member.id)) continue;
        if ((requirement.fromCareTeam ?? false) && !query.careTeam.includes(member.id)) continue;
        const role = requirement.anyOf.find((r): r is StaffRole => member.roles.includes(r));
        if (role === undefined || !staffFree(member, t - before, t + duration + after)) continue;
        chosen.push({ staffId: member.id, role });
        if (fill(seat + 1)) return true;
        chosen.pop();
      }
      return false;
    };
    if (!fill(0)) continue;
    const date = new Date(local.day * 86_400_000).toISOString().slice(0, 10);
    const time = `${String(Math.floor(local.minuteOfDay / 60)).padStart(2, '0')}:${String(local.minuteOfDay % 60).padStart(2, '0')}`;
    slots.push({ start: t * 60_000, end: (t + duration) * 60_000, localDate: date, localTime: time, staff: chosen, roomId });
  }
  return slots;
}

function hhmm(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The course rules for one patient, re-derived per start from the raw course (see course-rules.ts). */
function naiveCourseAllows(query: SlotQuery, patientId: string, start: number, day: number): boolean {
  const { policy, appointmentType: type } = query;
  const zone = query.clinic.timeZone ?? 'America/Chicago';
  const course = query.courses.find((c) => c.patientId === patientId);
  const sessions = (course?.medicineSessions ?? [])
    .filter((s) => query.reschedulingBookingId === undefined || s.bookingId !== query.reschedulingBookingId)
    .map((s) => {
      const minute = Math.floor(s.start / 60_000);
      const sessionDay = Math.floor((minute + tzOffset(zone, new Date(minute * 60_000))) / 1440);
      return { start: minute, end: Math.ceil(s.end / 60_000), day: sessionDay };
    });
  const weekOf = (d: number): number =>
    startOfWeek(new TZDate(d * 86_400_000, 'UTC'), { weekStartsOn: policy.weekStartsOn === 'monday' ? 1 : 0 }).getTime();
  if (type.kind === 'medicine_oral' || type.kind === 'medicine_im') {
    const gates = course?.medicineGatesOpenFrom ?? null;
    if (gates === null || start < Math.ceil(gates / 60_000)) return false;
    if (sessions.some((s) => Math.abs(day - s.day) < policy.medicineIntervalMinDays)) return false;
    return sessions.filter((s) => weekOf(s.day) === weekOf(day)).length < policy.maxMedicineSessionsPerWeek;
  }
  if (type.kind === 'integration') {
    const latest = sessions.filter((s) => s.start < start).sort((a, b) => a.start - b.start).at(-1);
    if (!latest || start < latest.end) return false;
    const { min, max } = policy.integrationWindowDays;
    return day - latest.day >= min && day - latest.day <= max;
  }
  return true;
}
