import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makeStaff, type TestClinic, type TestStaff } from '../../../test/factories.js';

let t: TestApp;
let clinic: TestClinic;
let nurse: TestStaff;

beforeAll(async () => {
  t = await testApp();
  clinic = await makeClinic(t.database.db);
  nurse = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'] });
});
afterAll(async () => t.close());

async function signedIn(staff: TestStaff = nurse): Promise<Agent> {
  const agent = new Agent(t.app);
  expect((await agent.login(staff.email, staff.password)).statusCode).toBe(200);
  return agent;
}

describe('sessions', () => {
  it('refuses every API route without a session (default deny)', async () => {
    for (const url of ['/api/me', '/api/patients', '/api/admin/staff', '/api/audit/events']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('refuses a forged session cookie', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'lantern_session=forged-token-value' } });
    expect(response.statusCode).toBe(401);
  });

  it('ends a session after the idle timeout and says so', async () => {
    const agent = await signedIn();
    t.clock.advanceMinutes(14);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(14); // active 14 minutes ago: still alive
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(16);
    const expired = await agent.get('/api/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'session_expired' });
    // …and the session is gone for good, not just for this request.
    t.clock.advanceMinutes(-16);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
    t.clock.advanceMinutes(16);
  });

  it('ends a session at its absolute lifetime even when active', async () => {
    const agent = await signedIn();
    // Active every 10 minutes for 12 hours: never idle, yet it ends at the 12-hour lifetime.
    for (let step = 1; step < 72; step++) {
      t.clock.advanceMinutes(10);
      expect((await agent.get('/api/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(10);
    const ended = await agent.get('/api/me');
    expect(ended.statusCode).toBe(401);
    expect(ended.json()).toMatchObject({ code: 'session_expired' });
  });

  it('signs out one session, and audits it', async () => {
    const agent = await signedIn();
    const other = await signedIn();
    const mark = await auditMark(t.database.db);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
    expect((await other.get('/api/me')).statusCode).toBe(200);
    expect((await auditSince(t.database.db, mark)).map((e) => e.action)).toEqual(['logout']);
  });

  it('signs out everywhere', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'] });
    const first = await signedIn(staff);
    const second = await signedIn(staff);
    const response = await first.post('/api/auth/logout-everywhere');
    expect(response.json()).toMatchObject({ ok: true, sessionsEnded: 2 });
    expect((await second.get('/api/me')).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, and with a wrong one', async () => {
    const agent = await signedIn();
    const missing = await agent.request('POST', '/api/auth/logout-everywhere', {}, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'csrf' });
    const wrong = await agent.request('POST', '/api/auth/logout-everywhere', {}, { 'x-csrf-token': 'x'.repeat(32) });
    expect(wrong.statusCode).toBe(403);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
  });

  it('hands the token out with /api/me', async () => {
    const agent = await signedIn();
    const me = (await agent.get('/api/me')).json() as { session: { csrfToken: string } };
    expect(me.session.csrfToken).toBe(agent.csrfToken);
  });
});

describe('passwords', () => {
  it('changes a password, ending every session, and refuses a weak one or a wrong current one', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['billing'] });
    const agent = await signedIn(staff);
    const weak = await agent.post('/api/auth/password', { currentPassword: staff.password, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ errors: [{ path: 'newPassword' }] });
    const wrong = await agent.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'a much better passphrase' });
    expect(wrong.statusCode).toBe(400);
    const changed = await agent.post('/api/auth/password', { currentPassword: staff.password, newPassword: 'a much better passphrase' });
    expect(changed.statusCode).toBe(200);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
    expect((await new Agent(t.app).login(staff.email, staff.password)).statusCode).toBe(401);
    expect((await new Agent(t.app).login(staff.email, 'a much better passphrase')).statusCode).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 problem+json past the per-address limit', async () => {
    const limited = await testApp({ database: t.database, config: { loginRateLimitPerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await new Agent(limited.app).login('someone@clinic.test', 'nope-nope-nope')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('background requests', () => {
  it('do not keep an idle session alive', async () => {
    const agent = await signedIn();
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(4);
      expect((await agent.get('/api/me', { 'x-lantern-background': '1' })).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(4); // 16 minutes since the last real activity
    expect((await agent.get('/api/me')).statusCode).toBe(401);
  });
});
