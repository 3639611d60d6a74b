import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/harness.js';
import { makeClinic } from '../../../test/factories.js';
import { formTokenIn, inquiryForm, urlencoded } from '../../../test/inquiries.js';
import { clinicAlert, inquiry } from '../../platform/db/schema/index.js';
import { issueFormToken } from './form-token.js';

let t: TestApp;
let address = 0;

beforeAll(async () => {
  t = await testApp();
  await makeClinic(t.database.db, 'Riverbend Ketamine Clinic');
});
afterAll(async () => t.close());

async function freshToken(): Promise<string> {
  const page = await t.app.inject({ method: 'GET', url: '/inquire' });
  return formTokenIn(page.body);
}

/** POSTs the form as a browser without JavaScript does, from an address of its own. */
async function send(fields: Record<string, string | string[]>, remoteAddress = `10.2.0.${(address += 1)}`): Promise<{ status: number; body: string }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/inquire',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: urlencoded(fields),
    remoteAddress,
  });
  return { status: response.statusCode, body: response.body };
}

async function counts(): Promise<{ inquiries: number; alerts: number }> {
  const [inquiries] = await t.database.db.select({ n: count() }).from(inquiry);
  const [alerts] = await t.database.db.select({ n: count() }).from(clinicAlert);
  return { inquiries: Number(inquiries?.n), alerts: Number(alerts?.n) };
}

function referenceIn(page: string): string {
  const match = /<p class="reference">(LQ-[0-9A-Z]{4}-[0-9A-Z]{4})<\/p>/.exec(page);
  if (!match?.[1]) throw new Error('no reference on the page');
  return match[1];
}

const HIGH_RISK_CSSRS = {
  cssrs_wishToBeDead: 'yes',
  cssrs_activeSuicidalThoughts: 'yes',
  cssrs_thoughtsOfMethod: 'yes',
  cssrs_intentToAct: 'yes',
  cssrs_planWithIntent: 'no',
  cssrs_suicidalBehavior: 'no',
};

