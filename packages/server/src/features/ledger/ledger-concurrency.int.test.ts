import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockView } from '@lantern/core';
import { Agent, ENGINE, testApp, type TestApp } from '../../../test/harness.js';
import { makeClinic, makePatient, makeStaff } from '../../../test/factories.js';
import { catalogue, drawBody, receive } from './ledger-kit.js';
import { verifyLedger } from './verify.js';

let t: TestApp;
let nurse: Agent;
let patientId: string;
let safeA: string;
let vial: string;

beforeAll(async () => {
  t = await testApp();
  const clinic = await makeClinic(t.database.db);
  nurse = new Agent(t.app);
  const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse', 'physician'] });
  await nurse.login(staff.email, staff.password);
  patientId = (await makePatient(t.database.db, { clinicId: clinic.id })).id;
  const { locations, vial: product } = await catalogue(nurse);
  safeA = locations[0]?.id ?? '';
  await receive(nurse, { productId: product.id, locationId: safeA, receivedOn: (await nurse.get('/api/ledger/stock')).json<StockView>().today });
  vial = (await nurse.get('/api/ledger/stock')).json<StockView>().containers[0]?.id ?? '';
});
afterAll(async () => t.close());

describe(`concurrent draws on one vial (${ENGINE})`, () => {
  it('lets exactly the stock’s worth of 40 simultaneous 50 mg draws through, and never goes below zero', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => nurse.post('/api/ledger/entries', drawBody({ containerId: vial, locationId: safeA, patientId, amount: { mg: '50' } }))),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.filter((c) => c === 409)).toHaveLength(20);
    for (const refused of responses.filter((r) => r.statusCode === 409)) expect(refused.json().unmet[0].code).toBe('insufficient_stock');
    const stock = (await nurse.get('/api/ledger/stock?includeEmpty=true')).json<StockView>();
    expect(stock.containers.find((c) => c.id === vial)?.balanceMg).toBe('0.00');
    expect(await verifyLedger(t.database.db)).toEqual({ ok: true, checked: 21, firstBad: null });
  });

  it('lets only one of two simultaneous draws for the same administration through', async () => {
    await receive(nurse, { productId: (await nurse.get('/api/ledger/stock')).json<StockView>().products[0]?.id ?? '', locationId: safeA, receivedOn: (await nurse.get('/api/ledger/stock')).json<StockView>().today });
    const full = (await nurse.get('/api/ledger/stock')).json<StockView>().containers.find((c) => c.balanceMg === '1000.00')?.id ?? '';
    const administrationId = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => nurse.post('/api/ledger/entries', drawBody({ containerId: full, locationId: safeA, patientId, amount: { mg: '10' }, administrationId }))),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect((await verifyLedger(t.database.db)).ok).toBe(true);
  });
});
