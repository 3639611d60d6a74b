import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defaultPolicy, email, passwordProblems, text, uuid, type SecurityPolicy } from '@lantern/core';
import type { Db } from '../platform/db/index.js';
import { appUser, clinic } from '../platform/db/schema/index.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { appendAudit } from '../platform/audit/chain.js';
import { newId } from '../platform/ids.js';
import { loadPolicy, savePolicyVersion } from '../platform/policy.js';
import { CliError, EXIT, say, type CliIo, type ExitCode } from './io.js';
import { passwordSource, readPassword } from './password-input.js';
import { cliConfig, describeTarget, withTarget } from './target.js';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The command's options, as commander hands them over (camel-cased flags). */
export const createAdminOptions = z.object({
  email,
  name: text(200).min(1, 'give the administrator a name'),
  passwordStdin: z.boolean().default(false),
  clinicId: uuid.optional(),
  clinicName: text(200).min(1).optional(),
  address: text(200).min(1).optional(),
  city: text(100).min(1).optional(),
  state: text(50).min(1).optional(),
  postalCode: text(20).min(1).optional(),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone (e.g. America/Chicago)').default('America/Chicago'),
});
export type CreateAdminOptions = z.infer<typeof createAdminOptions>;

/** The flag each clinic field comes from, for messages. */
const CLINIC_FLAGS = { clinicName: '--clinic-name', address: '--address', city: '--city', state: '--state', postalCode: '--postal-code' } as const;

type NewClinic = { readonly name: string; readonly address: string; readonly city: string; readonly state: string; readonly postalCode: string; readonly timeZone: string };
type ClinicChoice = { readonly kind: 'existing'; readonly id: string; readonly name: string } | { readonly kind: 'new'; readonly clinic: NewClinic };

/** The clinic the admin joins: the given or only one, or a new one when there is none. */
async function chooseClinic(db: Db, options: CreateAdminOptions): Promise<ClinicChoice> {
  const clinics = await db.select({ id: clinic.id, name: clinic.name }).from(clinic).orderBy(asc(clinic.createdAt));
  if (options.clinicId) {
    const found = clinics.find((c) => c.id === options.clinicId);
    if (!found) throw new CliError(`No clinic with id ${options.clinicId}.`, EXIT.usage);
    return { kind: 'existing', ...found };
  }
  const [only, ...others] = clinics;
  if (only && others.length > 0) {
    throw new CliError(`This database holds ${clinics.length} clinics; choose one with --clinic-id (${clinics.map((c) => `${c.id} ${c.name}`).join('; ')}).`, EXIT.usage);
  }
  if (only) return { kind: 'existing', ...only };
  const { clinicName, address, city, state, postalCode, timeZone } = options;
  if (!clinicName || !address || !city || !state || !postalCode) {
    const missing = Object.entries(CLINIC_FLAGS).filter(([key]) => !options[key as keyof typeof CLINIC_FLAGS]).map(([, flag]) => flag);
    throw new CliError(`The database has no clinic yet, so create-admin creates it: also give ${missing.join(', ')} (and --time-zone if not America/Chicago).`, EXIT.usage);
  }
  return { kind: 'new', clinic: { name: clinicName, address, city, state, postalCode, timeZone } };
}

async function emailTaken(db: Db, address: string): Promise<boolean> {
  const [row] = await db.select({ id: appUser.id }).from(appUser).where(sql`lower(${appUser.email}) = ${address.toLowerCase()}`).limit(1);
  return row !== undefined;
}

function parseOptions(raw: unknown): CreateAdminOptions {
  const parsed = createAdminOptions.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  --${String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`);
  throw new CliError(`create-admin: invalid options\n${lines.join('\n')}`, EXIT.usage);
}

/**
 * `lantern create-admin`: the first administrator of a production install (and the clinic, when
 * none exists). The account is not MFA-exempt, so its first sign-in leads straight to enrolment.
 */
export async function createAdminCommand(io: CliIo, raw: unknown): Promise<ExitCode> {
  const options = parseOptions(raw);
  const source = passwordSource(io, options.passwordStdin);
  const config = cliConfig(io);
  await withTarget(config, { purpose: 'lantern create-admin', mustExist: false, migrate: true }, async (database) => {
    const { db } = database;
    const choice = await chooseClinic(db, options);
    if (choice.kind === 'existing' && options.clinicName) say(io, `Note: the clinic "${choice.name}" already exists; the clinic options were not used.`);
    if (await emailTaken(db, options.email)) throw new CliError(`An account with the e-mail ${options.email} already exists; nothing was created.`);
    const password = await readPassword(io, source);
    const security: SecurityPolicy = choice.kind === 'existing' ? (await loadPolicy(db, choice.id)).policy.security : defaultPolicy().security;
    const problems = passwordProblems(password, security, options.email);
    if (problems.length > 0) throw new CliError(`That password is too weak: ${problems.join('; ')}. Nothing was created.`);
    const passwordHash = await hashPassword(password);
    const created = await db.transaction(async (tx) => {
      const now = new Date();
      let clinicId: string;
      if (choice.kind === 'new') {
        clinicId = newId();
        const c = choice.clinic;
        await tx.insert(clinic).values({ id: clinicId, name: c.name, addressLine1: c.address, city: c.city, state: c.state, postalCode: c.postalCode, timeZone: c.timeZone, createdAt: now });
        await savePolicyVersion(tx, { clinicId, policy: defaultPolicy(), note: 'Initial policy (lantern create-admin)', createdBy: null });
        await appendAudit(tx, { at: now, clinicId, userId: null, userRoles: 'system', action: 'create', outcome: 'success', resourceType: 'Clinic', resourceId: clinicId, detail: { via: 'lantern create-admin' } });
      } else {
        clinicId = choice.id;
      }
      const userId = newId();
      await tx.insert(appUser).values({
        id: userId,
        clinicId,
        kind: 'staff',
        email: options.email,
        displayName: options.name,
        passwordHash,
        roles: ['admin'],
        mfaExempt: false,
        isDemo: false,
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(tx, { at: now, clinicId, userId: null, userRoles: 'system', action: 'create', outcome: 'success', resourceType: 'User', resourceId: userId, detail: { roles: ['admin'], via: 'lantern create-admin' } });
      return { clinicId, userId };
    });
    if (choice.kind === 'new') say(io, `Created the clinic "${choice.clinic.name}" (${created.clinicId}) in ${describeTarget(config)}.`);
    say(io, `Created the administrator ${options.email} (${created.userId}). They set up two-factor authentication at their first sign-in.`);
  });
  return EXIT.ok;
}
