import type { FastifyInstance } from 'fastify';
import { defaultPolicy } from '@lantern/core';
import type { Db } from '../packages/server/src/platform/db/index.js';
import { appUser, careTeamMember, clinic, patient } from '../packages/server/src/platform/db/schema/index.js';
import { hashPassword } from '../packages/server/src/platform/auth/passwords.js';
import { newId } from '../packages/server/src/platform/ids.js';
import { savePolicyVersion } from '../packages/server/src/platform/policy.js';
import { nextMrn } from '../packages/server/src/features/patients/repo.js';

/** What the read-path bench reads: one patient, and a therapist on that patient's care team. */
export interface ReadPathFixture {
  readonly clinicId: string;
  readonly patientId: string;
  readonly therapist: { readonly email: string; readonly password: string };
}

const PASSWORD = 'bench-therapist-passphrase';

/**
 * A clinic with its policy, a therapist exempt from MFA (so a password sign-in gives a full
 * session, as for the test factories' staff), and a patient with that therapist on the care team.
 */
export async function seedReadPath(db: Db): Promise<ReadPathFixture> {
  const clinicId = newId();
  const therapistId = newId();
  const patientId = newId();
  const email = `therapist-${therapistId.slice(-8)}@bench.test`;
  await db.insert(clinic).values({ id: clinicId, name: 'Bench Clinic', addressLine1: '1 Bench St', city: 'Saint Paul', state: 'MN', postalCode: '55101' });
  await savePolicyVersion(db, { clinicId, policy: defaultPolicy(), note: 'bench', createdBy: null });
  await db.insert(appUser).values({
    id: therapistId,
    clinicId,
    kind: 'staff',
    email,
    displayName: 'Bench Therapist, LMFT',
    passwordHash: await hashPassword(PASSWORD),
    roles: ['therapist'],
    mfaExempt: true,
  });
  await db.insert(patient).values({
    id: patientId,
    clinicId,
    mrn: await nextMrn(db),
    legalGivenName: 'Bench',
    legalFamilyName: 'Patient',
    dateOfBirth: '1985-06-15',
    status: 'active',
  });
  await db.insert(careTeamMember).values({ patientId, userId: therapistId, role: 'therapist' });
  return { clinicId, patientId, therapist: { email, password: PASSWORD } };
}

/** Signs in through the real route and returns the Cookie header value for later requests. */
export async function signIn(app: FastifyInstance, credentials: { readonly email: string; readonly password: string }): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
  const cookie = response.cookies.find((c) => c.name.endsWith('lantern_session'));
  if (response.statusCode !== 200 || !cookie) throw new Error(`bench sign-in failed: ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}
