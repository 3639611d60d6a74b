import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince, makeClinic, makeStaff, userRow, type TestClinic, type TestStaff } from '../../../test/factories.js';
import { totpNow } from '../../platform/auth/totp.js';

let t: TestApp;
let clinic: TestClinic;
let adminStaff: TestStaff;
let admin: Agent;

beforeAll(async () => {
  t = await testApp();
  clinic = await makeClinic(t.database.db);
  adminStaff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['admin'] });
  admin = new Agent(t.app);
  await admin.login(adminStaff.email, adminStaff.password);
});
afterAll(async () => t.close());

describe('inviting staff', () => {
  it('creates the account, queues the invitation, and the invitee sets a password then must enrol in MFA', async () => {
    const mark = await auditMark(t.database.db);
    const created = await admin.post('/api/admin/staff', { email: 'New.Nurse@Clinic.test', displayName: 'Noor Haddad, RN', roles: ['nurse'] });
    expect(created.statusCode).toBe(201);
    const { staff, inviteUrl } = created.json() as { staff: { id: string; email: string; mfaExempt: boolean }; inviteUrl: string };
    expect(staff).toMatchObject({ email: 'new.nurse@clinic.test', mfaExempt: false });
    expect(inviteUrl).toMatch(/^http:\/\/localhost:3000\/invite#.{40,}$/);
    const outbox = (await admin.get('/api/admin/outbox')).json() as { to: string; body: string }[];
    expect(outbox[0]).toMatchObject({ to: 'new.nurse@clinic.test' });
    expect(outbox[0]?.body).toContain(inviteUrl);
    expect((await auditSince(t.database.db, mark)).map((e) => [e.action, e.resourceType, e.resourceId])).toEqual([['create', 'User', staff.id]]);

    const token = inviteUrl.split('#')[1] ?? '';
    const weak = await new Agent(t.app).post('/api/auth/invite/accept', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect((await new Agent(t.app).post('/api/auth/invite/accept', { token, password: 'night shift lantern' })).statusCode).toBe(200);
    const reused = await new Agent(t.app).post('/api/auth/invite/accept', { token, password: 'another long phrase' });
    expect(reused.statusCode).toBe(400);

    const invitee = new Agent(t.app);
    expect((await invitee.login('new.nurse@clinic.test', 'night shift lantern')).statusCode).toBe(200);
    expect((await invitee.get('/api/me')).json()).toMatchObject({ session: { mfa: 'enrolment_required' } });
    const { secret } = (await invitee.post('/api/auth/mfa/enrol')).json() as { secret: string };
    expect((await invitee.post('/api/auth/mfa/confirm', { code: await totpNow(secret, t.clock()) })).statusCode).toBe(200);
    expect((await invitee.get('/api/patients')).statusCode).toBe(200);
  });

  it('refuses an invitation after it expires', async () => {
    const created = await admin.post('/api/admin/staff', { email: 'late@clinic.test', displayName: 'Late Person', roles: ['billing'] });
    const token = (created.json() as { inviteUrl: string }).inviteUrl.split('#')[1] ?? '';
    t.clock.advanceMinutes(72 * 60 + 1);
    const response = await new Agent(t.app).post('/api/auth/invite/accept', { token, password: 'a perfectly good phrase' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'token' }] });
    t.clock.advanceMinutes(-(72 * 60 + 1));
  });

  it('refuses a duplicate e-mail, whatever its case', async () => {
    const response = await admin.post('/api/admin/staff', { email: adminStaff.email.toUpperCase(), displayName: 'Dup', roles: ['nurse'] });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'email_taken' });
  });
});

