import { describe, expect, it } from 'vitest';
import { findSlots } from './find-slots.js';
import type { ProposedSlot, SlotQuery } from './query.js';
import type { AppointmentType } from './schemas.js';
import { at, booking, slotQuery, staffMember, testPolicy } from './testing.js';
import { violations, type SlotViolationCode } from './violations.js';

const medicine: AppointmentType = {
  id: 'medicine_oral', kind: 'medicine_oral', name: 'Medicine session (oral)', durationMinutes: 180,
  staff: [{ anyOf: ['therapist'], fromCareTeam: true }, { anyOf: ['nurse', 'physician'] }],
  roomCapability: 'dosing', bufferBeforeMinutes: 15, bufferAfterMinutes: 30,
};
const medicineQuery = (overrides: Partial<SlotQuery> = {}): SlotQuery => slotQuery({ appointmentType: medicine, ...overrides });
/** Tuesday 10:00–13:00 with ther-a, nurse-a and dose-1: valid in the default fixture. */
const proposal = (overrides: Partial<ProposedSlot> = {}): ProposedSlot => ({
  start: at('2026-03-03', '10:00'),
  end: at('2026-03-03', '13:00'),
  staff: [{ staffId: 'ther-a' }, { staffId: 'nurse-a' }],
  roomId: 'dose-1',
  ...overrides,
});
const codes = (slot: ProposedSlot, query: SlotQuery): SlotViolationCode[] => violations(slot, query).map((v) => v.code);

