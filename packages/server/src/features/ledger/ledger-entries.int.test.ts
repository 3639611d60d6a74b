import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryView, StockView } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { makeClinic, makePatient, makeStaff, userRow, type TestStaff } from '../../../test/factories.js';
import { totpNow } from '../../platform/auth/totp.js';
import { ledgerContainer, ledgerEntry } from '../../platform/db/schema/index.js';
import { catalogue, drawBody, receive, receiptBody, wasteOfDrawBody } from './ledger-kit.js';
import { verifyLedger } from './verify.js';

let t: TestApp;
let nurse: Agent;
let physician: Agent;
let auditor: Agent;
let therapist: Agent;
let nurseStaff: TestStaff;
let witness: TestStaff;
let witnessWithoutMfa: TestStaff;
let patientId: string;
let safeA: string;
let safeB: string;
let vialProduct: string;
let today: string;

async function signedIn(staff: TestStaff): Promise<Agent> {
  const agent = new Agent(t.app);
  await agent.login(staff.email, staff.password);
  return agent;
}

async function stock(): Promise<StockView> {
  return (await nurse.get('/api/ledger/stock')).json();
}

async function entryCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(ledgerEntry);
  return Number(row?.n ?? 0);
}

/** The witness's code for now; the clock moves on a step first, since a code is good once. */
async function witnessCode(staff: TestStaff = witness): Promise<string> {
  t.clock.advanceMinutes(1);
  return totpNow(staff.totpSecret ?? '', t.clock());
}

/** A full vial received into Safe A; its container id. */
async function freshVial(): Promise<string> {
  const before = new Set((await stock()).containers.map((c) => c.id));
  await receive(nurse, { productId: vialProduct, locationId: safeA, receivedOn: today });
  const added = (await stock()).containers.find((c) => !before.has(c.id));
  if (!added) throw new Error('no container received');
  return added.id;
}

beforeAll(async () => {
  t = await testApp();
  const clinic = await makeClinic(t.database.db);
  nurseStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'], name: 'Nora Nurse' });
  witness = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'], mfa: 'enrolled', name: 'Wanda Witness' });
  witnessWithoutMfa = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['physician'], mfa: 'required' });
  nurse = await signedIn(nurseStaff);
  physician = await signedIn(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['physician'] }));
  auditor = await signedIn(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['auditor'] }));
  therapist = await signedIn(await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'] }));
  patientId = (await makePatient(t.database.db, { clinicId: clinic.id })).id;
  const { locations, vial } = await catalogue(physician, ['Safe A', 'Safe B']);
  [safeA, safeB] = locations.map((l) => l.id) as [string, string];
  vialProduct = vial.id;
  today = (await stock()).today;
});
afterAll(async () => t.close());