describe('the inquiry form without JavaScript', () => {
  it('draws an accessible form with a signed token, a honeypot and the optional pre-screen', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/inquire' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<form class="form" method="post" action="/inquire" novalidate>');
    expect(page.body).toContain('<label for="givenName">First name</label>');
    expect(page.body).toContain('<details class="prescreen">');
    expect(page.body).toContain('Little interest or pleasure in doing things');
    expect(page.body).toContain('Have you ever done anything, started to do anything, or prepared to do anything to end your life?');
    expect(page.body).toContain('A benzodiazepine');
    expect(page.body).toMatch(/<div class="hp" aria-hidden="true">[\s\S]*name="website"/);
    expect(formTokenIn(page.body)).toMatch(/^\d+\.[\w-]{24}\.[\w-]{43}$/);
    expect(page.body).not.toMatch(/<script|style=/i);
  });

  it('stores a plain inquiry and shows a confirmation with a reference to keep', async () => {
    const before = await counts();
    const response = await send(inquiryForm({ formToken: await freshToken(), heardFrom: 'search', phq9_1: '1', phq9_2: '1', phq9_3: '0', phq9_4: '1', phq9_5: '0', phq9_6: '0', phq9_7: '0', phq9_8: '0', phq9_9: '0', condition: ['heart_disease', 'arrhythmia'] }));
    expect(response.status).toBe(200);
    expect(response.body).toContain('Thank you, we have your inquiry');
    expect(response.body).not.toContain('class="crisis"');
    const reference = referenceIn(response.body);
    const [row] = await t.database.db.select().from(inquiry).where(eq(inquiry.reference, reference));
    expect(row).toMatchObject({ source: 'web_form', triage: 'ready_for_evaluation', heardFrom: 'search' });
    expect(row?.prescreen).toMatchObject({ phq9: [1, 1, 0, 1, 0, 0, 0, 0, 0], conditions: ['heart_disease', 'arrhythmia'] });
    expect(await counts()).toEqual({ inquiries: before.inquiries + 1, alerts: before.alerts });
  });

  it('shows crisis resources first and raises an urgent alert for a high-risk answer', async () => {
    const before = await counts();
    const response = await send(inquiryForm({ formToken: await freshToken(), givenName: 'Wren', email: 'wren@example.test', ...HIGH_RISK_CSSRS }));
    expect(response.status).toBe(200);
    const crisisAt = response.body.indexOf('<section class="crisis" role="alert"');
    expect(crisisAt).toBeGreaterThan(0);
    expect(crisisAt).toBeLessThan(response.body.indexOf('Thank you, we have your inquiry'));
    expect(response.body).toContain('<a href="tel:988">Call 988</a>');
    expect(response.body).toContain('href="sms:988"');
    expect(response.body).toContain('<a href="tel:911">Call 911</a>');
    expect(await counts()).toEqual({ inquiries: before.inquiries + 1, alerts: before.alerts + 1 });
  });

  it('re-draws the form with field errors and the answers kept, storing nothing', async () => {
    const before = await counts();
    const response = await send({ formToken: await freshToken(), givenName: 'Nils', email: 'not-an-address', preferredContact: 'email', reason: '', phq9_1: '2', phq9_2: '1' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('<div class="error-summary" role="alert"');
    expect(response.body).toContain('<a href="#familyName">Enter your last name</a>');
    expect(response.body).toContain('<a href="#reason">Tell us a little about what brings you here</a>');
    expect(response.body).toContain('<a href="#phq9_3">Answer every PHQ-9 item with 0, 1, 2 or 3</a>');
    expect(response.body).toMatch(/id="email"[^>]*value="not-an-address"[^>]*aria-describedby="email-error" aria-invalid="true"/);
    expect(response.body).toContain('value="Nils"');
    expect(response.body).toContain('<details class="prescreen" open>');
    expect(response.body).toMatch(/id="phq9_1-2" name="phq9_1" value="2" checked/);
    expect(await counts()).toEqual(before);
  });

  it('shows crisis resources at once even when the rest of the form needs fixing', async () => {
    const before = await counts();
    const response = await send({ formToken: await freshToken(), givenName: '', cssrs_intentToAct: 'yes' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('<section class="crisis" role="alert"');
    expect(response.body).toContain('error-summary');
    expect(await counts()).toEqual(before);
  });

  it('escapes HTML and script typed into the form, while storing it verbatim', async () => {
    const reason = '<script>alert("x")</script><b>bold</b> & "quotes"';
    const refused = await send({ formToken: await freshToken(), givenName: '<img src=x onerror=alert(1)>', reason });
    expect(refused.status).toBe(400);
    expect(refused.body).not.toContain('<script>alert');
    expect(refused.body).not.toContain('<img src=x');
    expect(refused.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;');
    expect(refused.body).toContain('value="&lt;img src=x onerror=alert(1)&gt;"');
    const accepted = await send(inquiryForm({ formToken: await freshToken(), givenName: 'Ada <i>', email: 'ada@example.test', reason }));
    expect(accepted.status).toBe(200);
    const [row] = await t.database.db.select().from(inquiry).where(eq(inquiry.reference, referenceIn(accepted.body)));
    expect(row).toMatchObject({ reason, givenName: 'Ada <i>' });
  });

  it('treats the same form sent twice as one inquiry', async () => {
    const fields = inquiryForm({ formToken: await freshToken(), givenName: 'Odile', email: 'odile@example.test' });
    const first = await send(fields);
    const before = await counts();
    const again = await send(fields);
    expect(again.status).toBe(200);
    expect(referenceIn(again.body)).toBe(referenceIn(first.body));
    expect(again.body).toContain('We had already received this inquiry');
    expect(await counts()).toEqual(before);
  });

  it('thanks a filled-in honeypot and stores nothing', async () => {
    const before = await counts();
    const response = await send(inquiryForm({ formToken: await freshToken(), givenName: 'Bot', email: 'bot@example.test', website: 'http://spam.example' }));
    expect(response.status).toBe(200);
    expect(referenceIn(response.body)).toMatch(/^LQ-/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a missing, forged or stale form token, keeping the answers', async () => {
    const before = await counts();
    const missing = await send(inquiryForm({ givenName: 'Pia', email: 'pia@example.test' }));
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('We could not confirm that this form came from our site');
    expect(missing.body).toContain('value="Pia"');
    const forged = await send(inquiryForm({ formToken: issueFormToken(Buffer.alloc(32, 9), t.clock()), givenName: 'Pia', email: 'pia@example.test' }));
    expect(forged.status).toBe(400);
    const stale = issueFormToken(t.deps.config.secretKey, new Date(t.clock().getTime() - 25 * 3_600_000));
    const expired = await send(inquiryForm({ formToken: stale, givenName: 'Pia', email: 'pia@example.test' }));
    expect(expired.status).toBe(400);
    expect(expired.body).toContain('This form was open for a long time');
    expect(await counts()).toEqual(before);
  });

  it('answers a flood from one address with a friendly HTML page', async () => {
    const from = '198.51.100.9';
    for (let i = 0; i < 10; i += 1) await send({ givenName: `Flood${i}` }, from);
    const refused = await send({ givenName: 'Flood10' }, from);
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('<!doctype html>');
    expect(refused.body).toContain('Please try again in 15 minutes');
  });
});