describe('checking a slot against every constraint', () => {
  it('passes a slot that keeps every rule', () => {
    expect(violations(proposal(), medicineQuery())).toEqual([]);
  });

  it('passes every slot the finder returns', () => {
    const query = medicineQuery({ bookings: [booking('2026-03-02', '08:00', '12:00', { staffIds: ['nurse-a'] })] });
    for (const slot of findSlots(query, 20)) expect(violations(slot, query)).toEqual([]);
  });

  it('names a wrong length, an off-grid start, short notice and a start past the horizon', () => {
    expect(codes(proposal({ end: at('2026-03-03', '12:00') }), medicineQuery())).toEqual(['duration']);
    const offGrid = proposal({ start: at('2026-03-03', '10:05'), end: at('2026-03-03', '13:05') });
    expect(codes(offGrid, medicineQuery())).toEqual(['granularity']);
    const soon = medicineQuery({ now: at('2026-03-03', '09:00'), policy: testPolicy({ minimumNoticeMinutes: 120 }) });
    expect(codes(proposal(), soon)).toEqual(['notice']);
    const near = medicineQuery({ policy: testPolicy({ bookingHorizonDays: 1 }) });
    expect(codes(proposal(), near)).toEqual(['horizon']);
  });

  it('names a closed clinic and a clinic holiday', () => {
    const late = proposal({ start: at('2026-03-03', '16:00'), end: at('2026-03-03', '19:00') });
    expect(codes(late, medicineQuery())).toEqual(expect.arrayContaining(['clinic_closed', 'staff_unavailable', 'room_unavailable']));
    const base = medicineQuery();
    const holiday = medicineQuery({ clinic: { ...base.clinic, holidays: ['2026-03-03'] } });
    expect(codes(proposal(), holiday)).toEqual(['clinic_holiday', 'room_unavailable']);
  });

  it('names the wrong people: unknown, wrong role, outside the care team, twice, missing', () => {
    expect(codes(proposal({ staff: [{ staffId: 'ther-a' }, { staffId: 'ghost' }] }), medicineQuery())).toEqual(['staff_unknown']);
    expect(codes(proposal({ staff: [{ staffId: 'ther-a' }, { staffId: 'ther-b' }] }), medicineQuery())).toEqual(['staff_role']);
    expect(codes(proposal({ staff: [{ staffId: 'ther-b' }, { staffId: 'nurse-a' }] }), medicineQuery())).toEqual(['staff_not_care_team']);
    const both = medicineQuery({ staff: [staffMember('ther-a', ['therapist', 'nurse'])] });
    expect(codes(proposal({ staff: [{ staffId: 'ther-a' }, { staffId: 'ther-a' }] }), both)).toEqual(['staff_repeated']);
    expect(codes(proposal({ staff: [{ staffId: 'ther-a' }] }), medicineQuery())).toEqual(['staff_count']);
  });

  it('names staff who are off or booked, buffers included', () => {
    const off = medicineQuery({
      staff: [
        staffMember('ther-a', ['therapist'], { weekly: { tuesday: [{ start: '10:00', end: '18:00' }] } }),
        staffMember('nurse-a', ['nurse']),
      ],
    });
    // Held from 09:45 for the 15-minute before-buffer; the therapist starts at 10:00.
    expect(codes(proposal(), off)).toEqual(['staff_unavailable']);
    const afterBuffer = medicineQuery({ bookings: [booking('2026-03-03', '13:15', '14:00', { staffIds: ['nurse-a'] })] });
    expect(codes(proposal(), afterBuffer)).toEqual(['staff_busy']);
    const theirBuffer = medicineQuery({ bookings: [booking('2026-03-03', '08:00', '09:30', { staffIds: ['ther-a'], after: 20 })] });
    expect(codes(proposal(), theirBuffer)).toEqual(['staff_busy']);
  });

  it('names room problems: none, unknown, wrong capability, too small, booked', () => {
    expect(codes(proposal({ roomId: null }), medicineQuery())).toEqual(['room_missing']);
    expect(codes(proposal({ roomId: 'attic' }), medicineQuery())).toEqual(['room_unknown']);
    expect(codes(proposal({ roomId: 'talk-1' }), medicineQuery())).toEqual(['room_capability']);
    const couple = medicineQuery({
      patientIds: ['pat-1', 'pat-2'],
      courses: [...medicineQuery().courses, { patientId: 'pat-2', medicineGatesOpenFrom: 0, medicineSessions: [] }],
    });
    expect(codes(proposal(), couple)).toEqual(['room_capacity']);
    const turnover = medicineQuery({
      policy: testPolicy({ roomTurnoverMinutes: 45 }),
      bookings: [booking('2026-03-03', '13:40', '15:00', { roomId: 'dose-1' })],
    });
    expect(codes(proposal(), turnover)).toEqual(['room_busy']);
  });

  it('names a patient who is already booked', () => {
    const query = medicineQuery({ bookings: [booking('2026-03-03', '12:30', '13:30', { staffIds: ['phys-a'], patientIds: ['pat-1'] })] });
    expect(codes(proposal(), query)).toEqual(['patient_busy']);
  });

  it('names unmet course rules with the codes of the course engine', () => {
    const course = (gates: number | null, dates: string[]): SlotQuery['courses'] => [{
      patientId: 'pat-1',
      medicineGatesOpenFrom: gates,
      medicineSessions: dates.map((d) => ({ start: at(d, '09:00'), end: at(d, '12:00'), route: 'oral' as const })),
    }];
    expect(codes(proposal(), medicineQuery({ courses: course(null, []) }))).toEqual(['medicine_gates']);
    expect(codes(proposal(), medicineQuery({ courses: course(at('2026-03-04', '00:00'), []) }))).toEqual(['medicine_gates']);
    expect(codes(proposal(), medicineQuery({ courses: course(0, ['2026-02-26']) }))).toEqual(['medicine_interval']);
    const weekly = medicineQuery({ courses: course(0, ['2026-03-06']), policy: testPolicy({ medicineIntervalMinDays: 1 }) });
    expect(codes(proposal(), weekly)).toEqual(['medicine_same_week']);
    const message = violations(proposal(), medicineQuery({ courses: course(0, ['2026-02-26']) }))[0]?.message;
    expect(message).toBe('5 days from the medicine session on 2026-02-26 for patient pat-1; policy asks at least 7');
  });

  it('names an integration session outside the window', () => {
    const integration: AppointmentType = {
      id: 'integration', kind: 'integration', name: 'Integration', durationMinutes: 60,
      staff: [{ anyOf: ['therapist'], fromCareTeam: true }], roomCapability: null,
    };
    const slot: ProposedSlot = { start: at('2026-03-12', '10:00'), end: at('2026-03-12', '11:00'), staff: [{ staffId: 'ther-a' }], roomId: null };
    const query = slotQuery({
      appointmentType: integration,
      range: { from: '2026-03-02', to: '2026-03-20' },
      courses: [{ patientId: 'pat-1', medicineGatesOpenFrom: 0, medicineSessions: [{ start: at('2026-03-03', '09:00'), end: at('2026-03-03', '12:00'), route: 'oral' }] }],
    });
    expect(violations(slot, query)).toEqual([
      { code: 'integration_window', message: 'Integration for patient pat-1 is 9 days after the medicine session on 2026-03-03; policy offers days 1–7' },
    ]);
    expect(codes({ ...slot, start: at('2026-03-05', '10:00'), end: at('2026-03-05', '11:00') }, query)).toEqual([]);
  });

  it('lets a booking being rescheduled overlap its old time', () => {
    const old = booking('2026-03-03', '10:00', '13:00', { staffIds: ['ther-a', 'nurse-a'], roomId: 'dose-1', patientIds: ['pat-1'], before: 15, after: 30 });
    const query = medicineQuery({ bookings: [old] });
    expect(codes(proposal(), query)).toEqual(['staff_busy', 'staff_busy', 'room_busy', 'patient_busy']);
    expect(codes(proposal(), { ...query, reschedulingBookingId: old.id })).toEqual([]);
  });
});
