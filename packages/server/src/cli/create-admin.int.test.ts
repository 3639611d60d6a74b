import { PassThrough } from 'node:stream';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarget, lantern, type CliTarget } from '../../test/cli-target.js';
import { verifyPassword } from '../platform/auth/passwords.js';
import { appUser, auditEvent, clinic, clinicPolicy } from '../platform/db/schema/index.js';
import { runCli } from '../cli.js';

const PASSWORD = 'a long and sturdy passphrase';
const CLINIC = ['--clinic-name', 'Riverbend Ketamine Clinic', '--address', '200 Main St', '--city', 'Duluth', '--state', 'MN', '--postal-code', '55802'];

let target: CliTarget;
beforeAll(async () => {
  target = await cliTarget();
});
afterAll(async () => target.dispose());

async function inspect<T>(read: (db: Awaited<ReturnType<CliTarget['open']>>['db']) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

const userByEmail = (address: string) => inspect(async (db) => (await db.select().from(appUser).where(sql`lower(${appUser.email}) = ${address}`))[0]);

describe('lantern create-admin', () => {
  it('asks for the clinic details when the database has no clinic, before asking for a password', async () => {
    const run = await lantern(['create-admin', '--email', 'ana.ruiz@riverbend.example', '--name', 'Dr. Ana Ruiz', '--password-stdin', '--clinic-name', 'Riverbend'], target.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('also give --address, --city, --state, --postal-code');
    expect(await inspect((db) => db.select().from(clinic))).toEqual([]);
  });

  it('refuses a weak password and creates nothing', async () => {
    const run = await lantern(['create-admin', '--email', 'ana.ruiz@riverbend.example', '--name', 'Dr. Ana Ruiz', '--password-stdin', ...CLINIC], target.env, 'short\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('That password is too weak: Use at least 12 characters');
    const sameAsEmail = await lantern(['create-admin', '--email', 'ana.ruiz@riverbend.example', '--name', 'Dr. Ana Ruiz', '--password-stdin', ...CLINIC], target.env, 'ana.ruiz-and-more-words');
    expect(sameAsEmail.stderr).toContain('Do not include your e-mail name');
    expect(await inspect((db) => db.select().from(clinic))).toEqual([]);
  });

  it('creates the clinic and an administrator who is not exempt from MFA, audited in the chain', async () => {
    const run = await lantern(['create-admin', '--email', 'Ana.Ruiz@Riverbend.example', '--name', 'Dr. Ana Ruiz', '--password-stdin', ...CLINIC], target.env, `${PASSWORD}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created the clinic "Riverbend Ketamine Clinic"');
    expect(run.stdout).toContain('Created the administrator ana.ruiz@riverbend.example');

    const admin = await userByEmail('ana.ruiz@riverbend.example');
    expect(admin).toMatchObject({ displayName: 'Dr. Ana Ruiz', roles: ['admin'], kind: 'staff', active: true, mfaExempt: false, isDemo: false, mfaEnabledAt: null });
    expect(await verifyPassword(admin?.passwordHash ?? null, PASSWORD)).toBe(true);
    const [created] = await inspect((db) => db.select().from(clinic));
    expect(created).toMatchObject({ name: 'Riverbend Ketamine Clinic', city: 'Duluth', timeZone: 'America/Chicago', isDemo: false });
    expect(await inspect((db) => db.select({ version: clinicPolicy.version }).from(clinicPolicy))).toEqual([{ version: 1 }]);
    const events = await inspect((db) => db.select().from(auditEvent).orderBy(asc(auditEvent.seq)));
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId, e.userRoles, e.outcome])).toEqual([
      ['create', 'Clinic', created?.id, 'system', 'success'],
      ['create', 'User', admin?.id, 'system', 'success'],
    ]);
    expect((await lantern(['audit', 'verify'], target.env)).stdout).toBe('audit trail intact: 2 events\n');
  });

  it('refuses an e-mail that is already taken, whatever its case', async () => {
    const run = await lantern(['create-admin', '--email', 'ana.ruiz@RIVERBEND.example', '--name', 'Someone Else'], { ...target.env, LANTERN_ADMIN_PASSWORD: PASSWORD });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('An account with the e-mail ana.ruiz@riverbend.example already exists; nothing was created');
  });

  it('adds a second administrator to the existing clinic, with the password from LANTERN_ADMIN_PASSWORD', async () => {
    const run = await lantern(['create-admin', '--email', 'ops@riverbend.example', '--name', 'Lee Park'], { ...target.env, LANTERN_ADMIN_PASSWORD: PASSWORD });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Created the clinic');
    const [first, second] = await inspect((db) => db.select({ clinicId: appUser.clinicId }).from(appUser));
    expect(second?.clinicId).toBe(first?.clinicId);
  });

  it('reads the password from a terminal without echoing it, asked twice', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(raw: boolean) {
      stdin.rawModes.push(raw);
    } });
    let stderr = '';
    const promptsShown = (): number => stderr.split(': ').length - 1;
    const typing = (async () => {
      // The first answer has a typo fixed with backspace; each is typed once its prompt is shown.
      for (const [index, answer] of [`${PASSWORD}x\u007f\r`, `${PASSWORD}\r`].entries()) {
        while (promptsShown() <= index) await new Promise((resolve) => setTimeout(resolve, 10));
        stdin.write(answer);
      }
    })();
    const code = await runCli(['create-admin', '--email', 'nurse.lead@riverbend.example', '--name', 'Kim Ode'], {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      stdin,
      env: target.env,
    });
    await typing;
    expect(code).toBe(0);
    expect(stderr).not.toContain(PASSWORD);
    expect(stdin.rawModes).toEqual([true, false, true, false]);
    const created = await userByEmail('nurse.lead@riverbend.example');
    expect(await verifyPassword(created?.passwordHash ?? null, PASSWORD)).toBe(true);
  });

  it('says how to give a password when none is given and there is no terminal', async () => {
    const run = await lantern(['create-admin', '--email', 'x@riverbend.example', '--name', 'X'], target.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass --password-stdin, set LANTERN_ADMIN_PASSWORD, or run in a terminal');
    expect(await inspect((db) => db.select().from(appUser).where(eq(appUser.email, 'x@riverbend.example')))).toEqual([]);
  });
});
