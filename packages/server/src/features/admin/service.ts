import {
  clinicPolicy,
  Conflict,
  NotFound,
  type ClinicPolicy,
  type CreateStaffRequest,
  type PolicyVersion,
  type StaffMember,
  type StaffRole,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { revokeUserSessions } from '../../platform/auth/sessions.js';
import { savePolicyVersion } from '../../platform/policy.js';
import { createInvite, replaceRecoveryCodes, updateUser } from '../identity/repo.js';
import * as repo from './repo.js';

const INVITE_HOURS = 72;

export async function listStaff(deps: AppDeps, ctx: AuthedContext): Promise<StaffMember[]> {
  const rows = await repo.listStaff(deps.db, ctx.auth.user.clinicId);
  return rows.map((row) => repo.toStaffMember(row, ctx.now));
}

/** Invites a staff member: the account exists at once, and a one-time link lets them set a password. */
export async function createStaff(
  deps: AppDeps,
  ctx: AuthedContext,
  input: CreateStaffRequest,
): Promise<{ staff: StaffMember; inviteUrl: string; inviteExpiresAt: string }> {
  return transact(deps.db, ctx, async (tx, audit) => {
    if (await repo.emailTaken(tx, input.email)) throw new Conflict('An account with this e-mail already exists', 'email_taken');
    const row = await repo.insertStaff(tx, { clinicId: ctx.auth.user.clinicId, email: input.email, displayName: input.displayName, roles: input.roles, now: ctx.now });
    const token = randomToken();
    const expiresAt = new Date(ctx.now.getTime() + INVITE_HOURS * 3_600_000);
    await createInvite(tx, { userId: row.id, tokenHash: sha256Hex(token), expiresAt });
    const inviteUrl = `${deps.config.publicUrl}/invite#${token}`;
    await repo.enqueueMessage(tx, {
      clinicId: ctx.auth.user.clinicId,
      to: input.email,
      subject: 'Your Lantern account',
      body: `${ctx.auth.user.displayName} has invited you to Lantern.\n\nSet your password within ${INVITE_HOURS} hours: ${inviteUrl}\n\nYou will then set up two-factor authentication.`,
    });
    audit.record({ action: 'create', resourceType: 'User', resourceId: row.id, detail: { roles: input.roles } });
    return { staff: repo.toStaffMember(row, ctx.now), inviteUrl, inviteExpiresAt: expiresAt.toISOString() };
  });
}

type StaffChange =
  | { readonly kind: 'roles'; readonly roles: readonly StaffRole[] }
  | { readonly kind: 'deactivate' }
  | { readonly kind: 'reactivate' }
  | { readonly kind: 'reset_mfa' }
  | { readonly kind: 'unlock' };

/** Every change to an account goes through here, is checked against the last-admin rule, and is audited. */
export async function changeStaff(deps: AppDeps, ctx: AuthedContext, id: string, change: StaffChange): Promise<StaffMember> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const clinicId = ctx.auth.user.clinicId;
    const row = await repo.lockStaff(tx, clinicId, id);
    if (!row) throw new NotFound('Staff member');
    const losesAdmin =
      row.active && row.roles.includes('admin') &&
      (change.kind === 'deactivate' || (change.kind === 'roles' && !change.roles.includes('admin')));
    if (losesAdmin && (await repo.otherActiveAdmins(tx, clinicId, id)) === 0) {
      throw new Conflict('The clinic must keep at least one active administrator', 'last_admin');
    }
    if (change.kind === 'deactivate' && id === ctx.auth.user.id) throw new Conflict('You cannot deactivate your own account', 'self_deactivate');
    switch (change.kind) {
      case 'roles':
        await updateUser(tx, id, { roles: [...change.roles] }, ctx.now);
        // Roles are read per request from the user row, so the change applies to live sessions at once.
        audit.record({ action: 'update', resourceType: 'User', resourceId: id, detail: { field: 'roles', from: row.roles, to: change.roles } });
        break;
      case 'deactivate':
        await updateUser(tx, id, { active: false }, ctx.now);
        await revokeUserSessions(tx, id, ctx.now);
        audit.record({ action: 'update', resourceType: 'User', resourceId: id, detail: { field: 'active', to: false } });
        break;
      case 'reactivate':
        await updateUser(tx, id, { active: true, failedAttempts: 0, lockedUntil: null, lockedManual: false }, ctx.now);
        audit.record({ action: 'update', resourceType: 'User', resourceId: id, detail: { field: 'active', to: true } });
        break;
      case 'reset_mfa':
        await updateUser(tx, id, { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, lastTotpStep: null }, ctx.now);
        await replaceRecoveryCodes(tx, id, []);
        await revokeUserSessions(tx, id, ctx.now);
        audit.record({ action: 'mfa_reset', resourceType: 'User', resourceId: id });
        break;
      case 'unlock':
        await updateUser(tx, id, { failedAttempts: 0, lockedUntil: null, lockedManual: false }, ctx.now);
        audit.record({ action: 'update', resourceType: 'User', resourceId: id, detail: { field: 'locked', to: false } });
        break;
      default: {
        const unreachable: never = change;
        return unreachable;
      }
    }
    const updated = await repo.lockStaff(tx, clinicId, id);
    if (!updated) throw new NotFound('Staff member');
    return repo.toStaffMember(updated, ctx.now);
  });
}

export function currentPolicy(deps: AppDeps, ctx: AuthedContext): Promise<PolicyVersion> {
  return deps.policies.current(ctx.auth.user.clinicId);
}

/** Saves a new policy version; earlier versions stay, so past decisions can be traced to theirs. */
export async function updatePolicy(deps: AppDeps, ctx: AuthedContext, input: { policy: ClinicPolicy; note: string | null }): Promise<PolicyVersion> {
  const policy = clinicPolicy.parse(input.policy);
  const version = await transact(deps.db, ctx, async (tx, audit) => {
    const saved = await savePolicyVersion(tx, { clinicId: ctx.auth.user.clinicId, policy, note: input.note, createdBy: ctx.auth.user.id });
    audit.record({ action: 'update', resourceType: 'ClinicPolicy', resourceId: String(saved), detail: { version: saved } });
    return saved;
  });
  deps.policies.invalidate(ctx.auth.user.clinicId);
  return { version, policy };
}

export async function outbox(deps: AppDeps, ctx: AuthedContext): Promise<{ id: string; to: string; subject: string; body: string; status: string; createdAt: string }[]> {
  const rows = await repo.listOutbox(deps.db, ctx.auth.user.clinicId, 200);
  return rows.map((row) => ({ id: row.id, to: row.toAddress, subject: row.subject, body: row.body, status: row.status, createdAt: row.createdAt.toISOString() }));
}
