import type { MedicineRoute, PatientCourse, Unmet } from '@lantern/core';
import type { Tx } from '../../platform/db/index.js';
import { loadPatientCourse, medicineGateUnmet } from '../course/scheduling-port.js';
import { medicineAppointmentsOf } from './appointments-repo.js';

/** What scheduling reads of the course engine (issue #4's scheduling port). */
export interface CourseSource {
  loadPatientCourse(tx: Tx, clinicId: string, patientId: string, now: Date): Promise<PatientCourse>;
  medicineGateUnmet(tx: Tx, clinicId: string, patientId: string, at: Date, route: MedicineRoute): Promise<Unmet[]>;
}

const port: CourseSource = { loadPatientCourse, medicineGateUnmet };
let source: CourseSource = port;

/**
 * Replaces the course engine for tests that need a patient whose gates are open without walking a
 * whole course; returns the function that puts the real one back.
 */
export function replaceCourseSourceForTests(replacement: CourseSource): () => void {
  source = replacement;
  return () => {
    source = port;
  };
}

/** The medicine-session gates for `patientId` at `at`: empty when a session may be booked. */
export function medicineUnmet(tx: Tx, clinicId: string, patientId: string, at: Date, route: MedicineRoute): Promise<Unmet[]> {
  return source.medicineGateUnmet(tx, clinicId, patientId, at, route);
}

/**
 * One patient's course for the slot finder: the course engine's gates and recorded sessions, with
 * the medicine sessions booked here (not cancelled) merged in, so intervals count future bookings too.
 */
export async function patientCourse(tx: Tx, clinicId: string, patientId: string, now: Date): Promise<PatientCourse> {
  const course = await source.loadPatientCourse(tx, clinicId, patientId, now);
  const booked = await medicineAppointmentsOf(tx, patientId);
  const known = new Set(course.medicineSessions.flatMap((s) => (s.bookingId ? [s.bookingId] : [])));
  return {
    ...course,
    medicineSessions: [
      ...course.medicineSessions,
      ...booked
        .filter((b) => !known.has(b.id))
        .map((b) => ({ start: b.start.getTime(), end: b.end.getTime(), route: (b.kind === 'medicine_im' ? 'im' : 'oral') as MedicineRoute, bookingId: b.id })),
    ],
  };
}
