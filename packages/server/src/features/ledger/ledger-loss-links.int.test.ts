import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountSheetView, CountView, DiscrepancyView, EntryView, LossReportView, StockView } from '@lantern/core';
import { Agent, ENGINE, testApp, type TestApp } from '../../../test/harness.js';
import type { TestStaff } from '../../../test/factories.js';
import { freshCode, ledgerCast } from '../../../test/ledger-fixtures.js';
import { ledgerDiscrepancyResolution, ledgerEntry, ledgerLossReport } from '../../platform/db/schema/index.js';
import { catalogue, receive, type EntryBody } from './ledger-kit.js';

/**
 * What a loss report and a discrepancy resolution may point at: each loss/theft entry is reported
 * once and only while it stands; a resolution links a fitting entry of its container that stands.
 */

let t: TestApp;
let nurse: Agent;
let physician: Agent;
let auditor: Agent;
let therapist: Agent;
let second: TestStaff;
let safeA: string;
let safeB: string;
let bottle: string;
let vialA: string;
let shortVial: string;
let otherVial: string;
let today: string;

interface Refusal {
  readonly code: string;
  readonly unmet?: ReadonlyArray<{ code: string; entryId?: string; path?: Array<string | number>; message: string }>;
}

async function code(staff: TestStaff): Promise<string> {
  return freshCode(t, staff);
}

async function rows(table: typeof ledgerLossReport | typeof ledgerDiscrepancyResolution): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

async function record(agent: Agent, entry: EntryBody['entry']): Promise<EntryView> {
  const response = await agent.post('/api/ledger/entries', { entry, witness: null });
  if (response.statusCode !== 201) throw new Error(`${entry.kind} refused: ${response.body}`);
  return response.json();
}

function loss(containerId: string, locationId: string, amount: Record<string, string | number>): EntryBody['entry'] {
  return { kind: 'loss_theft', containerId, locationId, amount, lossKind: 'loss', discoveredOn: today, form106Reference: null };
}

function adjustment(containerId: string, mg: string): EntryBody['entry'] {
  return { kind: 'adjustment', containerId, locationId: safeB, direction: 'decrease', amount: { mg }, reason: 'Count short', countId: null };
}

async function reverse(entryId: string): Promise<EntryView> {
  return record(physician, { kind: 'reversal', reversesEntryId: entryId, reason: 'Recorded against the wrong container' });
}

beforeAll(async () => {
  t = await testApp();
  ({ second, nurse, physician, auditor, therapist } = await ledgerCast(t));
  const { locations, vial, troche } = await catalogue(physician, ['Safe A', 'Safe B']);
  safeA = locations[0]?.id ?? '';
  safeB = locations[1]?.id ?? '';
  today = (await nurse.get('/api/ledger/stock')).json<StockView>().today;
  await receive(nurse, { productId: troche.id, locationId: safeA, receivedOn: today, lotNumber: 'T-1' });
  await receive(nurse, { productId: vial.id, locationId: safeA, receivedOn: today, lotNumber: 'V-1' });
  await receive(nurse, { productId: vial.id, locationId: safeB, receivedOn: today, lotNumber: 'V-2', count: 2 });
  const stock = (await nurse.get('/api/ledger/stock')).json<StockView>();
  const id = (label: string): string => stock.containers.find((c) => c.label === label)?.id ?? '';
  [bottle, vialA, shortVial, otherVial] = [id('T-1 #1'), id('V-1 #1'), id('V-2 #1'), id('V-2 #2')];
});
afterAll(async () => t.close());

