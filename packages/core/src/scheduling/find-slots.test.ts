import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { availabilityMap, findSlots } from './find-slots.js';
import type { SlotQuery } from './query.js';
import type { AppointmentType } from './schemas.js';
import { CHICAGO, EVERY_DAY, at, booking, slotQuery, staffMember, testPolicy, weeklyHours } from './testing.js';
import { violations } from './violations.js';

const hour: AppointmentType = {
  id: 'hour', kind: 'follow_up', name: 'One hour', durationMinutes: 60,
  staff: [{ anyOf: ['therapist'], fromCareTeam: true }], roomCapability: null,
};
const iso = (ms: number): string => new Date(ms).toISOString();
const times = (query: SlotQuery, n: number): string[] => findSlots(query, n).map((s) => `${s.localDate} ${s.localTime}`);

describe('finding the earliest slots', () => {
  it('offers the earliest slots in order, on the clinic-local grid, after the notice period', () => {
    const query = slotQuery({ policy: testPolicy({ minimumNoticeMinutes: 120 }) });
    const slots = findSlots(query, 3);
    expect(slots.map((s) => s.localTime)).toEqual(['09:00', '09:15', '09:30']);
    expect(slots[0]).toMatchObject({
      start: at('2026-03-02', '09:00'),
      end: at('2026-03-02', '10:00'),
      localDate: '2026-03-02',
      staff: [{ staffId: 'ther-a', role: 'therapist' }],
      roomId: 'talk-1',
    });
  });

  it('starts no earlier than notBefore', () => {
    expect(times(slotQuery({ notBefore: at('2026-03-04', '13:05') }), 1)).toEqual(['2026-03-04 13:15']);
  });

  it('keeps the appointment and its after-buffer inside the therapist hours', () => {
    // Preparation: 60 minutes + 10 after; the therapist works until 18:00.
    const query = slotQuery({ notBefore: at('2026-03-02', '16:00') });
    expect(times(query, 5)).toEqual([
      '2026-03-02 16:00', '2026-03-02 16:15', '2026-03-02 16:30', '2026-03-02 16:45', '2026-03-03 08:00',
    ]);
  });

  it('steps around a booking and its buffers', () => {
    const query = slotQuery({
      bookings: [booking('2026-03-02', '08:30', '09:30', { staffIds: ['ther-a'], after: 20 })],
    });
    // Held until 09:50; the new type holds 10 minutes after, so it must end by 08:20 or start at 09:50+.
    expect(times(query, 2)).toEqual(['2026-03-02 10:00', '2026-03-02 10:15']);
  });

  it('honours the booked appointment’s before-buffer too', () => {
    const query = slotQuery({
      bookings: [booking('2026-03-02', '09:30', '10:30', { staffIds: ['ther-a'], before: 15 })],
    });
    // Busy from 09:15: a 60+10 minute hold starting at 08:00 ends 09:10, fine; 08:15 would end 09:25.
    expect(times(query, 2)).toEqual(['2026-03-02 08:00', '2026-03-02 10:30']);
  });

  it('keeps the room free for its turnover time after a booking', () => {
    const query = slotQuery({
      policy: testPolicy({ roomTurnoverMinutes: 30 }),
      bookings: [booking('2026-03-02', '08:00', '09:00', { staffIds: ['ther-b'], roomId: 'talk-1' })],
    });
    expect(times(query, 1)).toEqual(['2026-03-02 09:30']);
  });

  it('does not book the patient twice', () => {
    const query = slotQuery({
      bookings: [booking('2026-03-02', '08:00', '12:00', { staffIds: ['phys-a'], patientIds: ['pat-1'] })],
    });
    expect(times(query, 1)).toEqual(['2026-03-02 12:00']);
  });

  it('skips clinic holidays, date overrides and time off', () => {
    const base = slotQuery();
    const query = slotQuery({
      clinic: { ...base.clinic, holidays: ['2026-03-02'] },
      staff: [
        staffMember('ther-a', ['therapist'], {
          ...weeklyHours('08:00', '18:00'),
          overrides: [{ date: '2026-03-03', ranges: [] }, { date: '2026-03-04', ranges: [{ start: '14:00', end: '16:30' }] }],
          timeOff: [{ start: at('2026-03-04', '14:00'), end: at('2026-03-04', '15:00') }],
        }),
      ],
    });
    // Only 15:00–16:30 is left on the 4th: room for a 60-minute session and its 10-minute buffer.
    expect(times(query, 3)).toEqual(['2026-03-04 15:00', '2026-03-04 15:15', '2026-03-05 08:00']);
  });

  it('ignores the booking being rescheduled', () => {
    const moving = booking('2026-03-02', '08:00', '09:00', { staffIds: ['ther-a'], roomId: 'talk-1', patientIds: ['pat-1'], after: 10 });
    const query = slotQuery({ bookings: [moving] });
    expect(times(query, 1)).toEqual(['2026-03-02 09:15']);
    expect(times({ ...query, reschedulingBookingId: moving.id }, 1)).toEqual(['2026-03-02 08:00']);
  });

  it('returns nothing rather than a wrong slot when no room has the capability', () => {
    const query = slotQuery({ rooms: [{ id: 'dose-1', capabilities: ['dosing'], capacity: 1 }] });
    expect(findSlots(query, 5)).toEqual([]);
  });

  it('needs a room that seats a couple', () => {
    const base = slotQuery();
    const couples: SlotQuery = {
      ...base,
      appointmentType: { ...base.appointmentType, kind: 'couples_joint' },
      patientIds: ['pat-1', 'pat-2'],
      rooms: [
        { id: 'small', capabilities: ['therapy'], capacity: 1 },
        { id: 'big', capabilities: ['therapy'], capacity: 2 },
      ],
    };
    expect(findSlots(couples, 1)[0]?.roomId).toBe('big');
  });

  it('refuses bad searches with the path of the field', () => {
    const query = slotQuery({ range: { from: '2026-03-05', to: '2026-03-01' } });
    expect(() => findSlots(query, 5)).toThrow(ValidationError);
    expect(() => findSlots(slotQuery(), 0)).toThrow(/1 to 500/);
    const badZone = slotQuery({ clinic: { ...slotQuery().clinic, timeZone: 'Mars/Olympus' } });
    try {
      findSlots(badZone, 1);
      expect.fail('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).path).toEqual(['clinic', 'timeZone']);
    }
  });
});

describe('choosing staff and room', () => {
  const medicine = (overrides: Partial<SlotQuery> = {}): SlotQuery => {
    const base = slotQuery();
    return slotQuery({ appointmentType: { ...base.appointmentType, ...medicineType }, ...overrides });
  };
  const medicineType: AppointmentType = {
    id: 'medicine_oral', kind: 'medicine_oral', name: 'Medicine session (oral)', durationMinutes: 180,
    staff: [{ anyOf: ['therapist'], fromCareTeam: true }, { anyOf: ['nurse', 'physician'] }],
    roomCapability: 'dosing', bufferBeforeMinutes: 15, bufferAfterMinutes: 30,
  };

  it('names a care-team therapist, a monitor and a dosing room', () => {
    const [slot] = findSlots(medicine(), 1);
    expect(slot).toMatchObject({
      localTime: '08:15',
      staff: [{ staffId: 'ther-a', role: 'therapist' }, { staffId: 'nurse-a', role: 'nurse' }],
      roomId: 'dose-1',
    });
  });

  it('never uses a therapist outside the care team', () => {
    const query = medicine({ bookings: [booking('2026-03-02', '08:00', '18:00', { staffIds: ['ther-a'] })] });
    const [slot] = findSlots(query, 1);
    expect(slot?.localDate).toBe('2026-03-03');
    expect(slot?.staff[0]?.staffId).toBe('ther-a');
  });

  it('prefers a monitor from the care team, then falls back by id', () => {
    expect(findSlots(medicine({ careTeam: ['ther-a', 'phys-a'] }), 1)[0]?.staff[1]?.staffId).toBe('phys-a');
    const busyNurse = medicine({ bookings: [booking('2026-03-02', '08:00', '18:00', { staffIds: ['nurse-a'] })] });
    expect(findSlots(busyNurse, 1)[0]?.staff[1]).toEqual({ staffId: 'phys-a', role: 'physician' });
  });

  it('does not let one person fill two seats', () => {
    const query = medicine({
      staff: [staffMember('ther-a', ['therapist', 'nurse'])],
    });
    expect(findSlots(query, 1)).toEqual([]);
  });

  it('chooses the same staff and room whatever order the inputs come in', () => {
    const query = medicine({ careTeam: ['ther-a'] });
    const shuffled = { ...query, staff: [...query.staff].reverse(), rooms: [...query.rooms].reverse() };
    expect(findSlots(shuffled, 5)).toEqual(findSlots(query, 5));
  });
});

describe('course rules', () => {
  const medicineType: AppointmentType = {
    id: 'medicine_im', kind: 'medicine_im', name: 'Medicine session (IM)', durationMinutes: 180,
    staff: [{ anyOf: ['therapist'], fromCareTeam: true }, { anyOf: ['nurse', 'physician'] }],
    roomCapability: 'dosing',
  };
  const integrationType: AppointmentType = { ...hour, id: 'integration', kind: 'integration', name: 'Integration' };
  const withCourse = (type: AppointmentType, sessions: { date: string; time: string }[], gates: number | null = 0): SlotQuery =>
    slotQuery({
      appointmentType: type,
      range: { from: '2026-03-02', to: '2026-03-31' },
      courses: [{
        patientId: 'pat-1',
        medicineGatesOpenFrom: gates,
        medicineSessions: sessions.map(({ date, time }) => ({ start: at(date, time), end: at(date, time) + 3 * 3_600_000, route: 'oral' as const })),
      }],
    });

  it('offers no medicine session while its gates are unmet', () => {
    expect(findSlots(withCourse(medicineType, [], null), 1)).toEqual([]);
  });

  it('offers medicine only once the gates open', () => {
    expect(times(withCourse(medicineType, [], at('2026-03-04', '10:50')), 1)).toEqual(['2026-03-04 11:00']);
  });

  it('keeps the policy interval from earlier and later medicine sessions', () => {
    // Sessions on Feb 23 and Mar 16: medicine allowed from Mar 2 (7 days) but not Mar 10–22 (staff work Mon–Fri).
    const query = withCourse(medicineType, [{ date: '2026-02-23', time: '09:00' }, { date: '2026-03-16', time: '09:00' }]);
    const days = availabilityMap(query).filter((d) => d.count > 0).map((d) => d.date);
    expect(days).toEqual([
      '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09',
      '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-30', '2026-03-31',
    ]);
  });

  it('allows one medicine session a clinic-local week unless policy allows more', () => {
    const query = { ...withCourse(medicineType, [{ date: '2026-03-03', time: '09:00' }]), policy: testPolicy({ medicineIntervalMinDays: 2 }) };
    expect(times(query, 1)).toEqual(['2026-03-09 08:00']);
    const twice = { ...query, policy: testPolicy({ medicineIntervalMinDays: 2, maxMedicineSessionsPerWeek: 2 }) };
    expect(times(twice, 1)).toEqual(['2026-03-05 08:00']);
  });

  it('offers integration only inside the window after the latest medicine session', () => {
    const query = withCourse(integrationType, [{ date: '2026-03-02', time: '09:00' }]);
    const days = availabilityMap(query).filter((d) => d.count > 0).map((d) => d.date);
    expect(days).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09']);
    const sameDay = { ...query, policy: testPolicy({ integrationWindowDays: { min: 0, max: 1 } }) };
    expect(times(sameDay, 1)).toEqual(['2026-03-02 12:00']);
  });

  it('offers no integration without a medicine session before it', () => {
    expect(findSlots(withCourse(integrationType, []), 1)).toEqual([]);
  });
});

describe('daylight saving and half-hour zones', () => {
  const everyDay = (zone: string, start = '09:00', end = '17:00'): Partial<SlotQuery> => ({
    clinic: { timeZone: zone, hours: weeklyHours(start, end, EVERY_DAY), holidays: [] },
    staff: [staffMember('ther-a', ['therapist'], weeklyHours(start, end, EVERY_DAY))],
    appointmentType: hour,
  });
  const mapOf = (query: SlotQuery): { date: string; count: number; first: string | undefined; utc: string | undefined }[] =>
    availabilityMap(query).map((d) => ({
      date: d.date, count: d.count, first: d.first?.localTime, utc: d.first ? iso(d.first.start) : undefined,
    }));

  it('keeps a weekly 09:00–17:00 template at 09:00–17:00 local across the March change', () => {
    const query = slotQuery({ ...everyDay(CHICAGO), now: at('2026-03-01', '00:00'), range: { from: '2026-03-07', to: '2026-03-09' } });
    expect(mapOf(query)).toEqual([
      { date: '2026-03-07', count: 29, first: '09:00', utc: '2026-03-07T15:00:00.000Z' },
      { date: '2026-03-08', count: 29, first: '09:00', utc: '2026-03-08T14:00:00.000Z' },
      { date: '2026-03-09', count: 29, first: '09:00', utc: '2026-03-09T14:00:00.000Z' },
    ]);
    const last = findSlots(query, 500).filter((s) => s.localDate === '2026-03-08').at(-1);
    expect(last?.localTime).toBe('16:00');
  });

  it('keeps a weekly 09:00–17:00 template at 09:00–17:00 local across the November change', () => {
    const query = slotQuery({ ...everyDay(CHICAGO), now: at('2026-10-25', '00:00'), range: { from: '2026-10-31', to: '2026-11-02' } });
    expect(mapOf(query)).toEqual([
      { date: '2026-10-31', count: 29, first: '09:00', utc: '2026-10-31T14:00:00.000Z' },
      { date: '2026-11-01', count: 29, first: '09:00', utc: '2026-11-01T15:00:00.000Z' },
      { date: '2026-11-02', count: 29, first: '09:00', utc: '2026-11-02T15:00:00.000Z' },
    ]);
  });

  it('offers no start in the skipped hour and measures slots in real time on spring-forward day', () => {
    const query = slotQuery({ ...everyDay(CHICAGO, '00:00', '06:00'), now: at('2026-03-01', '00:00'), range: { from: '2026-03-08', to: '2026-03-08' } });
    const slots = findSlots(query, 500);
    expect(slots.some((s) => s.localTime.startsWith('02:'))).toBe(false);
    // 00:00–06:00 on the wall is five real hours: 60-minute starts from 00:00 to 05:00 real time.
    expect(slots).toHaveLength(17);
    const across = slots.find((s) => s.localTime === '01:30');
    expect(across && [iso(across.start), iso(across.end)]).toEqual(['2026-03-08T07:30:00.000Z', '2026-03-08T08:30:00.000Z']);
    for (const slot of slots) expect(violations(slot, query)).toEqual([]);
  });

  it('offers both 01:00s in the repeated hour on fall-back day', () => {
    const query = slotQuery({ ...everyDay(CHICAGO, '00:00', '04:00'), now: at('2026-10-25', '00:00'), range: { from: '2026-11-01', to: '2026-11-01' } });
    const slots = findSlots(query, 500);
    expect(slots).toHaveLength(17); // 00:00–04:00 on the wall is five real hours
    expect(slots.filter((s) => s.localTime === '01:00').map((s) => iso(s.start))).toEqual([
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('aligns slots to the wall clock in Kolkata (UTC+05:30)', () => {
    const query = slotQuery({
      ...everyDay('Asia/Kolkata'),
      policy: testPolicy({ slotGranularityMinutes: 60 }),
      now: Date.parse('2026-03-01T00:00:00Z'),
      range: { from: '2026-03-02', to: '2026-03-02' },
    });
    const slots = findSlots(query, 3);
    expect(slots.map((s) => s.localTime)).toEqual(['09:00', '10:00', '11:00']);
    expect(iso(slots[0]!.start)).toBe('2026-03-02T03:30:00.000Z');
  });

  it('keeps Adelaide hours local across its April change (+10:30 to +09:30)', () => {
    const query = slotQuery({
      ...everyDay('Australia/Adelaide'),
      policy: testPolicy({ slotGranularityMinutes: 60 }),
      now: Date.parse('2026-03-30T00:00:00Z'),
      range: { from: '2026-04-04', to: '2026-04-05' },
    });
    expect(mapOf(query)).toEqual([
      { date: '2026-04-04', count: 8, first: '09:00', utc: '2026-04-03T22:30:00.000Z' },
      { date: '2026-04-05', count: 8, first: '09:00', utc: '2026-04-04T23:30:00.000Z' },
    ]);
  });

  it('reads the course week and window in clinic-local days, not UTC days', () => {
    // A medicine session at 20:00 Chicago on Monday is Tuesday in UTC; integration day 1 is Tuesday local.
    const base = slotQuery({ ...everyDay(CHICAGO, '08:00', '22:00') });
    const query: SlotQuery = {
      ...base,
      appointmentType: { ...hour, kind: 'integration' },
      policy: testPolicy({ integrationWindowDays: { min: 1, max: 1 } }),
      courses: [{ patientId: 'pat-1', medicineGatesOpenFrom: 0, medicineSessions: [{ start: at('2026-03-02', '19:00'), end: at('2026-03-02', '21:00'), route: 'oral' }] }],
    };
    const days = availabilityMap(query).filter((d) => d.count > 0).map((d) => d.date);
    expect(days).toEqual(['2026-03-03']);
  });
});

describe('the day-by-day map', () => {
  it('lists every date of the range with its count and first slot', () => {
    const query = slotQuery({ range: { from: '2026-03-06', to: '2026-03-09' } });
    const map = availabilityMap(query);
    expect(map.map((d) => [d.date, d.count, d.first?.localTime ?? null])).toEqual([
      ['2026-03-06', 36, '08:00'],
      ['2026-03-07', 0, null],
      ['2026-03-08', 0, null],
      ['2026-03-09', 36, '08:00'],
    ]);
  });
});
