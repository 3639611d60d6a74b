import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { defaultAppointmentTypes } from './appointment-types.js';
import { planCourse, type CoursePlanRequest, type ProposedAppointment } from './course-planner.js';
import { dayNumber } from './local-time.js';
import type { ExistingBooking } from './query.js';
import { at, booking, slotQuery } from './testing.js';
import { violations } from './violations.js';

const types = defaultAppointmentTypes();
const planTypes = {
  preparation: types.preparation,
  medicineOral: types.medicine_oral,
  medicineIm: types.medicine_im,
  integration: types.integration,
};
const request = (overrides: Partial<CoursePlanRequest> = {}): CoursePlanRequest => {
  const { appointmentType: _type, range: _range, ...base } = slotQuery();
  return {
    base,
    until: '2026-06-30',
    types: planTypes,
    remaining: { preparation: 3, medicine: ['oral', 'im'], integrationsPerMedicine: 2 },
    ...overrides,
  };
};
const summary = (p: ProposedAppointment): string => `${p.step}${p.route ? `:${p.route}` : ''} ${p.slot.localDate} ${p.slot.localTime}`;
const asBooking = (p: ProposedAppointment, i: number): ExistingBooking => {
  const type = Object.values(types).find((t) => t.id === p.appointmentTypeId)!;
  return {
    id: `proposal-${i}`, start: p.slot.start, end: p.slot.end, staffIds: p.slot.staff.map((s) => s.staffId),
    roomId: p.slot.roomId, patientIds: ['pat-1'],
    bufferBeforeMinutes: type.bufferBeforeMinutes ?? 0, bufferAfterMinutes: type.bufferAfterMinutes ?? 0,
  };
};

describe('planning the rest of a course', () => {
  it('proposes weekly preparation, oral then IM medicine, each followed by integration', () => {
    const plan = planCourse(request());
    expect(plan.unplaced).toEqual([]);
    expect(plan.proposals.map(summary)).toEqual([
      'preparation 2026-03-02 08:00',
      'preparation 2026-03-09 08:00',
      'preparation 2026-03-16 08:00',
      'medicine:oral 2026-03-17 08:15',
      'integration 2026-03-18 08:00',
      'integration 2026-03-19 08:00',
      'medicine:im 2026-03-24 08:15',
      'integration 2026-03-25 08:00',
      'integration 2026-03-26 08:00',
    ]);
    expect(plan.proposals[3]?.slot.staff.map((s) => s.staffId)).toEqual(['ther-a', 'nurse-a']);
  });

  it('keeps the policy interval between medicine sessions and the window for integration', () => {
    const { base } = request();
    const plan = planCourse(request({ base: { ...base, policy: { ...base.policy, medicineIntervalMinDays: 14 } } }));
    const days = plan.proposals.map((p) => [p.step, dayNumber(p.slot.localDate)] as const);
    const medicine = days.filter(([step]) => step === 'medicine').map(([, day]) => day);
    expect(medicine[1]! - medicine[0]!).toBeGreaterThanOrEqual(14);
    let lastMedicine = -1;
    for (const [step, day] of days) {
      if (step === 'medicine') lastMedicine = day;
      if (step === 'integration') expect(day - lastMedicine).toBeGreaterThanOrEqual(1);
      if (step === 'integration') expect(day - lastMedicine).toBeLessThanOrEqual(7);
    }
  });

  it('proposes appointments that each revalidate cleanly, with the earlier proposals booked', () => {
    const req = request({
      base: {
        ...request().base,
        bookings: [booking('2026-03-17', '08:00', '18:00', { staffIds: ['nurse-a'] })],
      },
    });
    const plan = planCourse(req);
    expect(plan.unplaced).toEqual([]);
    const typeOf = (id: string) => Object.values(types).find((t) => t.id === id)!;
    plan.proposals.forEach((proposal, i) => {
      const booked = [...req.base.bookings, ...plan.proposals.slice(0, i).map(asBooking)];
      const medicineSessions = plan.proposals
        .slice(0, i)
        .filter((p) => p.step === 'medicine')
        .map((p) => ({ start: p.slot.start, end: p.slot.end, route: p.route ?? 'oral' }));
      const query = {
        ...req.base,
        bookings: booked,
        courses: [{ patientId: 'pat-1', medicineGatesOpenFrom: req.base.courses[0]!.medicineGatesOpenFrom, medicineSessions }],
        appointmentType: typeOf(proposal.appointmentTypeId),
        range: { from: '2026-03-02', to: req.until },
      };
      expect(violations(proposal.slot, query)).toEqual([]);
    });
    // The nurse was busy on the 17th, so the physician monitors the oral session.
    expect(plan.proposals[3]?.slot.staff[1]?.staffId).toBe('phys-a');
  });

  it('stops with the reason when the medicine gates are unmet, keeping the preparation it placed', () => {
    const { base } = request();
    const plan = planCourse(request({ base: { ...base, courses: [{ patientId: 'pat-1', medicineGatesOpenFrom: null, medicineSessions: [] }] } }));
    expect(plan.proposals.map((p) => p.step)).toEqual(['preparation', 'preparation', 'preparation']);
    expect(plan.unplaced).toEqual([
      { code: 'medicine_gates', message: 'The medicine-session gates are not yet met, so no medicine session can be planned' },
    ]);
  });

  it('stops with the reason when no slot is left before the end date', () => {
    const plan = planCourse(request({ until: '2026-03-10' }));
    expect(plan.proposals.map((p) => p.step)).toEqual(['preparation', 'preparation']);
    expect(plan.unplaced[0]?.code).toBe('no_slot');
  });

  it('refuses an IM session before any oral one unless the physician overrides', () => {
    const imFirst = request({ remaining: { preparation: 0, medicine: ['im'], integrationsPerMedicine: 1 } });
    expect(() => planCourse(imFirst)).toThrow(ValidationError);
    expect(planCourse({ ...imFirst, imFirstOverride: true }).proposals.map(summary)).toEqual([
      'medicine:im 2026-03-02 08:15',
      'integration 2026-03-03 08:00',
    ]);
    const { base } = request();
    const afterOral = {
      ...imFirst,
      base: { ...base, courses: [{ patientId: 'pat-1', medicineGatesOpenFrom: 0, medicineSessions: [{ start: at('2026-02-20', '09:00'), end: at('2026-02-20', '12:00'), route: 'oral' as const }] }] },
    };
    expect(planCourse(afterOral).unplaced).toEqual([]);
  });

  it('plans one patient at a time', () => {
    const { base } = request();
    expect(() => planCourse(request({ base: { ...base, patientIds: ['pat-1', 'pat-2'] } }))).toThrow(/one patient/);
  });
});
