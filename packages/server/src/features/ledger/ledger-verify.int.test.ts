import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { EntryView, StockView } from '@lantern/core';
import { cliTarget, lantern, type CliTarget } from '../../../test/cli-target.js';
import { Agent, testApp } from '../../../test/harness.js';
import { makeClinic, makePatient, makeStaff } from '../../../test/factories.js';
import type { Database, Db } from '../../platform/db/index.js';
import { ledgerContainer, ledgerDraw, ledgerEntry } from '../../platform/db/schema/index.js';
import { catalogue, drawBody, receive } from './ledger-kit.js';
import { verifyLedger, type LedgerVerdict, type VerifyOptions } from './verify.js';

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
    await database.exec('ALTER TABLE ledger_entry DISABLE TRIGGER USER; ALTER TABLE ledger_container DISABLE TRIGGER USER; ALTER TABLE ledger_draw DISABLE TRIGGER USER');
    await change(database.db);
    await database.exec('ALTER TABLE ledger_entry ENABLE TRIGGER USER; ALTER TABLE ledger_container ENABLE TRIGGER USER; ALTER TABLE ledger_draw ENABLE TRIGGER USER');
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

  it('fails naming the draw when its bookkeeping row is edited or removed', async () => {
    const [row] = await (async () => {
      const database = await target.open();
      try {
        return await database.db.select().from(ledgerDraw).where(eq(ledgerDraw.entryId, drawn.id));
      } finally {
        await database.close();
      }
    })();
    if (!row) throw new Error('the draw row is missing');
    await tamper((db) => db.update(ledgerDraw).set({ wastedHundredths: 100 }).where(eq(ledgerDraw.entryId, drawn.id)).then(() => undefined));
    const edited = await verify();
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(`draw ${drawn.id} does not match its entries`);
    await tamper((db) => db.delete(ledgerDraw).where(eq(ledgerDraw.entryId, drawn.id)).then(() => undefined));
    expect((await verify()).stderr).toContain('1 open draws of the entries have no draw row');
    await tamper((db) => db.insert(ledgerDraw).values(row).then(() => undefined));
    expect((await verify()).code).toBe(0);
  });

  it('names the same first bad entry whatever the batch size, replayed here or on a worker thread (verdicts are collected batches behind)', async () => {
    const verdicts = async (): Promise<LedgerVerdict[]> => {
      const database = await target.open();
      try {
        const runs: VerifyOptions[] = [
          ...[1, 2, 3, 5, 2000].map((batchSize): VerifyOptions => ({ batchSize, replayOn: 'here' })),
          { batchSize: 1, replayOn: 'worker' },
          { batchSize: 3, replayOn: 'worker' },
        ];
        return await Promise.all(runs.map((options) => verifyLedger(database.db, options)));
      } finally {
        await database.close();
      }
    };
    expect(new Set((await verdicts()).map((v) => JSON.stringify(v)))).toEqual(new Set([JSON.stringify({ ok: true, checked: 4, firstBad: null })]));
    const database = await target.open();
    const [third] = await database.db.select().from(ledgerEntry).where(eq(ledgerEntry.seq, 3));
    await database.close();
    if (!third) throw new Error('entry #3 is missing');
    // Entry #3's content edited (a bad hash) and entry #4's patient column edited (a bad row after it).
    await tamper(async (db) => {
      await db.update(ledgerEntry).set({ content: third.content.replace('"hundredths":5000', '"hundredths":500') }).where(eq(ledgerEntry.id, third.id));
      await db.update(ledgerEntry).set({ patientId: null }).where(eq(ledgerEntry.id, drawn.id));
    });
    for (const verdict of await verdicts()) {
      expect(verdict).toMatchObject({ ok: false, checked: 2, firstBad: { seq: 3, entryId: third.id, reason: 'its content does not match its hash (the entry was edited)' } });
    }
    await tamper((db) => db.update(ledgerEntry).set({ content: third.content }).where(eq(ledgerEntry.id, third.id)).then(() => undefined));
    for (const verdict of await verdicts()) {
      expect(verdict).toMatchObject({ ok: false, checked: 3, firstBad: { seq: 4, entryId: drawn.id, reason: 'its patientId column does not match its record (the row was edited)' } });
    }
    await tamper((db) => db.update(ledgerEntry).set({ patientId: third.patientId }).where(eq(ledgerEntry.id, drawn.id)).then(() => undefined));
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
