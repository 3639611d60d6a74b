import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { InquiryReceipt } from '@lantern/core';
import { testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, type TestClinic } from '../../../test/factories.js';
import { CSSRS_HIGH, inquiryJson, PHQ9_ITEM9 } from '../../../test/inquiries.js';
import { clinicAlert, inquiry } from '../../platform/db/schema/index.js';

let t: TestApp;
let clinic: TestClinic;
let address = 0;

/** Each call comes from its own address, so the per-address rate limit stays out of the way. */
function post(body: unknown, remoteAddress = `10.0.0.${(address += 1)}`): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/public/inquiries', payload: body as Record<string, unknown>, remoteAddress });
}

async function counts(): Promise<{ inquiries: number; alerts: number }> {
  const [inquiries] = await t.database.db.select({ n: count() }).from(inquiry);
  const [alerts] = await t.database.db.select({ n: count() }).from(clinicAlert);
  return { inquiries: Number(inquiries?.n), alerts: Number(alerts?.n) };
}

async function stored(reference: string): Promise<typeof inquiry.$inferSelect> {
  const [row] = await t.database.db.select().from(inquiry).where(eq(inquiry.reference, reference));
  if (!row) throw new Error(`no inquiry ${reference}`);
  return row;
}

beforeAll(async () => {
  t = await testApp();
  clinic = await makeClinic(t.database.db);
});
afterAll(async () => t.close());

describe('sending an inquiry through the JSON API', () => {
  it('stores the inquiry with its scores and triage, answers with a reference, and audits the creation as public', async () => {
    const mark = await auditMark(t.database.db);
    const response = await post(inquiryJson());
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json() as InquiryReceipt;
    expect(receipt).toMatchObject({ reference: expect.stringMatching(/^LQ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/), urgent: false, crisisResources: [], replayed: false });
    const row = await stored(receipt.reference);
    expect(row).toMatchObject({ clinicId: clinic.id, triage: 'ready_for_evaluation', status: 'new', urgent: false, source: 'api', givenName: 'Maren' });
    expect(row.scores).toMatchObject({ phq9: { total: 4, severity: 'minimal', item9: 0 }, gad7: { total: 11, severity: 'moderate' }, cssrs: { riskLevel: 'none' } });
    const events = await auditSince(t.database.db, mark);
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId, e.userRoles, e.clinicId])).toEqual([['create', 'Inquiry', row.id, 'public', clinic.id]]);
    expect(JSON.stringify(events)).not.toContain('Maren');
  });

  it('takes an inquiry without the pre-screen', async () => {
    const { prescreen: _prescreen, ...bare } = inquiryJson({ givenName: 'Tobias', email: 'tobias@example.test' });
    const response = await post(bare);
    expect(response.statusCode).toBe(201);
    expect((await stored((response.json() as InquiryReceipt).reference)).prescreen).toBeNull();
  });
});

describe('safety first', () => {
  it('answers a high-risk C-SSRS with crisis resources and writes an urgent alert in the same transaction', async () => {
    const before = await counts();
    const response = await post(inquiryJson({ givenName: 'Ines', email: 'ines@example.test', prescreen: { cssrs: CSSRS_HIGH } }));
    expect(response.statusCode).toBe(201);
    const receipt = response.json() as InquiryReceipt;
    expect(receipt.urgent).toBe(true);
    expect(receipt.crisisMessage).toContain('988');
    expect(receipt.crisisResources.flatMap((r) => r.contacts.map((c) => c.href))).toEqual(expect.arrayContaining(['tel:988', 'sms:988', 'tel:911']));
    const row = await stored(receipt.reference);
    expect(row).toMatchObject({ triage: 'urgent_safety', urgent: true });
    const [alert] = await t.database.db.select().from(clinicAlert).where(eq(clinicAlert.inquiryId, row.id));
    expect(alert).toMatchObject({ clinicId: clinic.id, kind: 'urgent_inquiry', severity: 'urgent', acknowledgedAt: null });
    expect(alert?.title).not.toContain('Ines');
    expect(alert?.reasons).toEqual([expect.objectContaining({ code: 'cssrs_high_risk' })]);
    expect(await counts()).toEqual({ inquiries: before.inquiries + 1, alerts: before.alerts + 1 });
  });

  it('treats any PHQ-9 item 9 above zero as urgent, whatever the total', async () => {
    const response = await post(inquiryJson({ givenName: 'Olu', email: 'olu@example.test', prescreen: { phq9: PHQ9_ITEM9 } }));
    const receipt = response.json() as InquiryReceipt;
    expect(receipt.urgent).toBe(true);
    const row = await stored(receipt.reference);
    expect(row.triageReasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'phq9_item9_positive', level: 'urgent' })]));
  });

  it('marks a likely ineligible inquiry with its reasons (pregnancy, a minor)', async () => {
    const pregnant = await post(inquiryJson({ givenName: 'Clara', email: 'clara@example.test', prescreen: { pregnant: true, conditions: ['heart_disease'] } }));
    const row = await stored((pregnant.json() as InquiryReceipt).reference);
    expect(row.triage).toBe('likely_ineligible');
    expect(row.triageReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'pregnancy', level: 'absolute' }), expect.objectContaining({ code: 'heart_disease', level: 'relative', clearance: ['EKG', 'Cardiology clearance letter'] })]),
    );
    const { dateOfBirth: _dob, ...noDob } = inquiryJson({ givenName: 'Kai', email: 'kai@example.test', ageYears: 16 });
    const minor = await stored(((await post(noDob)).json() as InquiryReceipt).reference);
    expect(minor.triageReasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'minimum_age', level: 'absolute' })]));
  });

  it('flags a self-reported benzodiazepine for review, since its dose cannot be converted', async () => {
    const response = await post(inquiryJson({ givenName: 'Bo', email: 'bo@example.test', prescreen: { medicationClasses: ['benzodiazepine', 'antidepressant'] } }));
    const row = await stored((response.json() as InquiryReceipt).reference);
    expect(row.triage).toBe('ready_for_evaluation');
    expect(row.triageReasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'interaction_benzodiazepine', level: 'relative' })]));
  });
});