describe('opening a loss report', () => {
  let reported: EntryView;

  it('covers the loss/theft entries it names, and says which', async () => {
    reported = await record(nurse, loss(bottle, safeA, { units: 1 }));
    const opened = await nurse.post('/api/ledger/loss-reports', { lossKind: 'loss', discoveredOn: today, lossEntryIds: [reported.id, reported.id] });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json<LossReportView>()).toMatchObject({ amountMg: '100.00', lossEntryIds: [reported.id] });
    const listed = (await auditor.get('/api/ledger/loss-reports')).json<LossReportView[]>();
    expect(listed.map((r) => r.lossEntryIds)).toEqual([[reported.id]]);
  });

  it('refuses an entry already on a report with a 409 naming it, and stores nothing, even beside a fresh entry', async () => {
    const fresh = await record(nurse, loss(vialA, safeA, { mg: '5' }));
    const before = await rows(ledgerLossReport);
    const again = await nurse.post('/api/ledger/loss-reports', { lossKind: 'loss', discoveredOn: today, lossEntryIds: [fresh.id, reported.id] });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    const refusal = again.json<Refusal>();
    expect(refusal.code).toBe('policy_blocked');
    expect(refusal.unmet?.map((u) => [u.code, u.entryId, u.path])).toEqual([['loss_already_reported', reported.id, ['lossEntryIds', 1]]]);
    expect(refusal.unmet?.[0]?.message).toContain(reported.id);
    expect(await rows(ledgerLossReport)).toBe(before);
    // The fresh entry was not swept into anything: it can still be reported on its own.
    const alone = await nurse.post('/api/ledger/loss-reports', { lossKind: 'loss', discoveredOn: today, lossEntryIds: [fresh.id] });
    expect(alone.statusCode, alone.body).toBe(201);
    expect(await rows(ledgerLossReport)).toBe(before + 1);
  });

  it('refuses a reversed entry with a 409 naming it and its reversal, and stores nothing', async () => {
    const mistaken = await record(nurse, loss(vialA, safeA, { mg: '5' }));
    const reversal = await reverse(mistaken.id);
    const before = await rows(ledgerLossReport);
    const response = await nurse.post('/api/ledger/loss-reports', { lossKind: 'loss', discoveredOn: today, lossEntryIds: [mistaken.id] });
    expect(response.statusCode).toBe(409);
    const [unmet] = response.json<Refusal>().unmet ?? [];
    expect(unmet).toMatchObject({ code: 'entry_reversed', entryId: mistaken.id, path: ['lossEntryIds', 0] });
    expect(unmet?.message).toContain(reversal.id);
    expect(await rows(ledgerLossReport)).toBe(before);
  });

  it('keeps a reported loss: its reversal is refused with a 409 naming it, and nothing is stored', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(ledgerEntry);
    const response = await physician.post('/api/ledger/entries', { entry: { kind: 'reversal', reversesEntryId: reported.id, reason: 'Found the troche' }, witness: null });
    expect(response.statusCode).toBe(409);
    const [unmet] = response.json<Refusal>().unmet ?? [];
    expect(unmet).toMatchObject({ code: 'loss_already_reported', entryId: reported.id, path: ['reversesEntryId'] });
    expect(unmet?.message).toContain('record drug found again as an adjustment');
    const [after] = await t.database.db.select({ n: count() }).from(ledgerEntry);
    expect(after?.n).toBe(before?.n);
    expect((await nurse.get('/api/ledger/stock')).json<StockView>().containers.find((c) => c.id === bottle)?.balanceMg).toBe('2900.00');
  });

  it('refuses an entry that is not a loss or theft, and one not in the ledger, naming each', async () => {
    const notALoss = (await nurse.get('/api/ledger/entries')).json<EntryView[]>().find((e) => e.kind === 'receipt')?.id ?? '';
    const unknown = crypto.randomUUID();
    const before = await rows(ledgerLossReport);
    const response = await nurse.post('/api/ledger/loss-reports', { lossKind: 'theft', discoveredOn: today, lossEntryIds: [notALoss, unknown] });
    expect(response.statusCode).toBe(409);
    expect(response.json<Refusal>().unmet?.map((u) => [u.code, u.entryId])).toEqual([
      ['wrong_entry_kind', notALoss],
      ['unknown_entry', unknown],
    ]);
    expect((await nurse.post('/api/ledger/loss-reports', { lossKind: 'theft', discoveredOn: today, lossEntryIds: [] })).statusCode).toBe(400);
    expect(await rows(ledgerLossReport)).toBe(before);
  });

  it(`lets only one of two simultaneous reports of the same entry through (${ENGINE})`, async () => {
    const raced = await record(nurse, loss(bottle, safeA, { units: 1 }));
    const before = await rows(ledgerLossReport);
    const body = { lossKind: 'loss', discoveredOn: today, lossEntryIds: [raced.id] };
    const responses = await Promise.all([nurse.post('/api/ledger/loss-reports', body), physician.post('/api/ledger/loss-reports', body)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json<Refusal>().unmet?.[0]?.code).toBe('loss_already_reported');
    expect(await rows(ledgerLossReport)).toBe(before + 1);
  });

  it('is opened by recorders only: auditors read, therapists and strangers neither', async () => {
    const entry = await record(nurse, loss(bottle, safeA, { units: 1 }));
    const body = { lossKind: 'loss', discoveredOn: today, lossEntryIds: [entry.id] };
    const before = await rows(ledgerLossReport);
    expect((await auditor.post('/api/ledger/loss-reports', body)).statusCode).toBe(403);
    expect((await therapist.post('/api/ledger/loss-reports', body)).statusCode).toBe(403);
    expect((await therapist.get('/api/ledger/loss-reports')).statusCode).toBe(403);
    expect((await new Agent(t.app).post('/api/ledger/loss-reports', body)).statusCode).toBe(401);
    expect(await rows(ledgerLossReport)).toBe(before);
  });
});

