import { totpNow } from '../src/platform/auth/totp.js';
import { Agent, type TestApp } from './harness.js';
import { makeClinic, makeStaff, type TestStaff } from './factories.js';

/** The people the ledger's route tests sign in as: who records, who witnesses or co-counts, and who must be refused. */
export interface LedgerCast {
  readonly clinicId: string;
  readonly nurseStaff: TestStaff;
  readonly physicianStaff: TestStaff;
  /** A second licensed person (nurse, MFA enrolled): witness, second counter. */
  readonly second: TestStaff;
  readonly nurse: Agent;
  readonly physician: Agent;
  readonly auditor: Agent;
  readonly therapist: Agent;
}

/** The current TOTP code of `staff`; the clock moves on a step first, since a code is good once. */
export async function freshCode(t: TestApp, staff: TestStaff): Promise<string> {
  t.clock.advanceMinutes(1);
  return totpNow(staff.totpSecret ?? '', t.clock());
}

/** A clinic with a nurse, a physician (MFA), a second nurse (MFA), an auditor and a therapist, all signed in. */
export async function ledgerCast(t: TestApp): Promise<LedgerCast> {
  const clinic = await makeClinic(t.database.db);
  const nurseStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'], name: 'Nora Nurse' });
  const physicianStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['physician'], mfa: 'enrolled', name: 'Dr Pia Physician' });
  const second = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'], mfa: 'enrolled', name: 'Sam Second' });
  const nurse = new Agent(t.app);
  await nurse.login(nurseStaff.email, nurseStaff.password);
  const physician = new Agent(t.app);
  await physician.login(physicianStaff.email, physicianStaff.password, { totp: await freshCode(t, physicianStaff) });
  const auditor = new Agent(t.app);
  const auditorStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['auditor'] });
  await auditor.login(auditorStaff.email, auditorStaff.password);
  const therapist = new Agent(t.app);
  const therapistStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'] });
  await therapist.login(therapistStaff.email, therapistStaff.password);
  return { clinicId: clinic.id, nurseStaff, physicianStaff, second, nurse, physician, auditor, therapist };
}
