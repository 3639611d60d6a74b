import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarget, lantern, type CliTarget } from '../test/cli-target.js';
import { DEMO_ACCOUNTS } from './features/demo/seed.js';
import { appUser, auditEvent, clinic } from './platform/db/schema/index.js';

const COMMANDS = ['migrate', 'seed-demo', 'create-admin', 'audit', 'backup', 'restore'];

describe('lantern --help', () => {
  it('lists every command, and each command has help of its own', async () => {
    const help = await lantern(['--help'], {});
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(help.stdout).toContain('LANTERN_DATA_DIR');

    const audit = await lantern(['audit', '--help'], {});
    expect(audit.stdout).toMatch(/^ {2}verify\b.*hash chain/m);
    for (const command of [...COMMANDS.filter((c) => c !== 'audit'), 'audit verify']) {
      const own = await lantern([...command.split(' '), '--help'], {});
      expect(own.code, command).toBe(0);
      expect(own.stdout).toContain(`Usage: lantern ${command}`);
    }
  });

  it('answers an unknown command or a missing option with exit code 2 and a hint', async () => {
    const unknown = await lantern(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const missing = await lantern(['create-admin', '--name', 'No Email'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--email <email>' not specified");
    expect((await lantern([], {})).code).toBe(2);
  });
});

describe('lantern migrate and seed-demo', () => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await cliTarget({ empty: true });
  });
  afterAll(async () => target.dispose());

  async function counts(): Promise<{ clinics: number; users: number; events: number }> {
    const database = await target.open();
    try {
      const [clinics] = await database.db.select({ n: count() }).from(clinic);
      const [users] = await database.db.select({ n: count() }).from(appUser);
      const [events] = await database.db.select({ n: count() }).from(auditEvent);
      return { clinics: Number(clinics?.n), users: Number(users?.n), events: Number(events?.n) };
    } finally {
      await database.close();
    }
  }

  it('migrates an empty database, then reports it up to date', async () => {
    const first = await lantern(['migrate'], target.env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/applied \d+ migration\(s\)/);
    const second = await lantern(['migrate'], target.env);
    expect(second.stdout).toMatch(/up to date \(\d+ migrations applied\)/);
  });

  it('refuses to seed demo accounts in production mode', async () => {
    const refused = await lantern(['seed-demo'], { ...target.env, LANTERN_MODE: 'production' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Refusing to seed demo accounts in production mode');
    expect((await counts()).clinics).toBe(0);
  });

  it('seeds the demo clinic once, and leaves a database with a clinic alone', async () => {
    const first = await lantern(['seed-demo'], target.env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Seeded the demo clinic "Prairie Light Healing Collective"');
    expect(first.stdout).toContain('therapist@lantern.test');
    const seeded = await counts();
    // The seed's own event, plus the audit trail of the demo courses, seeded through the audited services (issue #4).
    expect(seeded).toMatchObject({ clinics: 1, users: DEMO_ACCOUNTS.length });
    expect(seeded.events).toBeGreaterThan(1);

    const again = await lantern(['seed-demo'], target.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already has a clinic; nothing seeded');
    expect(await counts()).toEqual(seeded);
  });
});
