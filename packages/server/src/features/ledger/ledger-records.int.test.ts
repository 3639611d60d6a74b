import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountSheetView, CountView, EntryView, InventoryView, LossReportView, StockView } from '@lantern/core';
import { testApp, type Agent, type TestApp } from '../../../test/harness.js';
import { makePatient, type TestStaff } from '../../../test/factories.js';
import { freshCode, ledgerCast } from '../../../test/ledger-fixtures.js';
import { ledgerCount, ledgerDiscrepancy } from '../../platform/db/schema/index.js';
import { catalogue, drawBody, receive, wasteOfDrawBody } from './ledger-kit.js';

let t: TestApp;
let nurse: Agent;
let physician: Agent;
let auditor: Agent;
let therapist: Agent;
let nurseStaff: TestStaff;
let physicianStaff: TestStaff;
let second: TestStaff;
let safeA: string;
let vial: string;
let troches: string;
let patientId: string;
let today: string;

async function code(staff: TestStaff): Promise<string> {
  return freshCode(t, staff);
}

async function sheet(): Promise<CountSheetView> {
  return (await nurse.get(`/api/ledger/count-sheet?locationId=${safeA}`)).json();
}

async function rows(table: typeof ledgerCount | typeof ledgerDiscrepancy): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  t = await testApp();
  const cast = await ledgerCast(t);
  ({ nurseStaff, physicianStaff, second, nurse, physician, auditor, therapist } = cast);
  patientId = (await makePatient(t.database.db, { clinicId: cast.clinicId, family: 'Quill' })).id;
  const { locations, vial: vialProduct, troche } = await catalogue(physician);
  safeA = locations[0]?.id ?? '';
  today = (await nurse.get('/api/ledger/stock')).json<StockView>().today;
  await receive(nurse, { productId: vialProduct.id, locationId: safeA, receivedOn: today, lotNumber: 'V-100' });
  await receive(nurse, { productId: troche.id, locationId: safeA, receivedOn: today, lotNumber: 'T-200' });
  const stock = (await nurse.get('/api/ledger/stock')).json<StockView>();
  vial = stock.containers.find((c) => c.lotNumber === 'V-100')?.id ?? '';
  troches = stock.containers.find((c) => c.lotNumber === 'T-200')?.id ?? '';
  const draw = (await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mL: '0.5' } }))).json<EntryView>();
  await nurse.post('/api/ledger/entries', wasteOfDrawBody({ drawEntryId: draw.id, mg: '10', witnessId: second.id, password: second.password, totp: await code(second) }));
});
afterAll(async () => t.close());

