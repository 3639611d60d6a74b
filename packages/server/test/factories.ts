import { randomBytes } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { StaffRole } from '@lantern/core';
import type { Db } from '../src/platform/db/index.js';
import { appUser, auditEvent, careTeamMember, clinic, patient } from '../src/platform/db/schema/index.js';
import { hashPassword } from '../src/platform/auth/passwords.js';
import { encryptSecret } from '../src/platform/crypto.js';
import { newTotpSecret } from '../src/platform/auth/totp.js';
import { newId } from '../src/platform/ids.js';
import { nextMrn } from '../src/features/patients/repo.js';
import { sealPendingAudit } from '../src/platform/audit/chain.js';
import { testConfig } from './harness.js';

export const PASSWORD = 'correct horse battery staple';
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let hashed = hashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    hashes.set(password, hashed);
  }
  return hashed;
}

function unique(): string {
  return randomBytes(4).toString('hex');
}

export interface TestClinic {
  readonly id: string;
}

export async function makeClinic(db: Db, name = `Test Clinic ${unique()}`): Promise<TestClinic> {
  const id = newId();
  await db.insert(clinic).values({ id, name, addressLine1: '1 Test St', city: 'Saint Paul', state: 'MN', postalCode: '55101', timeZone: 'America/Chicago' });
  return { id };
}

export interface TestStaff {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  /** The TOTP secret, when the member is enrolled in MFA. */
  readonly totpSecret: string | null;
  readonly roles: readonly StaffRole[];
}

/**
 * A staff member. By default exempt from MFA (like demo accounts) so tests sign in with a password;
 * pass `mfa: 'enrolled'` for a TOTP account or `mfa: 'required'` for one that must still enrol.
 */
export async function makeStaff(
  db: Db,
  input: { clinicId: string; roles: readonly StaffRole[]; mfa?: 'exempt' | 'enrolled' | 'required'; active?: boolean; name?: string },
): Promise<TestStaff> {
  const id = newId();
  const email = `${input.roles.join('-')}-${unique()}@clinic.test`;
  const mfa = input.mfa ?? 'exempt';
  const totpSecret = mfa === 'enrolled' ? newTotpSecret() : null;
  await db.insert(appUser).values({
    id,
    clinicId: input.clinicId,
    kind: 'staff',
    email,
    displayName: input.name ?? `Staff ${unique()}`,
    passwordHash: await cachedHash(PASSWORD),
    roles: [...input.roles],
    active: input.active ?? true,
    mfaExempt: mfa === 'exempt',
    mfaSecret: totpSecret ? encryptSecret(totpSecret, testConfig().secretKey) : null,
    mfaEnabledAt: totpSecret ? new Date('2026-01-01T00:00:00Z') : null,
  });
  return { id, email, password: PASSWORD, totpSecret, roles: input.roles };
}

export interface TestPatient {
  readonly id: string;
  readonly mrn: string;
}

export async function makePatient(
  db: Db,
  input: { clinicId: string; careTeam?: readonly { userId: string; role: 'therapist' | 'physician' | 'nurse' }[]; status?: string; family?: string },
): Promise<TestPatient> {
  const id = newId();
  const mrn = await nextMrn(db);
  await db.insert(patient).values({
    id,
    clinicId: input.clinicId,
    mrn,
    legalGivenName: 'Test',
    legalFamilyName: input.family ?? `Patient${unique()}`,
    dateOfBirth: '1985-06-15',
    status: input.status ?? 'active',
  });
  for (const member of input.careTeam ?? []) {
    await db.insert(careTeamMember).values({ patientId: id, userId: member.userId, role: member.role });
  }
  return { id, mrn };
}

/**
 * The highest audit sequence number now, after sealing what is pending (the server seals in
 * batches a moment after commit); read the events after it with `auditSince`.
 */
export async function auditMark(db: Db): Promise<number> {
  await sealPendingAudit(db);
  const [row] = await db.select({ seq: sql<string>`coalesce(max(${auditEvent.seq}), 0)` }).from(auditEvent);
  return Number(row?.seq ?? 0);
}

export async function auditSince(db: Db, mark: number): Promise<(typeof auditEvent.$inferSelect)[]> {
  await sealPendingAudit(db);
  return db.select().from(auditEvent).where(gt(auditEvent.seq, mark)).orderBy(asc(auditEvent.seq));
}

export async function userRow(db: Db, id: string): Promise<typeof appUser.$inferSelect> {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
  if (!row) throw new Error(`no user ${id}`);
  return row;
}