describe('receiving stock', () => {
  it('registers the lot and its containers, each holding a full vial', async () => {
    const entry = await receive(nurse, { productId: vialProduct, locationId: safeA, receivedOn: today, count: 2, lotNumber: 'KX1001' });
    expect(entry).toMatchObject({ kind: 'receipt', changeMg: '2000.00', actorName: 'Nora Nurse', lotNumber: 'KX1001' });
    const received = (await stock()).containers.filter((c) => c.lotNumber === 'KX1001');
    expect(received.map((c) => [c.label, c.balanceMg, c.balanceMl, c.locationName])).toEqual([
      ['KX1001 #1', '1000.00', '10.000', 'Safe A'],
      ['KX1001 #2', '1000.00', '10.000', 'Safe A'],
    ]);
  });

  it('numbers a second receipt of the same lot after the first, on the same lot', async () => {
    await receive(nurse, { productId: vialProduct, locationId: safeA, receivedOn: today, lotNumber: 'KX2002' });
    await receive(nurse, { productId: vialProduct, locationId: safeA, receivedOn: today, lotNumber: 'KX2002' });
    const lot = (await stock()).containers.filter((c) => c.lotNumber === 'KX2002');
    expect(lot.map((c) => c.label)).toEqual(['KX2002 #1', 'KX2002 #2']);
    expect(new Set(lot.map((c) => c.lotId)).size).toBe(1);
  });

  it('refuses a supplier DEA number that fails its check digit, and stores nothing', async () => {
    const before = await entryCount();
    const response = await nurse.post('/api/ledger/entries', receiptBody({ productId: vialProduct, locationId: safeA, receivedOn: today, deaNumber: 'RB1234564' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.entry.lot.supplier.deaNumber');
    expect(await entryCount()).toBe(before);
  });

  it('refuses a receipt without a supplier DEA number, and stores nothing', async () => {
    const before = await entryCount();
    const body = receiptBody({ productId: vialProduct, locationId: safeA, receivedOn: today });
    const { deaNumber: _dea, ...supplier } = body.entry.lot.supplier;
    const response = await nurse.post('/api/ledger/entries', { ...body, entry: { ...body.entry, lot: { ...body.entry.lot, supplier } } });
    expect(response.statusCode).toBe(400);
    expect(await entryCount()).toBe(before);
  });

  it('refuses an expired lot and a date received in the future', async () => {
    const expired = await nurse.post('/api/ledger/entries', receiptBody({ productId: vialProduct, locationId: safeA, receivedOn: today, expiresOn: '2020-01-31' }));
    expect(expired.statusCode).toBe(409);
    expect(expired.json().unmet.map((u: { code: string }) => u.code)).toContain('lot_expired');
    const future = await nurse.post('/api/ledger/entries', receiptBody({ productId: vialProduct, locationId: safeA, receivedOn: '2099-01-01' }));
    expect(future.statusCode).toBe(409);
  });

  it('refuses zero containers and unknown fields', async () => {
    const body = receiptBody({ productId: vialProduct, locationId: safeA, receivedOn: today, count: 0 });
    expect((await nurse.post('/api/ledger/entries', body)).statusCode).toBe(400);
    expect((await nurse.post('/api/ledger/entries', { ...receiptBody({ productId: vialProduct, locationId: safeA, receivedOn: today }), extra: 1 })).statusCode).toBe(400);
  });
});

describe('drawing for a medicine session', () => {
  it('draws 0.35 mL as 35 mg from the vial, linked to the session', async () => {
    const vial = await freshVial();
    const sessionId = crypto.randomUUID();
    const response = await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mL: '0.35' }, sessionId }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'draw', changeMg: '-35.00', summary: 'Drawn 35 mg (0.35 mL) for a medicine session' });
    const after = (await stock()).containers.find((c) => c.id === vial);
    expect(after).toMatchObject({ balanceMg: '965.00', balanceMl: '9.650', opened: true });
    const [row] = await t.database.db.select().from(ledgerEntry).where(eq(ledgerEntry.id, response.json<EntryView>().id));
    expect(row).toMatchObject({ sourceType: 'medicine_session', sourceId: sessionId, patientId });
  });

  it('refuses negative, zero and too-precise quantities, and stores nothing', async () => {
    const vial = await freshVial();
    const before = await entryCount();
    for (const amount of [{ mg: '-5' }, { mg: '0' }, { mg: '12.345' }, { mg: '1e3' }]) {
      const response = await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount }));
      expect(response.statusCode, JSON.stringify(amount)).toBe(400);
    }
    expect(await entryCount()).toBe(before);
  });

  it('refuses unit confusion: mg and mL that disagree at the concentration, and units for a solution', async () => {
    const vial = await freshVial();
    const confused = await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mL: '0.5', mg: '25' } }));
    expect(confused.statusCode).toBe(400);
    expect(confused.json().detail).toContain('is not 0.5 mL at 100 mg/mL');
    const units = await nurse.post('/api/ledger/entries', { ...drawBody({ containerId: vial, locationId: safeA, patientId, amount: {} }), entry: { ...drawBody({ containerId: vial, locationId: safeA, patientId, amount: {} }).entry, amount: { units: 2 } } });
    expect(units.statusCode).toBe(400);
  });

  it('refuses more than the container holds, a draw at the wrong location, and a second draw for one administration', async () => {
    const vial = await freshVial();
    const before = await entryCount();
    const tooMuch = await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg: '1000.10' } }));
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().unmet[0].code).toBe('insufficient_stock');
    const elsewhere = await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeB, patientId, amount: { mg: '10' } }));
    expect(elsewhere.json().unmet[0].code).toBe('wrong_location');
    expect(await entryCount()).toBe(before);
    const administrationId = crypto.randomUUID();
    expect((await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg: '10' }, administrationId }))).statusCode).toBe(201);
    const again = await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg: '10' }, administrationId }));
    expect(again.statusCode).toBe(409);
    expect(again.json().unmet[0].code).toBe('administration_already_drawn');
  });

  it('refuses a draw for a patient of another clinic or none', async () => {
    const vial = await freshVial();
    const response = await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId: crypto.randomUUID(), amount: { mg: '10' } }));
    expect([403, 404]).toContain(response.statusCode);
  });
});