describe('resolving a discrepancy with a linked entry', () => {
  let short: DiscrepancyView;
  let other: DiscrepancyView;
  /** The adjustment that resolved `short` (set by the test that resolves it). */
  let resolvedBy = '';

  beforeAll(async () => {
    // An unscheduled count of Safe B finds each vial short: 10 mg and 20 mg.
    const counted = await nurse.post('/api/ledger/counts', {
      count: {
        kind: 'ad_hoc',
        locationId: safeB,
        secondCounterId: second.id,
        lines: [
          { containerId: shortVial, counted: { mg: '990' }, estimated: false },
          { containerId: otherVial, counted: { mg: '980' }, estimated: false },
        ],
      },
      secondCounter: { userId: second.id, password: second.password, totp: await code(second) },
    });
    if (counted.statusCode !== 201) throw new Error(`count refused: ${counted.body}`);
    const found = counted.json<CountView>().discrepancies;
    const of = (containerId: string): DiscrepancyView => {
      const discrepancy = found.find((d) => d.containerId === containerId);
      if (!discrepancy) throw new Error(`no discrepancy for ${containerId}`);
      return discrepancy;
    };
    [short, other] = [of(shortVial), of(otherVial)];
  });

  async function resolve(agent: Agent, discrepancy: DiscrepancyView, body: Record<string, unknown>) {
    return agent.post(`/api/ledger/discrepancies/${discrepancy.id}/resolve`, { reason: 'Residual in the hub of the syringe', ...body });
  }

  async function stillOpen(): Promise<string[]> {
    return (await nurse.get('/api/ledger/discrepancies')).json<DiscrepancyView[]>().map((d) => d.id);
  }

  it('refuses a reversed adjustment and a reversed loss/theft entry with a 409 naming the entry, and stores nothing', async () => {
    const adjusted = await record(physician, adjustment(shortVial, '10'));
    await reverse(adjusted.id);
    const lost = await record(nurse, loss(shortVial, safeB, { mg: '10' }));
    await reverse(lost.id);
    const before = await rows(ledgerDiscrepancyResolution);
    const viaAdjustment = await resolve(physician, short, { resolution: 'adjusted', adjustmentEntryId: adjusted.id });
    expect(viaAdjustment.statusCode).toBe(409);
    expect(viaAdjustment.json<Refusal>().unmet?.map((u) => [u.code, u.entryId, u.path])).toEqual([['entry_reversed', adjusted.id, ['adjustmentEntryId']]]);
    const viaLoss = await resolve(nurse, short, { resolution: 'reported_as_loss', lossEntryId: lost.id });
    expect(viaLoss.statusCode).toBe(409);
    expect(viaLoss.json<Refusal>().unmet?.map((u) => [u.code, u.entryId, u.path])).toEqual([['entry_reversed', lost.id, ['lossEntryId']]]);
    expect(await rows(ledgerDiscrepancyResolution)).toBe(before);
    expect(await stillOpen()).toEqual(expect.arrayContaining([short.id, other.id]));
  });

  it('refuses an entry of another container or kind with a 409, and a link the resolution does not take with a 400', async () => {
    const elsewhere = await record(physician, adjustment(otherVial, '20'));
    const lost = await record(nurse, loss(shortVial, safeB, { mg: '10' }));
    const before = await rows(ledgerDiscrepancyResolution);
    const mismatch = await resolve(physician, short, { resolution: 'adjusted', adjustmentEntryId: elsewhere.id });
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json<Refusal>().unmet?.map((u) => [u.code, u.entryId])).toEqual([['entry_container_mismatch', elsewhere.id]]);
    const wrongKind = await resolve(physician, short, { resolution: 'adjusted', adjustmentEntryId: lost.id });
    expect(wrongKind.statusCode).toBe(409);
    expect(wrongKind.json<Refusal>().unmet?.map((u) => [u.code, u.entryId])).toEqual([['wrong_entry_kind', lost.id]]);
    const stray = await resolve(physician, short, { resolution: 'explained', lossEntryId: lost.id });
    expect(stray.statusCode).toBe(400);
    expect(stray.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual(['lossEntryId']);
    expect(await rows(ledgerDiscrepancyResolution)).toBe(before);
    expect(await stillOpen()).toEqual(expect.arrayContaining([short.id, other.id]));
  });

  it('is closed to auditors and therapists', async () => {
    const before = await rows(ledgerDiscrepancyResolution);
    expect((await resolve(auditor, short, { resolution: 'explained' })).statusCode).toBe(403);
    expect((await resolve(therapist, short, { resolution: 'explained' })).statusCode).toBe(403);
    expect(await rows(ledgerDiscrepancyResolution)).toBe(before);
  });

  it('still resolves with an adjustment, or a loss/theft entry, of the container that stands', async () => {
    const before = await rows(ledgerDiscrepancyResolution);
    const adjusted = await record(physician, adjustment(shortVial, '10'));
    const byAdjustment = await resolve(physician, short, { resolution: 'adjusted', adjustmentEntryId: adjusted.id });
    expect(byAdjustment.statusCode, byAdjustment.body).toBe(200);
    resolvedBy = adjusted.id;
    expect(byAdjustment.json<DiscrepancyView>().resolution).toBe('adjusted');
    const lost = await record(nurse, loss(otherVial, safeB, { mg: '20' }));
    const byLoss = await resolve(nurse, other, { resolution: 'reported_as_loss', reason: 'Vial dropped and cracked', lossEntryId: lost.id });
    expect(byLoss.statusCode, byLoss.body).toBe(200);
    expect(await rows(ledgerDiscrepancyResolution)).toBe(before + 2);
    expect(await stillOpen()).toEqual([]);
  });

  it('refuses an entry that already accounts for another discrepancy, naming it, and stores nothing', async () => {
    // The same vial is short again at a later count: the adjustment that explained the first
    // shortfall cannot explain this one too.
    const sheet = (await nurse.get(`/api/ledger/count-sheet?locationId=${safeB}`)).json<CountSheetView>();
    const lines = sheet.lines.map((line) => ({ containerId: line.containerId, counted: { mg: line.containerId === shortVial ? String(Number(line.expectedMg) - 5) : line.expectedMg }, estimated: false }));
    const counted = await nurse.post('/api/ledger/counts', {
      count: { kind: 'ad_hoc', locationId: safeB, secondCounterId: second.id, lines },
      secondCounter: { userId: second.id, password: second.password, totp: await code(second) },
    });
    expect(counted.statusCode, counted.body).toBe(201);
    const again = counted.json<CountView>().discrepancies.find((d) => d.containerId === shortVial);
    if (!again) throw new Error('the second count found no shortfall');
    const before = await rows(ledgerDiscrepancyResolution);
    const reused = await resolve(physician, again, { resolution: 'adjusted', adjustmentEntryId: resolvedBy });
    expect(reused.statusCode).toBe(409);
    expect(reused.json<Refusal>().unmet?.map((u) => [u.code, u.entryId, u.path])).toEqual([['entry_already_linked', resolvedBy, ['adjustmentEntryId']]]);
    expect(await rows(ledgerDiscrepancyResolution)).toBe(before);
    expect(await stillOpen()).toEqual([again.id]);
  });
});
