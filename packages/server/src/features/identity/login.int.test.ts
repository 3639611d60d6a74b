import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makeStaff, userRow, type TestClinic } from '../../../test/factories.js';
import { totpNow } from '../../platform/auth/totp.js';

let t: TestApp;
let clinic: TestClinic;

beforeAll(async () => {
  t = await testApp();
  clinic = await makeClinic(t.database.db);
});
afterAll(async () => t.close());

describe('sign-in', () => {
  it('signs in with e-mail and password, sets an httpOnly SameSite session cookie, and audits it', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'] });
    const mark = await auditMark(t.database.db);
    const agent = new Agent(t.app);
    const response = await agent.login(staff.email.toUpperCase(), staff.password);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'lantern_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await agent.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: staff.id, roles: ['therapist'] }, session: { mfa: 'exempt', idleTimeoutMinutes: 15 } });
    const events = await auditSince(t.database.db, mark);
    expect(events.map((e) => [e.action, e.outcome, e.userId])).toEqual([['login', 'success', staff.id]]);
  });

  it('refuses a wrong password with 401 problem+json, counts it, and audits the failure', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'] });
    const mark = await auditMark(t.database.db);
    const response = await new Agent(t.app).login(staff.email, 'not the password');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'bad_credentials' });
    expect(response.cookies).toHaveLength(0);
    expect((await userRow(t.database.db, staff.id)).failedAttempts).toBe(1);
    const events = await auditSince(t.database.db, mark);
    expect(events.map((e) => [e.action, e.outcome])).toEqual([['login_failed', 'failure']]);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const response = await new Agent(t.app).login('nobody@clinic.test', 'whatever-password');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'bad_credentials', detail: 'E-mail or password is incorrect' });
  });

  it('locks the account after the policy threshold, even for the right password, until an admin unlocks it', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'] });
    const admin = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['admin'] });
    for (let i = 0; i < 5; i++) expect((await new Agent(t.app).login(staff.email, 'wrong-wrong-wrong')).statusCode).toBe(401);
    const locked = await new Agent(t.app).login(staff.email, staff.password);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'locked' });

    const adminAgent = new Agent(t.app);
    await adminAgent.login(admin.email, admin.password);
    const unlock = await adminAgent.post(`/api/admin/staff/${staff.id}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json()).toMatchObject({ locked: false });
    expect((await new Agent(t.app).login(staff.email, staff.password)).statusCode).toBe(200);
  });

  it('lets a timed lock lapse after the policy minutes', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['billing'] });
    for (let i = 0; i < 5; i++) await new Agent(t.app).login(staff.email, 'wrong-wrong-wrong');
    expect((await new Agent(t.app).login(staff.email, staff.password)).statusCode).toBe(423);
    t.clock.advanceMinutes(31);
    expect((await new Agent(t.app).login(staff.email, staff.password)).statusCode).toBe(200);
  });

  it('refuses a deactivated account', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'], active: false });
    expect((await new Agent(t.app).login(staff.email, staff.password)).statusCode).toBe(401);
  });
});

describe('TOTP multi-factor', () => {
  it('asks an enrolled account for its code, accepts a current one, and refuses its replay', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['physician'], mfa: 'enrolled' });
    const secret = staff.totpSecret ?? '';
    const noCode = await new Agent(t.app).login(staff.email, staff.password);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json()).toMatchObject({ code: 'mfa_required' });

    const code = await totpNow(secret, t.clock());
    const agent = new Agent(t.app);
    expect((await agent.login(staff.email, staff.password, { totp: code })).statusCode).toBe(200);
    expect((await agent.get('/api/me')).json()).toMatchObject({ session: { mfa: 'satisfied' } });

    const replay = await new Agent(t.app).login(staff.email, staff.password, { totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'bad_mfa_code' });
  });

  it('refuses a wrong code and counts it toward the lockout', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['physician'], mfa: 'enrolled' });
    const response = await new Agent(t.app).login(staff.email, staff.password, { totp: '000000' });
    expect(response.statusCode).toBe(401);
    expect((await userRow(t.database.db, staff.id)).failedAttempts).toBe(1);
  });

  it('makes a non-exempt account enrol before anything else, then gives recovery codes that work once', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'], mfa: 'required' });
    const agent = new Agent(t.app);
    expect((await agent.login(staff.email, staff.password)).statusCode).toBe(200);
    expect((await agent.get('/api/me')).json()).toMatchObject({ session: { mfa: 'enrolment_required' } });
    const blocked = await agent.get('/api/patients');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'mfa_enrolment_required' });

    const start = await agent.post('/api/auth/mfa/enrol');
    expect(start.statusCode).toBe(200);
    const { secret, qrDataUrl, otpauthUrl } = start.json() as { secret: string; qrDataUrl: string; otpauthUrl: string };
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(otpauthUrl).toContain('otpauth://totp/');

    expect((await agent.post('/api/auth/mfa/confirm', { code: '123456' })).statusCode).toBe(400);
    const confirm = await agent.post('/api/auth/mfa/confirm', { code: await totpNow(secret, t.clock()) });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect((await agent.get('/api/patients')).statusCode).toBe(200);

    const withRecovery = await new Agent(t.app).login(staff.email, staff.password, { recoveryCode: recoveryCodes[0] ?? '' });
    expect(withRecovery.statusCode).toBe(200);
    const reused = await new Agent(t.app).login(staff.email, staff.password, { recoveryCode: recoveryCodes[0] ?? '' });
    expect(reused.statusCode).toBe(401);
  });

  it('refuses to enrol twice', async () => {
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['physician'], mfa: 'enrolled' });
    const agent = new Agent(t.app);
    await agent.login(staff.email, staff.password, { totp: await totpNow(staff.totpSecret ?? '', t.clock()) });
    expect((await agent.post('/api/auth/mfa/enrol')).statusCode).toBe(409);
  });
});
