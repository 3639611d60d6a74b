import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makeStaff } from '../../../test/factories.js';
import { clinic, publicPage } from '../../platform/db/schema/index.js';

let t: TestApp;
let admin: Agent;
let clinicId: string;

beforeAll(async () => {
  t = await testApp();
  clinicId = (await makeClinic(t.database.db, 'Riverbend Ketamine Clinic')).id;
  await t.database.db.update(clinic).set({ phone: '218-555-0110' }).where(eq(clinic.id, clinicId));
  admin = new Agent(t.app);
  const staff = await makeStaff(t.database.db, { clinicId, roles: ['admin'] });
  await admin.login(staff.email, staff.password);
});
afterAll(async () => t.close());

function get(url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url });
}

describe('the public program pages', () => {
  it.each([
    ['/', 'Therapy first, with a medicine that can open the way'],
    ['/program', 'How the program works'],
    ['/safety', 'Safety comes first'],
    ['/faq', 'Frequently asked questions'],
    ['/billing', 'Billing and insurance'],
  ])('serves %s as HTML that needs no JavaScript', async (url, heading) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/^<!doctype html>/);
    expect(response.body).toContain(`<h1>${heading}</h1>`);
    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain('name="viewport"');
    expect(response.body).not.toMatch(/<script|style=/i);
    expect(response.body).toContain('Riverbend Ketamine Clinic');
    expect(response.body).toContain('href="tel:988"');
    expect(response.body).toContain('href="/inquire"');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('says what the program is: conditions, the four phases with session counts, the routes and the modalities', async () => {
    const home = (await get('/')).body;
    for (const condition of ['depression', 'post-traumatic stress', 'panic attacks', 'suicidal thoughts', 'fear of death']) expect(home).toContain(condition);
    const program = (await get('/program')).body;
    for (const text of ['Evaluation', 'Preparation', 'Medicine', 'Integration', 'usually 3 to 4', '2 to 4', '1 to 3 after each medicine session', 'Oral', 'Intramuscular (IM)', 'Religious trauma', 'Couples, family and relationships', 'Group', 'Grief']) {
      expect(program).toContain(text);
    }
  });

  it('marks the current page in the navigation and serves the stylesheet from a versioned URL', async () => {
    const page = (await get('/faq')).body;
    expect(page).toContain('<a href="/faq" aria-current="page">FAQ</a>');
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1] ?? '';
    expect(href).toMatch(/^\/site\.css\?v=[0-9a-f]{12}$/);
    const css = await get(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toContain('.crisis');
  });
});

describe('editing the pages', () => {
  it('lets an admin replace a page, shows it at once, and audits the change without the text', async () => {
    const list = (await admin.get('/api/admin/pages')).json() as { slug: string; isDefault: boolean; path: string }[];
    expect(list.map((p) => p.slug)).toEqual(['home', 'program', 'safety', 'faq', 'billing', 'inquire']);
    expect(list.every((p) => p.isDefault)).toBe(true);
    const mark = await auditMark(t.database.db);
    const saved = await admin.put('/api/admin/pages/faq', { title: 'Questions', body: '# Our questions\n\nCall us any weekday.' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ slug: 'faq', title: 'Questions', isDefault: false, updatedBy: expect.any(String) });
    expect(await auditSince(t.database.db, mark)).toEqual([expect.objectContaining({ action: 'update', resourceType: 'PublicPage', resourceId: 'faq' })]);
    const page = (await get('/faq')).body;
    expect(page).toContain('<h1>Our questions</h1>');
    expect(page).toContain('<title>Questions · Riverbend Ketamine Clinic</title>');
    const [rows] = await t.database.db.select({ n: count() }).from(publicPage).where(eq(publicPage.clinicId, clinicId));
    expect(Number(rows?.n)).toBe(1);
  });

  it('shows raw HTML and script in Markdown as text, and drops javascript: links', async () => {
    const body = '# Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(2)> [click](javascript:alert(3)) [safe](/program)';
    await admin.put('/api/admin/pages/billing', { title: 'Billing <b>& more</b>', body });
    const page = (await get('/billing')).body;
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('<a href="/program">safe</a>');
    expect(page).toContain('<title>Billing &lt;b&gt;&amp; more&lt;/b&gt; · Riverbend Ketamine Clinic</title>');
    const preview = await admin.post('/api/admin/pages/preview', { body });
    expect((preview.json() as { html: string }).html).toContain('&lt;script&gt;');
  });

  it('refuses an unknown page, an empty title, an oversized body, and anyone but an admin', async () => {
    expect((await admin.put('/api/admin/pages/secret', { title: 'x', body: 'y' })).statusCode).toBe(400);
    expect((await admin.put('/api/admin/pages/faq', { title: '', body: 'y' })).json()).toMatchObject({ errors: [{ path: 'body.title' }] });
    expect((await admin.put('/api/admin/pages/faq', { title: 'T', body: 'y'.repeat(70_000) })).statusCode).toBe(400);
    const desk = new Agent(t.app);
    const staff = await makeStaff(t.database.db, { clinicId, roles: ['front_desk'] });
    await desk.login(staff.email, staff.password);
    expect((await desk.put('/api/admin/pages/faq', { title: 'Mine', body: 'now' })).statusCode).toBe(403);
    expect((await get('/faq')).body).toContain('<h1>Our questions</h1>');
  });
});
