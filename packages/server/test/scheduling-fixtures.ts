import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import type { AppointmentKind, AppointmentView, PatientCourse, StaffRole, Unmet } from '@lantern/core';
import { clinicSchedule, room, staffAvailability } from '../src/platform/db/schema/index.js';
import { newId } from '../src/platform/ids.js';
import { seedAppointmentTypes } from '../src/features/scheduling/default-types.js';
import { replaceCourseSourceForTests } from '../src/features/scheduling/course-state.js';
import { Agent, later, laterTestApp, testApp, type TestApp } from './harness.js';
import { makeClinic, makePatient, makeStaff, type TestStaff } from './factories.js';

/** Monday 30 November 2026, 08:00 in Chicago: the scheduling tests' "now". */
export const MONDAY_8AM = new Date('2026-11-30T14:00:00.000Z');
/** The next day, a Tuesday, when the tests book. */
export const TUESDAY = '2026-12-01';

export type SchedulingRole = 'therapist' | 'otherTherapist' | 'physician' | 'nurse' | 'frontDesk' | 'admin' | 'billing';
const CAST: Record<SchedulingRole, readonly StaffRole[]> = {
  therapist: ['therapist'],
  otherTherapist: ['therapist'],
  physician: ['physician'],
  nurse: ['nurse'],
  frontDesk: ['front_desk'],
  admin: ['admin'],
  billing: ['billing'],
};

/** A clinic open Monday–Saturday 08:00–18:00 with two dosing rooms, a therapy room and a group room. */
export interface SchedulingClinic {
  readonly clinicId: string;
  readonly staff: Record<SchedulingRole, TestStaff>;
  readonly as: Record<SchedulingRole, Agent>;
  readonly rooms: { readonly dosingA: string; readonly dosingB: string; readonly therapy: string; readonly group: string };
  readonly types: Map<AppointmentKind, string>;
  /** A patient whose care team is the therapist, the physician and the nurse. */
  patient(family?: string): Promise<string>;
}

const WEEKDAYS_8_TO_6 = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));

export async function schedulingClinic(t: TestApp): Promise<SchedulingClinic> {
  t.clock.set(MONDAY_8AM);
  const db = t.database.db;
  const clinic = await makeClinic(db);
  const staff = {} as Record<SchedulingRole, TestStaff>;
  const as = {} as Record<SchedulingRole, Agent>;
  for (const [role, roles] of Object.entries(CAST) as [SchedulingRole, readonly StaffRole[]][]) {
    staff[role] = await makeStaff(db, { clinicId: clinic.id, roles, name: `${role} ${Math.random().toString(36).slice(2, 6)}` });
    const agent = new Agent(t.app);
    expect((await agent.login(staff[role].email, staff[role].password)).statusCode).toBe(200);
    as[role] = agent;
  }
  const rooms = { dosingA: newId(), dosingB: newId(), therapy: newId(), group: newId() };
  await db.insert(room).values([
    { id: rooms.dosingA, clinicId: clinic.id, name: 'Aspen', kind: 'dosing', capabilities: ['dosing', 'recliner', 'oxygen'], capacity: 1 },
    { id: rooms.dosingB, clinicId: clinic.id, name: 'Birch', kind: 'dosing', capabilities: ['dosing'], capacity: 1 },
    { id: rooms.therapy, clinicId: clinic.id, name: 'Cedar', kind: 'therapy', capabilities: ['therapy'], capacity: 2 },
    { id: rooms.group, clinicId: clinic.id, name: 'Willow', kind: 'group', capabilities: ['group', 'therapy'], capacity: 10 },
  ]);
  await db.insert(clinicSchedule).values({ clinicId: clinic.id, weekly: WEEKDAYS_8_TO_6, overrides: [], holidays: ['2026-12-25'], updatedAt: MONDAY_8AM });
  for (const role of ['therapist', 'otherTherapist', 'physician', 'nurse'] as const) {
    await db.insert(staffAvailability).values({ userId: staff[role].id, clinicId: clinic.id, weekly: WEEKDAYS_8_TO_6, overrides: [], updatedAt: MONDAY_8AM });
  }
  const types = await seedAppointmentTypes(db, clinic.id, MONDAY_8AM);
  return {
    clinicId: clinic.id,
    staff,
    as,
    rooms,
    types,
    async patient(family) {
      const made = await makePatient(db, {
        clinicId: clinic.id,
        ...(family ? { family } : {}),
        careTeam: [
          { userId: staff.therapist.id, role: 'therapist' },
          { userId: staff.physician.id, role: 'physician' },
          { userId: staff.nurse.id, role: 'nurse' },
        ],
      });
      return made.id;
    },
  };
}

/**
 * A test file's app and scheduling clinic: opened before its tests, closed after them. Call it once
 * at the top of the file (`const { t, c } = schedulingSuite();`); `t` and `c` read what beforeAll
 * opened, so use them inside tests and hooks.
 */
export function schedulingSuite(): { readonly t: TestApp; readonly c: SchedulingClinic } {
  let app: TestApp | undefined;
  let clinic: SchedulingClinic | undefined;
  beforeAll(async () => {
    app = await testApp();
    clinic = await schedulingClinic(app);
  });
  afterAll(async () => app?.close());
  return { t: laterTestApp(() => app), c: later('scheduling clinic', () => clinic, { clinicId: true, staff: true, as: true, rooms: true, types: true, patient: true }) };
}

/**
 * Stands in for the course engine until the current test finishes: the listed patients have every
 * medicine gate met, the others are not yet eligible.
 */
export function gatesOpenFor(patientIds: Iterable<string>): void {
  const open = new Set(patientIds);
  const unmet: Unmet[] = [{ code: 'eligibility', message: 'Evaluation in progress: no eligibility decision yet' }];
  const restore = replaceCourseSourceForTests({
    loadPatientCourse: (_tx, _clinic, patientId): Promise<PatientCourse> =>
      Promise.resolve({ patientId, medicineGatesOpenFrom: open.has(patientId) ? 0 : null, medicineSessions: [] }),
    medicineGateUnmet: (_tx, _clinic, patientId) => Promise.resolve(open.has(patientId) ? [] : unmet),
  });
  onTestFinished(restore);
}

/** A booking body at a clinic-local start, one patient, the seats as given. */
export function bookingOf(c: SchedulingClinic, input: { kind: AppointmentKind; patientIds: string[]; date?: string; time: string; staffIds: string[]; roomId: string | null }): Record<string, unknown> {
  return {
    appointmentTypeId: c.types.get(input.kind),
    patientIds: input.patientIds,
    start: { date: input.date ?? TUESDAY, time: input.time },
    staffIds: input.staffIds,
    roomId: input.roomId,
  };
}

/** Moves the clock and signs everyone in again (a jump of hours passes the idle timeout). */
export async function atTime(t: TestApp, c: SchedulingClinic, at: Date): Promise<void> {
  t.clock.set(at);
  for (const role of Object.keys(c.as) as SchedulingRole[]) {
    expect((await c.as[role].login(c.staff[role].email, c.staff[role].password)).statusCode).toBe(200);
  }
}

/** Books through the API and expects success. */
export async function booked(agent: Agent, body: Record<string, unknown>): Promise<AppointmentView[]> {
  const response = await agent.post('/api/appointments', body);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { appointments: AppointmentView[] }).appointments;
}
