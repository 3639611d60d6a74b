import { count } from 'drizzle-orm';
import { defaultPolicy, type StaffRole } from '@lantern/core';
import type { Db, Executor } from '../../platform/db/index.js';
import { appUser, careTeamMember, clinic, patient, room } from '../../platform/db/schema/index.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { appendAudit } from '../../platform/audit/chain.js';
import { newId } from '../../platform/ids.js';
import { savePolicyVersion } from '../../platform/policy.js';
import { nextMrn } from '../patients/repo.js';
import { seedConsentDocuments } from '../consent/demo-documents.js';
import { seedPublicPages } from '../public-site/pages-service.js';
import { seedDemoInquiries } from '../intake/demo-inquiries.js';
import { seedDemoSchedule } from '../scheduling/demo-schedule.js';
import { seedDemoCourses } from '../course/demo-courses.js';
import { seedDemoAddresses } from './demo-addresses.js';
import { seedDemoPopulation } from './demo-population.js';
import { seedDemoLedger } from '../ledger/demo-ledger.js';

/** The demo clinic's shared password; printed at start and listed in the README. Demo only. */
export const DEMO_PASSWORD = 'lantern-demo-2026';

export interface DemoAccount {
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly StaffRole[];
}

/** One account per role, plus a medical director who is admin and physician, and a second therapist. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'director@lantern.test', displayName: 'Dr. Imani Okafor', roles: ['admin', 'physician'] },
  { email: 'admin@lantern.test', displayName: 'Rosa Lindqvist', roles: ['admin'] },
  { email: 'physician@lantern.test', displayName: 'Dr. Samuel Reyes', roles: ['physician'] },
  { email: 'nurse@lantern.test', displayName: 'Grace Whitehorse, RN', roles: ['nurse'] },
  { email: 'therapist@lantern.test', displayName: 'Jonah Feld, LMFT', roles: ['therapist'] },
  { email: 'therapist2@lantern.test', displayName: 'Priya Natarajan, LICSW', roles: ['therapist'] },
  { email: 'frontdesk@lantern.test', displayName: 'Ella Johansson', roles: ['front_desk'] },
  { email: 'billing@lantern.test', displayName: 'Marcus Bell', roles: ['billing'] },
  { email: 'auditor@lantern.test', displayName: 'Hannah Sato', roles: ['auditor'] },
];

interface DemoPatient {
  readonly given: string;
  readonly family: string;
  readonly preferred?: string;
  readonly pronouns: string;
  readonly dob: string;
  readonly status: string;
  readonly therapist: 'therapist@lantern.test' | 'therapist2@lantern.test';
}

// Fictional people; any likeness is coincidence.
const DEMO_PATIENTS: readonly DemoPatient[] = [
  { given: 'Avery', family: 'Lindgren', pronouns: 'she/her', dob: '1986-04-12', status: 'active', therapist: 'therapist@lantern.test' },
  { given: 'Theodore', family: 'Banks', preferred: 'Theo', pronouns: 'he/him', dob: '1979-11-03', status: 'active', therapist: 'therapist@lantern.test' },
  { given: 'Marisol', family: 'Quintero', pronouns: 'she/her', dob: '1992-07-28', status: 'evaluation', therapist: 'therapist2@lantern.test' },
  { given: 'Rowan', family: 'Ostrowski', pronouns: 'they/them', dob: '1998-02-14', status: 'active', therapist: 'therapist2@lantern.test' },
  { given: 'Harold', family: 'Nakamura', pronouns: 'he/him', dob: '1957-09-30', status: 'active', therapist: 'therapist@lantern.test' },
  { given: 'Delphine', family: 'Achebe', pronouns: 'she/her', dob: '1971-05-06', status: 'discharged', therapist: 'therapist2@lantern.test' },
];

export async function hasAnyClinic(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(clinic);
  return Number(row?.n ?? 0) > 0;
}

/**
 * Seeds the demo clinic (fictional practice, demo accounts exempt from MFA in demo mode only).
 * Does nothing when a clinic already exists; returns whether it seeded.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<boolean> {
  if (await hasAnyClinic(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    if (await hasAnyClinic(tx)) return;
    const clinicId = newId();
    await tx.insert(clinic).values({
      id: clinicId,
      name: 'Prairie Light Healing Collective',
      addressLine1: '418 Lantern Way, Suite 200',
      city: 'Minneapolis',
      state: 'MN',
      postalCode: '55401',
      phone: '612-555-0142',
      timeZone: 'America/Chicago',
      isDemo: true,
      createdAt: now,
    });
    await savePolicyVersion(tx, { clinicId, policy: defaultPolicy(), note: 'Demo clinic baseline', createdBy: null });
    await seedConsentDocuments(tx, { clinicId, now });
    await seedPublicPages(tx, clinicId, now);
    await seedDemoInquiries(tx, { clinicId, now, timeZone: 'America/Chicago' });
    await tx.insert(room).values([
      { id: newId(), clinicId, name: 'Aspen (dosing)', kind: 'dosing', capabilities: ['dosing', 'recliner', 'monitor', 'oxygen'], capacity: 1 },
      { id: newId(), clinicId, name: 'Birch (dosing)', kind: 'dosing', capabilities: ['dosing', 'recliner', 'monitor', 'oxygen'], capacity: 1 },
      { id: newId(), clinicId, name: 'Cedar (therapy)', kind: 'therapy', capabilities: ['therapy'], capacity: 4 },
      { id: newId(), clinicId, name: 'Willow (therapy)', kind: 'therapy', capabilities: ['therapy', 'group'], capacity: 8 },
    ]);
    const userIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const id = newId();
      userIds.set(account.email, id);
      await tx.insert(appUser).values({
        id,
        clinicId,
        kind: 'staff',
        email: account.email,
        displayName: account.displayName,
        passwordHash,
        roles: [...account.roles],
        mfaExempt: true,
        isDemo: true,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (const person of DEMO_PATIENTS) {
      const patientId = newId();
      await tx.insert(patient).values({
        id: patientId,
        clinicId,
        mrn: await nextMrn(tx),
        legalGivenName: person.given,
        legalFamilyName: person.family,
        preferredName: person.preferred ?? null,
        pronouns: person.pronouns,
        dateOfBirth: person.dob,
        status: person.status,
        createdAt: now,
        updatedAt: now,
      });
      const team = [
        { userId: userIds.get(person.therapist), role: 'therapist' },
        { userId: userIds.get('physician@lantern.test'), role: 'physician' },
        { userId: userIds.get('nurse@lantern.test'), role: 'nurse' },
      ];
      for (const member of team) {
        if (member.userId) await tx.insert(careTeamMember).values({ patientId, userId: member.userId, role: member.role, addedAt: now });
      }
    }
    await seedDemoSchedule(tx, { clinicId, now, timeZone: 'America/Chicago' });
    await appendAudit(tx, {
      at: now,
      clinicId,
      userId: null,
      userRoles: 'system',
      action: 'execute',
      outcome: 'success',
      resourceType: 'Clinic',
      resourceId: clinicId,
      detail: { seed: 'demo', accounts: DEMO_ACCOUNTS.length, patients: DEMO_PATIENTS.length },
    });
  });
  await seedDemoCourses(db, now);
  await seedDemoPopulation(db, now);
  // Last of the charts: every person the seed made has a postal address (the dispensing log names it).
  await seedDemoAddresses(db);
  await seedDemoLedger(db, now);
  return true;
}
