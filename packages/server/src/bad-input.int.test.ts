import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { Agent, testApp, type TestApp } from '../test/harness.js';
import { makeClinic, makePatient, makeStaff } from '../test/factories.js';
import { appUser, auditEvent, patient } from './platform/db/schema/index.js';

let t: TestApp;
let admin: Agent;
let frontDesk: Agent;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(path.join(os.tmpdir(), 'lantern-web-'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Lantern</title>');
  writeFileSync(path.join(webDir, 'app.js'), 'console.log(1)');
  t = await testApp({ config: { webDistDir: webDir } });
  const clinic = await makeClinic(t.database.db);
  const adminStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['admin'] });
  const desk = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'] });
  await makePatient(t.database.db, { clinicId: clinic.id, family: "O'Brien" });
  admin = new Agent(t.app);
  await admin.login(adminStaff.email, adminStaff.password);
  frontDesk = new Agent(t.app);
  await frontDesk.login(desk.email, desk.password);
});
afterAll(async () => t.close());

/** Row counts of the tables a bad request could have written to. */
async function snapshot(): Promise<number[]> {
  const tables = [appUser, patient];
  const counts = await Promise.all(tables.map(async (table) => Number((await t.database.db.select({ n: count() }).from(table))[0]?.n)));
  return counts;
}

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code?: string): void {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const body = response.json() as { status: number; code?: string; title: string; requestId: string };
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  expect(body.requestId).toBeTruthy();
  if (code) expect(body.code).toBe(code);
}

describe('bad input gets a clear 4xx problem and changes nothing', () => {
  it('refuses malformed JSON', async () => {
    const before = await snapshot();
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' }), 400, 'malformed_json');
    expectProblem(await admin.request('POST', '/api/admin/staff', undefined, { 'content-type': 'application/json' }), 400);
    expect(await snapshot()).toEqual(before);
  });

  it('names the field of a wrong type, an unknown field and an overlong string', async () => {
    const before = await snapshot();
    const wrongType = await admin.post('/api/admin/staff', { email: 'x@clinic.test', displayName: 42, roles: ['nurse'] });
    expectProblem(wrongType, 400, 'validation');
    expect(wrongType.json()).toMatchObject({ errors: [{ path: 'body.displayName' }] });
    const unknown = await admin.post('/api/admin/staff', { email: 'x@clinic.test', displayName: 'X', roles: ['nurse'], isAdmin: true });
    expect(unknown.json()).toMatchObject({ errors: [{ path: 'body.isAdmin', message: 'Unknown field' }] });
    const overlong = await admin.post('/api/admin/staff', { email: 'x@clinic.test', displayName: 'x'.repeat(121), roles: ['nurse'] });
    expect(overlong.json()).toMatchObject({ errors: [{ path: 'body.displayName' }] });
    const badRole = await admin.post('/api/admin/staff', { email: 'x@clinic.test', displayName: 'X', roles: ['superuser'] });
    expect(badRole.json()).toMatchObject({ errors: [{ path: 'body.roles.0' }] });
    const noRoles = await admin.post('/api/admin/staff', { email: 'x@clinic.test', displayName: 'X', roles: [] });
    expectProblem(noRoles, 400);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body over the limit with 413', async () => {
    const before = await snapshot();
    const huge = JSON.stringify({ email: 'x@clinic.test', displayName: 'x'.repeat(1_100_000), roles: ['nurse'] });
    expectProblem(await admin.request('POST', '/api/admin/staff', undefined, { 'content-type': 'application/json' }).then(() =>
      t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrfToken ?? '', 'content-type': 'application/json' }, payload: huge }),
    ), 413, 'body_too_large');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'email=x' });
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('treats SQL metacharacters as data in every kind of parameter', async () => {
    const before = await snapshot();
    const injections = ["' OR '1'='1", "1; DROP TABLE patient; --", "%' --", '\\', '"; SELECT pg_sleep(5); --'];
    for (const value of injections) {
      const encoded = encodeURIComponent(value);
      expectProblem(await frontDesk.get(`/api/patients/${encoded}`), 400, 'validation');
      const search = await frontDesk.get(`/api/patients?q=${encoded}`);
      expect(search.statusCode).toBe(200);
      expect(search.json()).toEqual([]);
      expectProblem(await admin.get(`/api/audit/events?userId=${encoded}`), 400, 'validation');
      const login = await new Agent(t.app).login(`${value}@x.co`, value);
      expect([400, 401]).toContain(login.statusCode);
    }
    // A real apostrophe in a name is still found.
    const obrien = await frontDesk.get(`/api/patients?q=${encodeURIComponent("O'Brien")}`);
    expect((obrien.json() as unknown[]).length).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses unknown query parameters and out-of-range paging', async () => {
    expectProblem(await frontDesk.get('/api/patients?limit=100000'), 400);
    expectProblem(await frontDesk.get('/api/patients?sort=name'), 400);
    expectProblem(await admin.get('/api/audit/events?from=yesterday'), 400);
  });

  it('never serves a file outside the web app through path traversal', async () => {
    for (const url of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/app.js/../../../etc/passwd', '/....//....//etc/passwd']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.body, url).not.toMatch(/root:|"workspaces"/);
      expect([200, 400, 403, 404], url).toContain(response.statusCode);
      if (response.statusCode === 200) expect(response.body).toContain('<title>Lantern</title>');
    }
    expect((await t.app.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
  });

  it('answers unknown API paths with a 404 problem, and client routes with the app', async () => {
    expectProblem(await admin.get('/api/no-such-thing'), 404, 'not_found');
    const page = await t.app.inject({ method: 'GET', url: '/admin/staff' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Lantern</title>');
  });

  it('does not leak patient data or internals in error messages', async () => {
    const response = await frontDesk.get(`/api/patients/${encodeURIComponent("O'Brien")}`);
    expect(response.body).not.toContain('O\'Brien');
    expect(response.body).not.toMatch(/at .*\.ts:\d+|stack/i);
  });
});

describe('the platform surface', () => {
  it('answers /health without a session, with the database state', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('serves the OpenAPI document and the browsable reference', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.json()).toMatchObject({ openapi: expect.stringMatching(/^3\./), paths: { '/api/auth/login': {}, '/api/me': {} } });
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('writes an audit row for the reads above but none for refused bad input', async () => {
    const [rows] = await t.database.db.select({ n: count() }).from(auditEvent);
    expect(Number(rows?.n)).toBeGreaterThan(0);
  });
});