describe('bad input', () => {
  it('refuses incomplete or impossible answers with 400 and a field path, storing nothing', async () => {
    const before = await counts();
    const cases: [unknown, string][] = [
      [inquiryJson({ email: undefined, phone: undefined }), 'body.email'],
      [inquiryJson({ preferredContact: 'text', phone: undefined }), 'body.phone'],
      [{ ...inquiryJson(), prescreen: { phq9: [1, 1, 1, 1, 1, 1, 1, 1] } }, 'body.prescreen.phq9'],
      [inquiryJson({ prescreen: { cssrs: { wishToBeDead: true, activeSuicidalThoughts: true, suicidalBehavior: false } } }), 'body.prescreen.cssrs.thoughtsOfMethod'],
      [inquiryJson({ dateOfBirth: '2026-02-30' }), 'body.dateOfBirth'],
      [inquiryJson({ givenName: 'x'.repeat(101) }), 'body.givenName'],
      [{ ...inquiryJson(), isAdmin: true }, 'body.isAdmin'],
    ];
    for (const [body, path] of cases) {
      const response = await post(body);
      expect(response.statusCode, path).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect((response.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
    const future = await post(inquiryJson({ dateOfBirth: '2031-01-01' }));
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ errors: [{ path: 'dateOfBirth' }] });
    expect(await counts()).toEqual(before);
  });

  it('never echoes what was typed in an error', async () => {
    const response = await post(inquiryJson({ email: 'Solberg <not-an-address>' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('Solberg');
  });
});

describe('spam and repeats', () => {
  it('thanks a filled-in honeypot like a person but stores nothing, and still shows crisis resources when urgent', async () => {
    const before = await counts();
    const response = await post(inquiryJson({ website: 'https://cheap-pills.example', prescreen: { phq9: PHQ9_ITEM9 } }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ reference: expect.stringMatching(/^LQ-/), urgent: true });
    expect(await counts()).toEqual(before);
  });

  it('returns the first receipt for the same idempotency key, and refuses the key with different answers', async () => {
    const key = 'key-0123456789abcdef';
    const first = await post(inquiryJson({ givenName: 'Yara', email: 'yara@example.test', idempotencyKey: key }));
    const before = await counts();
    const again = await post(inquiryJson({ givenName: 'Yara', email: 'yara@example.test', idempotencyKey: key }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ reference: (first.json() as InquiryReceipt).reference, replayed: true });
    const changed = await post(inquiryJson({ givenName: 'Yara', email: 'yara@example.test', reason: 'Something else', idempotencyKey: key }));
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await counts()).toEqual(before);
  });

  it('treats the same answers within 10 minutes as one inquiry, urgent receipts included', async () => {
    const body = inquiryJson({ givenName: 'Rafe', email: 'rafe@example.test', prescreen: { cssrs: CSSRS_HIGH } });
    const first = (await post(body)).json() as InquiryReceipt;
    const before = await counts();
    t.clock.advanceMinutes(9);
    const second = (await post(body)).json() as InquiryReceipt;
    expect(second).toMatchObject({ reference: first.reference, urgent: true, replayed: true });
    expect(second.crisisResources.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
    t.clock.advanceMinutes(2);
    const later = (await post(body)).json() as InquiryReceipt;
    expect(later.reference).not.toBe(first.reference);
    t.clock.advanceMinutes(-11);
  });

  it('limits each address to 10 inquiries in 15 minutes', async () => {
    const from = '192.0.2.77';
    for (let i = 0; i < 10; i += 1) {
      expect((await post(inquiryJson({ givenName: `Sam${i}`, email: `sam${i}@example.test` }), from)).statusCode).toBe(201);
    }
    const refused = await post(inquiryJson({ givenName: 'Sam10', email: 'sam10@example.test' }), from);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited' });
  });
});