describe('witnessed waste', () => {
  async function drawn(mg: string): Promise<{ vial: string; draw: EntryView; sessionId: string; administrationId: string }> {
    const vial = await freshVial();
    const sessionId = crypto.randomUUID();
    const administrationId = crypto.randomUUID();
    const draw = (await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg }, sessionId, administrationId }))).json<EntryView>();
    return { vial, draw, sessionId, administrationId };
  }

  it('records waste when the witness confirms with their own password and code, and the session then balances', async () => {
    const { draw, sessionId, administrationId } = await drawn('50');
    const before = await nurse.post(`/api/ledger/sessions/${sessionId}/reconciliation`, { closingAs: 'completed', administrations: [{ administrationId, amount: '40' }] });
    expect(before.json()).toMatchObject({ ok: false, discrepancies: [{ code: 'draw_not_accounted', differenceMg: '10.00' }] });
    const response = await nurse.post('/api/ledger/entries', wasteOfDrawBody({ drawEntryId: draw.id, mg: '10', witnessId: witness.id, password: witness.password, totp: await witnessCode() }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'waste', witnessName: 'Wanda Witness', changeMg: null });
    const after = await nurse.post(`/api/ledger/sessions/${sessionId}/reconciliation`, { closingAs: 'completed', administrations: [{ administrationId, amount: '40' }] });
    expect(after.json()).toEqual({ ok: true, drawnMg: '50.00', administeredMg: '40.00', wastedMg: '10.00', returnedMg: '0.00', discrepancies: [] });
  });

  it('refuses waste more than the draw left, the same person as witness, and a witness without MFA', async () => {
    const { draw } = await drawn('20');
    const before = await entryCount();
    const tooMuch = await nurse.post('/api/ledger/entries', wasteOfDrawBody({ drawEntryId: draw.id, mg: '20.10', witnessId: witness.id, password: witness.password, totp: await witnessCode() }));
    expect(tooMuch.json().unmet.map((u: { code: string }) => u.code)).toEqual(['exceeds_draw']);
    const self = await nurse.post('/api/ledger/entries', wasteOfDrawBody({ drawEntryId: draw.id, mg: '5', witnessId: nurseStaff.id, password: nurseStaff.password }));
    expect(self.statusCode).toBe(409);
    expect(self.json().unmet.map((u: { code: string }) => u.code)).toContain('witness_is_actor');
    const noMfa = await nurse.post('/api/ledger/entries', wasteOfDrawBody({ drawEntryId: draw.id, mg: '5', witnessId: witnessWithoutMfa.id, password: witnessWithoutMfa.password }));
    expect(noMfa.statusCode).toBe(403);
    expect(noMfa.json()).toMatchObject({ code: 'witness_not_confirmed', detail: 'The witness must have two-factor authentication set up' });
    const unnamed = await nurse.post('/api/ledger/entries', { ...wasteOfDrawBody({ drawEntryId: draw.id, mg: '5', witnessId: witness.id, password: 'x' }), witness: null });
    expect(unnamed.json().unmet[0].code).toBe('witness_required');
    expect(await entryCount()).toBe(before);
  });

  it('refuses a wrong password or a replayed code, counting the failure towards lockout', async () => {
    const { draw } = await drawn('20');
    const wrong = await nurse.post('/api/ledger/entries', wasteOfDrawBody({ drawEntryId: draw.id, mg: '5', witnessId: witness.id, password: 'not the password', totp: await witnessCode() }));
    expect(wrong.statusCode).toBe(403);
    expect((await userRow(t.database.db, witness.id)).failedAttempts).toBe(1);
    const code = await witnessCode();
    expect((await nurse.post('/api/ledger/entries', wasteOfDrawBody({ drawEntryId: draw.id, mg: '5', witnessId: witness.id, password: witness.password, totp: code }))).statusCode).toBe(201);
    const replay = await nurse.post('/api/ledger/entries', wasteOfDrawBody({ drawEntryId: draw.id, mg: '5', witnessId: witness.id, password: witness.password, totp: code }));
    expect(replay.statusCode).toBe(403);
    expect(replay.json().detail).toContain('already used');
  });

  it('makes a cancelled session return its draw to stock before it balances', async () => {
    const { vial, draw, sessionId } = await drawn('100');
    const open = await nurse.post(`/api/ledger/sessions/${sessionId}/reconciliation`, { closingAs: 'cancelled', administrations: [] });
    expect(open.json().discrepancies[0].code).toBe('cancelled_draw_unresolved');
    const unwitnessed = await nurse.post('/api/ledger/entries', { entry: { kind: 'return_to_stock', drawEntryId: draw.id, amount: { mg: '100' }, reason: 'Session cancelled', witnessId: null }, witness: null });
    expect(unwitnessed.statusCode).toBe(409);
    expect(unwitnessed.json().unmet.map((u: { code: string }) => u.code)).toEqual(['witness_required']);
    expect((await stock()).containers.find((c) => c.id === vial)?.balanceMg).toBe('900.00');
    const back = await nurse.post('/api/ledger/entries', {
      entry: { kind: 'return_to_stock', drawEntryId: draw.id, amount: { mg: '100' }, reason: 'Session cancelled', witnessId: witness.id },
      witness: { userId: witness.id, password: witness.password, totp: await witnessCode() },
    });
    expect(back.statusCode).toBe(201);
    expect((await stock()).containers.find((c) => c.id === vial)?.balanceMg).toBe('1000.00');
    expect((await nurse.post(`/api/ledger/sessions/${sessionId}/reconciliation`, { closingAs: 'cancelled', administrations: [] })).json().ok).toBe(true);
  });
});

