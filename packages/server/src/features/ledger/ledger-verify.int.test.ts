import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { EntryView, StockView } from '@lantern/core';
import { cliTarget, lantern, type CliTarget } from '../../../test/cli-target.js';
import { Agent, testApp } from '../../../test/harness.js';
import { makeClinic, makePatient, makeStaff } from '../../../test/factories.js';
import type { Database, Db } from '../../platform/db/index.js';
import { ledgerContainer, ledgerEntry } from '../../platform/db/schema/index.js';
import { catalogue, drawBody, receive } from './ledger-kit.js';

let target: CliTarget;
let drawn: EntryView;
let vial: string;

beforeAll(async () => {
  target = await cliTarget();
  const database = await target.open();
  const t = await testApp({ database });
  try {
    const clinic = await makeClinic(database.db);
    const staff = await makeStaff(database.db, { clinicId: clinic.id, roles: ['nurse'] });
    const nurse = new Agent(t.app);
    await nurse.login(staff.email, staff.password);
    const patientId = (await makePatient(database.db, { clinicId: clinic.id })).id;
    const admin = await makeStaff(database.db, { clinicId: clinic.id, roles: ['admin'] });
    const adminAgent = new Agent(t.app);
    await adminAgent.login(admin.email, admin.password);
    const { locations, vial: product } = await catalogue(adminAgent);
    const locationId = locations[0]?.id ?? '';
    const today = (await nurse.get('/api/ledger/stock')).json<StockView>().today;
    await receive(nurse, { productId: product.id, locationId, receivedOn: today, count: 2 });
    vial = (await nurse.get('/api/ledger/stock')).json<StockView>().containers[0]?.id ?? '';
    for (const mg of ['35', '50', '12.5']) {
      drawn = (await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId, patientId, amount: { mg } }))).json();
    }
  } finally {
    await t.close();
    await database.close();
  }
});
afterAll(async () => target.dispose());

/** Changes the ledger as someone with the table owner's rights could: append-only triggers off for the moment. */
async function tamper(change: (db: Db) => Promise<void>): Promise<void> {
  const database: Database = await target.open();
  try {
    await database.exec('ALTER TABLE ledger_entry DISABLE TRIGGER USER; ALTER TABLE ledger_container DISABLE TRIGGER USER');
    await change(database.db);
    await database.exec('ALTER TABLE ledger_entry ENABLE TRIGGER USER; ALTER TABLE ledger_container ENABLE TRIGGER USER');
  } finally {
    await database.close();
  }
}

const verify = (...flags: string[]) => lantern(['ledger', 'verify', ...flags], target.env);

describe('lantern ledger verify', () => {
  it('reports an intact ledger, as text and as JSON', async () => {
    expect(await verify()).toEqual({ code: 0, stdout: 'ledger intact: 4 entries, every balance matches\n', stderr: '' });
    const json = await verify('--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, entries: 4, firstBad: null });
  });

  it('describes itself in --help', async () => {
    const help = await lantern(['ledger', 'verify', '--help'], target.env);
    expect(help.stdout).toContain('Recompute the ledger hash chain and every balance');
  });

  it('fails naming the entry when one is edited in SQL, and naming the container when a balance is edited', async () => {
    const [row] = await (async () => {
      const database = await target.open();
      try {
        return await database.db.select().from(ledgerEntry).where(eq(ledgerEntry.id, drawn.id));
      } finally {
        await database.close();
      }
    })();
    const original = row?.content ?? '';
    await tamper((db) => db.update(ledgerEntry).set({ content: original.replace('"hundredths":1250', '"hundredths":250') }).where(eq(ledgerEntry.id, drawn.id)).then(() => undefined));
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`ledger BROKEN at entry #4 (${drawn.id}): its content does not match its hash (the entry was edited)`);
    await tamper((db) => db.update(ledgerEntry).set({ content: original }).where(eq(ledgerEntry.id, drawn.id)).then(() => undefined));
    expect((await verify()).code).toBe(0);
    await tamper((db) => db.update(ledgerContainer).set({ balanceHundredths: sql`${ledgerContainer.balanceHundredths} + 1000` }).where(eq(ledgerContainer.id, vial)).then(() => undefined));
    const projection = await verify();
    expect(projection.code).toBe(1);
    expect(projection.stderr).toContain('on the books but its entries add up to 902.50 mg');
    await tamper((db) => db.update(ledgerContainer).set({ balanceHundredths: 90250 }).where(eq(ledgerContainer.id, vial)).then(() => undefined));
    expect((await verify()).code).toBe(0);
  });

  it('fails when the last entry is deleted or an indexed column disagrees with its record', async () => {
    await tamper((db) => db.update(ledgerEntry).set({ patientId: null }).where(eq(ledgerEntry.id, drawn.id)).then(() => undefined));
    expect((await verify()).stderr).toContain('its patientId column does not match its record');
    await tamper(async (db) => {
      await db.delete(ledgerEntry).where(eq(ledgerEntry.id, drawn.id));
    });
    expect((await verify()).stderr).toContain('(entries removed from the end)');
  });
});
