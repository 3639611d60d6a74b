import { medicineGatesOpenFrom, medicineSessionUnmet, type GateCode, type PatientCourse, type Unmet } from '@lantern/core';
import type { Tx } from '../../platform/db/index.js';
import { loadPolicy } from '../../platform/policy.js';
import { clinicTimeZone, courseSessions, findCourse, loadCourseFacts } from './facts.js';

/**
 * What the scheduling engine (issue #5) reads of the course engine. Both run inside the caller's
 * transaction, check no scope and write no audit fact: the booking service has admitted the caller to
 * the patient already. Query only through `tx` (PGlite has one connection).
 */

/**
 * One patient's course for slot finding: from when medicine sessions may start as far as the
 * non-time gates go (eligibility, preparation, consent, readiness, no open safety flag; null while
 * any is unmet or there is no open course), and the medicine sessions the course engine recorded.
 */
export async function loadPatientCourse(tx: Tx, clinicId: string, patientId: string, now: Date): Promise<PatientCourse> {
  const row = await findCourse(tx, clinicId, patientId);
  if (!row) return { patientId, medicineGatesOpenFrom: null, medicineSessions: [] };
  const [policy, timeZone] = [await loadPolicy(tx, clinicId), await clinicTimeZone(tx, clinicId)];
  const facts = await loadCourseFacts(tx, row, now, timeZone);
  const sessions = (await courseSessions(tx, row.id, row.patientId)).filter((s) => s.kind === 'medicine');
  return {
    patientId,
    medicineGatesOpenFrom: medicineGatesOpenFrom(facts, now.getTime(), policy.policy.course),
    medicineSessions: sessions.map((s) => ({
      start: s.heldAt,
      // A medicine session's record holds its start; the dosing day lasts about two hours (program.md).
      end: s.heldAt + 2 * 60 * 60 * 1000,
      route: s.route ?? 'oral',
      ...(s.appointmentId ? { bookingId: s.appointmentId } : {}),
    })),
  };
}

/**
 * The full gate result (gates 2 and 3) for a medicine session at `at` by `route`: empty when it may go
 * ahead; otherwise every unmet condition with its stable code, for the booking's 409.
 */
export async function medicineGateUnmet(tx: Tx, clinicId: string, patientId: string, at: Date, route: 'oral' | 'im'): Promise<Unmet[]> {
  const row = await findCourse(tx, clinicId, patientId);
  if (!row) return [{ code: 'eligibility' satisfies GateCode, message: 'No course of care is open for this patient' }];
  const [policy, timeZone] = [await loadPolicy(tx, clinicId), await clinicTimeZone(tx, clinicId)];
  const facts = await loadCourseFacts(tx, row, at, timeZone);
  return medicineSessionUnmet(facts, { at: at.getTime(), route }, { policy: policy.policy.course, timeZone });
}
