import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountView, EntryView, StockView } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { ledgerCount, ledgerEntry } from '../../platform/db/schema/index.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.js';
import { verifyLedger } from './verify.js';

let t: TestApp;
let nurse: Agent;

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, t.clock());
  nurse = new Agent(t.app);
  await nurse.login('nurse@lantern.test', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => t.close());

describe('the demo clinic’s ledger', () => {
  it('carries six weeks of receipts, draws, witnessed waste and daily counts that verify', async () => {
    const [entries] = await t.database.db.select({ n: count() }).from(ledgerEntry);
    const [counts] = await t.database.db.select({ n: count() }).from(ledgerCount);
    expect(Number(entries?.n)).toBeGreaterThan(60);
    expect(Number(counts?.n)).toBeGreaterThan(20);
    expect(await verifyLedger(t.database.db)).toMatchObject({ ok: true, firstBad: null });
  });

  it('shows stock in two locations, waste with its witness, and one explained discrepancy', async () => {
    const stock = (await nurse.get('/api/ledger/stock')).json<StockView>();
    expect(new Set(stock.containers.map((c) => c.locationName))).toEqual(new Set(['Safe A (pharmacy closet)', 'Procedure room lockbox']));
    const entries = (await nurse.get('/api/ledger/entries?limit=500')).json<EntryView[]>();
    expect(entries.some((e) => e.kind === 'waste' && e.witnessName === 'Dr. Samuel Reyes')).toBe(true);
    const counts = (await nurse.get('/api/ledger/counts?from=2026-01-01&to=2026-12-31')).json<CountView[]>();
    expect(counts.flatMap((c) => c.discrepancies).map((d) => [d.differenceMg, d.resolution])).toEqual([['-2.00', 'explained']]);
  });

  it('names each patient with their postal address in the dispensing log (21 CFR 1304.22(c))', async () => {
    const csv = await nurse.get('/api/ledger/reports/dispensing?from=2026-01-01&to=2026-12-31&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    const rows = csv.body.trim().split('\r\n').slice(1).map(csvCells);
    expect(rows.length).toBeGreaterThan(5);
    for (const [, name, address] of rows) {
      expect(name).toMatch(/^[A-Z][\w'-]+, [A-Z]/);
      // e.g. "4412 Bluestem Avenue, Apt 2B, Minneapolis, MN 55406"
      expect(address).toMatch(/^\d+ [A-Z][\w .]+, ([\w #]+, )?[A-Z][\w .]+, MN \d{5}$/);
    }
  });
});

/** One CSV line (RFC 4180: a quoted cell may hold commas; a doubled quote inside it is a quote). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  return [...cells, cell];
}