describe('corrections', () => {
  it('corrects a draw with a reversing entry, never by editing it', async () => {
    const vial = await freshVial();
    const draw = (await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg: '30' } }))).json<EntryView>();
    const reversal = await nurse.post('/api/ledger/entries', { entry: { kind: 'reversal', reversesEntryId: draw.id, reason: 'Drawn from the wrong vial' }, witness: null });
    expect(reversal.statusCode).toBe(201);
    expect((await stock()).containers.find((c) => c.id === vial)?.balanceMg).toBe('1000.00');
    const twice = await nurse.post('/api/ledger/entries', { entry: { kind: 'reversal', reversesEntryId: draw.id, reason: 'Again' }, witness: null });
    expect(twice.json().unmet[0].code).toBe('already_reversed');
    const listed = (await nurse.get(`/api/ledger/entries?containerId=${vial}`)).json<EntryView[]>();
    expect(listed.find((e) => e.id === draw.id)?.reversedByEntryId).toBe(reversal.json<EntryView>().id);
  });

  it('lets only a physician or admin adjust a balance, with a reason', async () => {
    const vial = await freshVial();
    const body = { entry: { kind: 'adjustment', containerId: vial, locationId: safeA, direction: 'decrease', amount: { mg: '0.5' }, reason: 'End-of-day count', countId: null }, witness: null };
    const byNurse = await nurse.post('/api/ledger/entries', body);
    expect(byNurse.json().unmet.map((u: { code: string }) => u.code)).toEqual(['adjustment_role']);
    expect((await physician.post('/api/ledger/entries', body)).statusCode).toBe(201);
    expect((await physician.post('/api/ledger/entries', { ...body, entry: { ...body.entry, reason: ' ' } })).statusCode).toBe(400);
  });

  it('is refused by the database itself: entries cannot be updated or deleted', async () => {
    await expect(t.database.db.update(ledgerEntry).set({ kind: 'receipt' })).rejects.toThrow();
    await expect(t.database.db.delete(ledgerEntry)).rejects.toThrow();
    await expect(t.database.db.delete(ledgerContainer)).rejects.toThrow();
  });

  it('keeps a chain and balances that verify', async () => {
    const verdict = await verifyLedger(t.database.db);
    expect(verdict).toMatchObject({ ok: true, firstBad: null });
    expect(verdict.checked).toBe(await entryCount());
    expect((await auditor.get('/api/ledger/verify')).json()).toMatchObject({ ok: true });
  });
});

describe('access', () => {
  it('lets the auditor read everything but record nothing, and keeps therapists out', async () => {
    const seen = await auditor.get('/api/ledger/stock');
    expect(seen.statusCode, seen.body).toBe(200);
    const listed = await auditor.get('/api/ledger/entries');
    expect(listed.statusCode, listed.body).toBe(200);
    const vial = (await stock()).containers[0]?.id ?? '';
    expect((await auditor.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg: '1' } }))).statusCode).toBe(403);
    expect((await therapist.get('/api/ledger/stock')).statusCode).toBe(403);
    expect((await nurse.post('/api/ledger/products', { substance: 'ketamine hydrochloride', ndc: null, schedule: 'III', form: 'troche', strength: '50', unitsPerContainer: 30 })).statusCode).toBe(403);
  });
});

describe('expiry', () => {
  it('refuses a draw from a lot once the clinic-local date is past its expiry', async () => {
    const before = new Set((await stock()).containers.map((c) => c.id));
    await receive(nurse, { productId: vialProduct, locationId: safeA, receivedOn: today, expiresOn: today });
    const vial = (await stock()).containers.find((c) => !before.has(c.id))?.id ?? '';
    expect((await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg: '10' } }))).statusCode).toBe(201);
    // 06:00 UTC the next day is midnight in Chicago: the first clinic-local date after the expiry.
    t.clock.set(new Date(Date.parse(`${today}T00:00:00.000Z`) + 30 * 3_600_000));
    nurse = await signedIn(nurseStaff);
    const response = await nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg: '10' } }));
    expect(response.statusCode).toBe(409);
    expect(response.json().unmet.map((u: { code: string }) => u.code)).toEqual(['lot_expired']);
  });
});