describe('changing accounts', () => {
  it('replaces roles, applies them to live sessions at once, and audits from and to', async () => {
    const member = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['front_desk'] });
    const agent = new Agent(t.app);
    await agent.login(member.email, member.password);
    expect((await agent.get('/api/admin/staff')).statusCode).toBe(403);
    const mark = await auditMark(t.database.db);
    const response = await admin.put(`/api/admin/staff/${member.id}/roles`, { roles: ['front_desk', 'admin'] });
    expect(response.json()).toMatchObject({ roles: ['front_desk', 'admin'] });
    expect((await agent.get('/api/admin/staff')).statusCode).toBe(200);
    const [event] = await auditSince(t.database.db, mark);
    expect(event).toMatchObject({ action: 'update', resourceId: member.id, detail: { field: 'roles', from: ['front_desk'], to: ['front_desk', 'admin'] } });
  });

  it('deactivates an account and ends its sessions; reactivation restores sign-in', async () => {
    const member = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['therapist'] });
    const agent = new Agent(t.app);
    await agent.login(member.email, member.password);
    expect((await admin.post(`/api/admin/staff/${member.id}/deactivate`)).json()).toMatchObject({ active: false });
    expect((await agent.get('/api/me')).statusCode).toBe(401);
    expect((await new Agent(t.app).login(member.email, member.password)).statusCode).toBe(401);
    await admin.post(`/api/admin/staff/${member.id}/reactivate`);
    expect((await new Agent(t.app).login(member.email, member.password)).statusCode).toBe(200);
  });

  it('resets MFA: the secret and recovery codes go, sessions end, and the member enrols again', async () => {
    const member = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['physician'], mfa: 'enrolled' });
    const response = await admin.post(`/api/admin/staff/${member.id}/reset-mfa`);
    expect(response.json()).toMatchObject({ mfaEnabled: false });
    const row = await userRow(t.database.db, member.id);
    expect(row.mfaSecret).toBeNull();
    const agent = new Agent(t.app);
    expect((await agent.login(member.email, member.password)).statusCode).toBe(200);
    expect((await agent.get('/api/me')).json()).toMatchObject({ session: { mfa: 'enrolment_required' } });
  });

  it('keeps at least one active administrator and refuses self-deactivation', async () => {
    const solo = await makeClinic(t.database.db);
    const onlyAdmin = await makeStaff(t.database.db, { clinicId: solo.id, roles: ['admin'] });
    const agent = new Agent(t.app);
    await agent.login(onlyAdmin.email, onlyAdmin.password);
    const demote = await agent.put(`/api/admin/staff/${onlyAdmin.id}/roles`, { roles: ['auditor'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({ code: 'last_admin' });
    expect((await userRow(t.database.db, onlyAdmin.id)).roles).toEqual(['admin']);
    const self = await admin.post(`/api/admin/staff/${adminStaff.id}/deactivate`);
    expect(self.statusCode).toBe(409);
  });

  it("cannot reach another clinic's staff", async () => {
    const other = await makeClinic(t.database.db);
    const stranger = await makeStaff(t.database.db, { clinicId: other.id, roles: ['nurse'] });
    expect((await admin.post(`/api/admin/staff/${stranger.id}/deactivate`)).statusCode).toBe(404);
    expect(((await admin.get('/api/admin/staff')).json() as { id: string }[]).some((s) => s.id === stranger.id)).toBe(false);
    expect((await userRow(t.database.db, stranger.id)).active).toBe(true);
  });
});

describe('clinic policy', () => {
  it('saves a new version that takes effect, keeping the old one', async () => {
    const before = (await admin.get('/api/admin/policy')).json() as { version: number };
    const saved = await admin.put('/api/admin/policy', { policy: { security: { idleTimeoutMinutes: 10 } }, note: 'Shared tablets in the dosing rooms' });
    expect(saved.json()).toMatchObject({ version: before.version + 1, policy: { security: { idleTimeoutMinutes: 10, lockoutThreshold: 5 } } });
    const agent = new Agent(t.app);
    const staff = await makeStaff(t.database.db, { clinicId: clinic.id, roles: ['nurse'] });
    await agent.login(staff.email, staff.password);
    t.clock.advanceMinutes(11);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
    await admin.login(adminStaff.email, adminStaff.password);
    await admin.put('/api/admin/policy', { policy: { security: {} }, note: 'Back to defaults' });
  });

  it('refuses an unsafe value', async () => {
    const response = await admin.put('/api/admin/policy', { policy: { security: { idleTimeoutMinutes: 0 } }, note: null });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'body.policy.security.idleTimeoutMinutes' }] });
  });
});