describe('counts', () => {
  it('shows the expected amount of each container at the location', async () => {
    const found = await sheet();
    expect(found.lines.map((l) => [l.label, l.expectedMg, l.expectedMl, l.opened])).toEqual(
      expect.arrayContaining([
        ['V-100 #1', '950.00', '9.500', true],
        ['T-200 #1', '3000.00', null, false],
      ]),
    );
    expect(found.takenToday).toEqual([]);
  });

  it('records an end-of-day count by two people, making a discrepancy of a shortfall', async () => {
    const response = await nurse.post('/api/ledger/counts', {
      count: {
        kind: 'end_of_day',
        locationId: safeA,
        secondCounterId: second.id,
        lines: [
          { containerId: vial, counted: { mL: '9.4' }, estimated: false },
          { containerId: troches, counted: { units: 30 } },
        ],
      },
      secondCounter: { userId: second.id, password: second.password, totp: await code(second) },
    });
    expect(response.statusCode, response.body).toBe(201);
    const recorded = response.json<CountView>();
    expect(recorded.counters).toEqual(['Nora Nurse', 'Sam Second']);
    expect(recorded.discrepancies.map((d) => [d.containerLabel, d.expectedMg, d.countedMg, d.differenceMg, d.resolution])).toEqual([['V-100 #1', '950.00', '940.00', '-10.00', 'unresolved']]);
    expect(recorded.smallLossPattern).toMatchObject({ flagged: false, count: 1, totalMg: '10.00' });
    expect((await sheet()).takenToday).toEqual(['end_of_day']);
  });

  it('refuses the same scheduled count twice in a day, and stores nothing', async () => {
    const before = await rows(ledgerCount);
    const response = await nurse.post('/api/ledger/counts', {
      count: { kind: 'end_of_day', locationId: safeA, secondCounterId: second.id, lines: [{ containerId: vial, counted: { mg: '950' } }, { containerId: troches, counted: { units: 30 } }] },
      secondCounter: { userId: second.id, password: second.password, totp: await code(second) },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('count_already_taken');
    expect(await rows(ledgerCount)).toBe(before);
  });

  it('refuses an incomplete count, a count by one person twice, and a second counter who does not confirm', async () => {
    const before = [await rows(ledgerCount), await rows(ledgerDiscrepancy)];
    const incomplete = await nurse.post('/api/ledger/counts', {
      count: { kind: 'ad_hoc', locationId: safeA, secondCounterId: second.id, lines: [{ containerId: vial, counted: { mg: '950' } }] },
      secondCounter: { userId: second.id, password: second.password, totp: await code(second) },
    });
    expect(incomplete.json().unmet.map((u: { code: string }) => u.code)).toEqual(['count_incomplete']);
    const alone = await nurse.post('/api/ledger/counts', {
      count: { kind: 'ad_hoc', locationId: safeA, secondCounterId: nurseStaff.id, lines: [{ containerId: vial, counted: { mg: '950' } }, { containerId: troches, counted: { units: 30 } }] },
      secondCounter: { userId: nurseStaff.id, password: nurseStaff.password },
    });
    expect(alone.json().unmet.map((u: { code: string }) => u.code)).toEqual(['counters_not_distinct']);
    const unconfirmed = await nurse.post('/api/ledger/counts', {
      count: { kind: 'ad_hoc', locationId: safeA, secondCounterId: second.id, lines: [] },
      secondCounter: { userId: second.id, password: 'wrong password' },
    });
    expect(unconfirmed.statusCode).toBe(403);
    const confused = await nurse.post('/api/ledger/counts', {
      count: { kind: 'ad_hoc', locationId: safeA, secondCounterId: second.id, lines: [{ containerId: troches, counted: { mL: '3' } }, { containerId: vial, counted: { mg: '950' } }] },
      secondCounter: { userId: second.id, password: second.password, totp: await code(second) },
    });
    expect(confused.statusCode).toBe(400);
    expect([await rows(ledgerCount), await rows(ledgerDiscrepancy)]).toEqual(before);
  });

  it('resolves a discrepancy with the adjustment that brings the books to the count, once', async () => {
    const [open] = (await nurse.get('/api/ledger/discrepancies')).json<Array<{ id: string }>>();
    const adjustment = await physician.post('/api/ledger/entries', {
      entry: { kind: 'adjustment', containerId: vial, locationId: safeA, direction: 'decrease', amount: { mg: '10' }, reason: 'End-of-day count short by 0.1 mL', countId: null },
      witness: null,
    });
    expect(adjustment.statusCode).toBe(201);
    const resolved = await physician.post(`/api/ledger/discrepancies/${open?.id}/resolve`, { resolution: 'adjusted', reason: 'Residual in the hub of the syringe', adjustmentEntryId: adjustment.json<EntryView>().id });
    expect(resolved.json()).toMatchObject({ resolution: 'adjusted', reason: 'Residual in the hub of the syringe' });
    const again = await physician.post(`/api/ledger/discrepancies/${open?.id}/resolve`, { resolution: 'explained', reason: 'Again' });
    expect(again.statusCode).toBe(409);
    expect((await nurse.get('/api/ledger/discrepancies')).json()).toEqual([]);
  });
});

describe('inventories', () => {
  it('takes a signed initial inventory: sealed containers counted, opened ones estimated, once', async () => {
    const response = await physician.post('/api/ledger/inventories', {
      kind: 'initial',
      timing: 'closing_of_business',
      locationId: null,
      openedContainers: [{ containerId: vial, quantity: '935', estimated: true }],
      signature: { userId: physicianStaff.id, password: physicianStaff.password, totp: await code(physicianStaff) },
    });
    expect(response.statusCode, response.body).toBe(201);
    const taken = response.json<InventoryView>();
    expect(taken).toMatchObject({ kind: 'initial', takenOn: today, signedByName: 'Dr Pia Physician', nextDueOn: '2028-11-28' });
    expect(taken.lines.map((l) => [l.form, l.strength, l.containerSize, l.sealedContainers, l.openedContainers.map((c) => [c.quantityMg, c.estimated])])).toEqual(
      expect.arrayContaining([
        ['injection_solution', '100 mg/mL', '10 mL vial', 0, [['935.00', true]]],
        ['troche', '100 mg', '30 troches', 1, []],
      ]),
    );
    const again = await physician.post('/api/ledger/inventories', {
      kind: 'initial',
      timing: 'opening_of_business',
      locationId: null,
      signature: { userId: physicianStaff.id, password: physicianStaff.password, totp: await code(physicianStaff) },
    });
    expect(again.json().code).toBe('initial_inventory_exists');
  });

  it('is signed only by the person taking it, with their own password', async () => {
    const response = await nurse.post('/api/ledger/inventories', {
      kind: 'biennial',
      timing: 'opening_of_business',
      locationId: null,
      signature: { userId: second.id, password: second.password, totp: await code(second) },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('significant loss', () => {
  it('opens the checklist for a theft, with due dates, and tracks each step once', async () => {
    const loss = await nurse.post('/api/ledger/entries', {
      entry: { kind: 'loss_theft', containerId: troches, locationId: safeA, amount: { units: 2 }, lossKind: 'theft', discoveredOn: today, form106Reference: null },
      witness: null,
    });
    expect(loss.statusCode).toBe(201);
    const opened = await nurse.post('/api/ledger/loss-reports', { lossKind: 'theft', discoveredOn: today, lossEntryIds: [loss.json<EntryView>().id] });
    expect(opened.statusCode).toBe(201);
    const report = opened.json<LossReportView>();
    // Saturday 28 Nov 2026: one business day later is Monday 30 Nov.
    expect(report.steps.map((s) => [s.step, s.dueOn, s.status])).toEqual([
      ['notify_dea_field_division', '2026-11-30', 'open'],
      ['file_dea_form_106', '2027-01-12', 'open'],
      ['notify_state_board', '2026-11-30', 'open'],
      ['notify_police', '2026-11-30', 'open'],
    ]);
    expect(report.amountMg).toBe('200.00');
    const noReference = await nurse.post(`/api/ledger/loss-reports/${report.id}/steps/file_dea_form_106`, { completedOn: today });
    expect(noReference.statusCode).toBe(400);
    const done = await nurse.post(`/api/ledger/loss-reports/${report.id}/steps/file_dea_form_106`, { completedOn: today, reference: 'DEA106-2026-4471' });
    expect(done.json<LossReportView>().steps.find((s) => s.step === 'file_dea_form_106')).toMatchObject({ status: 'done', reference: 'DEA106-2026-4471', completedByName: 'Nora Nurse' });
    expect((await nurse.post(`/api/ledger/loss-reports/${report.id}/steps/file_dea_form_106`, { completedOn: today, reference: 'x' })).statusCode).toBe(409);
  });
});

describe('reports', () => {
  const range = `from=${'2026-11-01'}&to=${'2026-11-30'}`;

  it('prints the dispensing log with the patient name and address for the auditor, as CSV and PDF', async () => {
    const csv = await auditor.get(`/api/ledger/reports/dispensing?${range}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('Date and time,Patient,Patient address,"Substance, form, strength",Lot,Quantity,Administered by,Note');
    expect(csv.body).toContain('Quill, Test');
    expect(csv.body).toContain('50 mg (0.5 mL)');
    const pdf = await auditor.get(`/api/ledger/reports/dispensing?${range}&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists receipts with the supplier DEA number, waste with witnesses, counts and inventories', async () => {
    const receipts = (await nurse.get(`/api/ledger/reports/receipts?${range}`)).body;
    expect(receipts).toContain('RB1234563');
    const waste = (await nurse.get(`/api/ledger/reports/waste?${range}`)).body;
    expect(waste).toContain('Sam Second');
    const counts = (await nurse.get(`/api/ledger/reports/counts?${range}`)).body;
    expect(counts).toContain('adjusted: Residual in the hub of the syringe');
    const inventories = (await nurse.get(`/api/ledger/reports/inventories?${range}`)).body;
    expect(inventories).toContain('Dr Pia Physician');
  });

  it('traces one lot from receipt to its balance now', async () => {
    const stock = (await nurse.get('/api/ledger/stock')).json<StockView>();
    const lotId = stock.containers.find((c) => c.id === vial)?.lotId ?? '';
    const history = (await nurse.get(`/api/ledger/reports/lot-history?${range}&lotId=${lotId}`)).body.trim().split('\r\n');
    expect(history.map((line) => line.split(',')[1])).toEqual(['Entry', 'receipt', 'draw', 'waste', 'adjustment']);
    expect(history.at(-1)).toContain('940.00');
  });

  it('refuses a backwards range and keeps therapists out', async () => {
    expect((await nurse.get('/api/ledger/reports/receipts?from=2026-11-30&to=2026-11-01')).statusCode).toBe(400);
    expect((await therapist.get(`/api/ledger/reports/dispensing?${range}`)).statusCode).toBe(403);
  });
});
