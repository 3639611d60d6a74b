/**
 * The booking-race benchmark (issue #5): 100 concurrent HTTP requests to book the same therapist and
 * room at the same time, each for a different patient, against the real server on PostgreSQL.
 * Exactly one may succeed; the other 99 must get 409; the database must then hold one booking.
 *
 * PostgreSQL comes from BENCH_DATABASE_URL or DATABASE_URL (a server that allows CREATE DATABASE),
 * else the local development server. Prints one JSON object on stdout; progress goes to stderr.
 */
import { and, count, eq, ne } from 'drizzle-orm';
import { dateOfDay, dayNumber, defaultPolicy, instantToLocal } from '@lantern/core';
import { buildApp } from '../packages/server/src/app.js';
import { depsFor } from '../packages/server/src/platform/bootstrap.js';
import { hashPassword } from '../packages/server/src/platform/auth/passwords.js';
import { appointment, appUser, careTeamMember, clinic, clinicSchedule, patient, room, staffAvailability } from '../packages/server/src/platform/db/schema/index.js';
import type { Db } from '../packages/server/src/platform/db/index.js';
import { newId } from '../packages/server/src/platform/ids.js';
import { savePolicyVersion } from '../packages/server/src/platform/policy.js';
import { nextMrn } from '../packages/server/src/features/patients/repo.js';
import { seedAppointmentTypes } from '../packages/server/src/features/scheduling/default-types.js';
import { baseUrl } from './bare.js';
import { postgresDatabase } from './engines.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const ZONE = 'America/Chicago';
const PASSWORD = 'bench-front-desk-passphrase';
const EVERY_DAY = Object.fromEntries(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

interface RaceFixture {
  readonly frontDesk: { readonly email: string; readonly password: string };
  readonly therapistId: string;
  readonly roomId: string;
  readonly preparationTypeId: string;
  readonly patientIds: readonly string[];
}

/** A clinic open every day 08:00–18:00, one therapist, one therapy room, and `patients` patients on the therapist's care team. */
async function seedRace(db: Db, patients: number): Promise<RaceFixture> {
  const now = new Date();
  const clinicId = newId();
  await db.insert(clinic).values({ id: clinicId, name: 'Race Clinic', addressLine1: '1 Bench St', city: 'Saint Paul', state: 'MN', postalCode: '55101', timeZone: ZONE });
  await savePolicyVersion(db, { clinicId, policy: defaultPolicy(), note: 'bench', createdBy: null });
  await db.insert(clinicSchedule).values({ clinicId, weekly: EVERY_DAY, overrides: [], holidays: [], updatedAt: now });
  const therapistId = newId();
  const frontDeskId = newId();
  const email = `front-desk-${frontDeskId.slice(-8)}@bench.test`;
  const passwordHash = await hashPassword(PASSWORD);
  await db.insert(appUser).values([
    { id: therapistId, clinicId, kind: 'staff', email: `therapist-${therapistId.slice(-8)}@bench.test`, displayName: 'Race Therapist', passwordHash, roles: ['therapist'], mfaExempt: true },
    { id: frontDeskId, clinicId, kind: 'staff', email, displayName: 'Race Front Desk', passwordHash, roles: ['front_desk'], mfaExempt: true },
  ]);
  await db.insert(staffAvailability).values({ userId: therapistId, clinicId, weekly: EVERY_DAY, overrides: [], updatedAt: now });
  const roomId = newId();
  await db.insert(room).values({ id: roomId, clinicId, name: 'Cedar', kind: 'therapy', capabilities: ['therapy'], capacity: 1 });
  const types = await seedAppointmentTypes(db, clinicId, now);
  const patientIds: string[] = [];
  for (let i = 0; i < patients; i++) {
    const id = newId();
    await db.insert(patient).values({ id, clinicId, mrn: await nextMrn(db), legalGivenName: 'Race', legalFamilyName: `Patient${i}`, dateOfBirth: '1985-06-15', status: 'active' });
    await db.insert(careTeamMember).values({ patientId: id, userId: therapistId, role: 'therapist' });
    patientIds.push(id);
  }
  return { frontDesk: { email, password: PASSWORD }, therapistId, roomId, preparationTypeId: types.get('preparation') as string, patientIds };
}

async function main(): Promise<void> {
  console.log = console.error;
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://lantern:lantern@127.0.0.1:5432/postgres';
  log(`postgres: a fresh database on ${new URL(serverUrl).host}`);
  const bench = await postgresDatabase(serverUrl);
  try {
    const fixture = await seedRace(bench.database.db, REQUESTS);
    const app = await buildApp(depsFor(bench.config, bench.database));
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const origin = baseUrl(app);
      const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fixture.frontDesk) });
      if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      // Three days ahead at 10:00 clinic time: well inside the notice period and the horizon.
      const date = dateOfDay(dayNumber(instantToLocal(Date.now(), ZONE).date) + 3);
      const body = (patientId: string): string =>
        JSON.stringify({ appointmentTypeId: fixture.preparationTypeId, patientIds: [patientId], start: { date, time: '10:00' }, staffIds: [fixture.therapistId], roomId: fixture.roomId });
      log(`${REQUESTS} concurrent POST /api/appointments for ${date} 10:00`);
      const started = performance.now();
      const statuses = await Promise.all(
        fixture.patientIds.map(async (patientId) => {
          const response = await fetch(`${origin}/api/appointments`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: body(patientId) });
          await response.arrayBuffer();
          return response.status;
        }),
      );
      const elapsedMs = Math.round(performance.now() - started);
      const [after] = await bench.database.db
        .select({ n: count() })
        .from(appointment)
        .where(and(eq(appointment.roomId, fixture.roomId), ne(appointment.status, 'cancelled')));
      const result = {
        requests: statuses.length,
        succeeded: statuses.filter((s) => s === 201).length,
        conflicts: statuses.filter((s) => s === 409).length,
        other: statuses.filter((s) => s !== 201 && s !== 409).length,
        bookings_after: Number(after?.n ?? 0),
        engine: bench.engine,
        elapsed_ms: elapsedMs,
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (result.succeeded !== 1 || result.conflicts !== statuses.length - 1 || result.bookings_after !== 1) process.exitCode = 1;
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
