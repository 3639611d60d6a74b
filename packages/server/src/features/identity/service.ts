import {
  AccountLocked,
  Conflict,
  lockAfterFailure,
  passwordProblems,
  sessionExpiresAt,
  Unauthenticated,
  ValidationError,
  type LoginRequest,
  type MeResponse,
  type MfaEnrolmentStart,
} from '@lantern/core';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { decryptSecret, encryptSecret, sha256Hex } from '../../platform/crypto.js';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { newTotpSecret, qrDataUrl, totpUri, verifyTotp } from '../../platform/auth/totp.js';
import { createSession, markSessionMfaSatisfied, revokeSession, revokeUserSessions } from '../../platform/auth/sessions.js';
import * as repo from './repo.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';

export interface SignedIn {
  readonly token: string;
  readonly csrfToken: string;
}

type LoginOutcome =
  | { readonly kind: 'ok'; readonly session: SignedIn }
  | { readonly kind: 'bad_credentials' }
  | { readonly kind: 'mfa_required' }
  | { readonly kind: 'bad_code' }
  | { readonly kind: 'locked' };

function actorOf(user: repo.UserRow): { userId: string; clinicId: string; roles: string } {
  return { userId: user.id, clinicId: user.clinicId, roles: user.kind === 'patient' ? 'patient' : user.roles.join(',') };
}

/**
 * Sign-in: password (argon2id), then TOTP or a recovery code when the account has MFA. Failures
 * count towards the policy's lockout and are audited; the counters and the audit entry commit even
 * though the sign-in is refused.
 */
export async function login(deps: AppDeps, ctx: RequestContext, input: LoginRequest): Promise<SignedIn> {
  const found = await repo.findUserByEmail(deps.db, input.email);
  if (!found || !found.active || !found.passwordHash) {
    await verifyPassword(null, input.password);
    await transact(deps.db, ctx, async (_tx, audit) => {
      audit.record({
        action: 'login_failed',
        outcome: 'failure',
        resourceType: 'Session',
        detail: { reason: found ? 'inactive_or_no_password' : 'unknown_account' },
        actor: found ? actorOf(found) : { userId: null, clinicId: null, roles: '' },
      });
    });
    throw new Unauthenticated('E-mail or password is incorrect', 'bad_credentials');
  }
  // The slow checks (argon2, HMAC) run before the transaction, so no lock is held while they do;
  // the transaction then applies their result to the locked row (counters, replay, recovery codes).
  const passwordOk = await verifyPassword(found.passwordHash, input.password);
  const mfaSecret = found.mfaEnabledAt && found.mfaSecret ? decryptSecret(found.mfaSecret, deps.config.secretKey) : null;
  const totpStep = passwordOk && mfaSecret && input.totp ? await verifyTotp(mfaSecret, input.totp, ctx.now) : null;
  const { policy } = await deps.policies.current(found.clinicId);
  const outcome = await transact(deps.db, ctx, async (tx, audit): Promise<LoginOutcome> => {
    const user = await repo.lockUser(tx, found.id);
    if (!user) return { kind: 'bad_credentials' };
    const fail = async (reason: string, kind: 'bad_credentials' | 'bad_code'): Promise<LoginOutcome> => {
      const attempts = user.failedAttempts + 1;
      const lock = lockAfterFailure(attempts, policy.security, ctx.now);
      await repo.updateUser(tx, user.id, {
        failedAttempts: attempts,
        lockedUntil: lock instanceof Date ? lock : user.lockedUntil,
        lockedManual: lock === 'manual' || user.lockedManual,
      }, ctx.now);
      audit.record({ action: 'login_failed', outcome: 'failure', resourceType: 'Session', detail: { reason, attempts, locked: lock !== null }, actor: actorOf(user) });
      return { kind };
    };
    if (user.lockedManual || (user.lockedUntil && user.lockedUntil > ctx.now)) {
      audit.record({ action: 'login_failed', outcome: 'failure', resourceType: 'Session', detail: { reason: 'locked' }, actor: actorOf(user) });
      return { kind: 'locked' };
    }
    if (!passwordOk || user.passwordHash !== found.passwordHash) return fail('bad_password', 'bad_credentials');
    const mfaEnabled = user.mfaEnabledAt !== null && user.mfaSecret !== null;
    let lastTotpStep = user.lastTotpStep;
    if (mfaEnabled) {
      if (input.totp) {
        // A code is good once: refuse a replay of a step already used (RFC 6238 §5.2).
        if (totpStep === null || (lastTotpStep !== null && totpStep <= lastTotpStep)) return fail('bad_totp', 'bad_code');
        lastTotpStep = totpStep;
      } else if (input.recoveryCode) {
        const used = await repo.consumeRecoveryCode(tx, user.id, hashRecoveryCode(input.recoveryCode), ctx.now);
        if (!used) return fail('bad_recovery_code', 'bad_code');
      } else {
        return { kind: 'mfa_required' };
      }
    }
    const exempt = user.mfaExempt && deps.config.mode === 'demo';
    await repo.updateUser(tx, user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: ctx.now, lastTotpStep }, ctx.now);
    const session = await createSession(tx, {
      userId: user.id,
      mfaSatisfied: mfaEnabled || exempt,
      now: ctx.now,
      sourceIp: ctx.sourceIp,
      userAgent: ctx.userAgent,
    });
    audit.record({
      action: 'login',
      resourceType: 'Session',
      resourceId: session.id,
      detail: { mfa: mfaEnabled ? (input.recoveryCode ? 'recovery_code' : 'totp') : exempt ? 'exempt' : 'enrolment_required' },
      actor: actorOf(user),
    });
    return { kind: 'ok', session: { token: session.token, csrfToken: session.csrfToken } };
  });
  switch (outcome.kind) {
    case 'ok':
      return outcome.session;
    case 'bad_credentials':
      throw new Unauthenticated('E-mail or password is incorrect', 'bad_credentials');
    case 'mfa_required':
      throw new Unauthenticated('Enter the 6-digit code from your authenticator app', 'mfa_required');
    case 'bad_code':
      throw new Unauthenticated('That code is not right, or was already used', 'bad_mfa_code');
    case 'locked':
      throw new AccountLocked();
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

export async function logout(deps: AppDeps, ctx: AuthedContext, everywhere: boolean): Promise<number> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const count = everywhere ? await revokeUserSessions(tx, ctx.auth.user.id, ctx.now) : (await revokeSession(tx, ctx.auth.sessionId, ctx.now), 1);
    audit.record({ action: 'logout', resourceType: 'Session', resourceId: ctx.auth.sessionId, detail: { everywhere, sessions: count } });
    return count;
  });
}

export async function me(deps: AppDeps, ctx: AuthedContext): Promise<MeResponse> {
  const clinic = await repo.findClinic(deps.db, ctx.auth.user.clinicId);
  if (!clinic) throw new Unauthenticated();
  const { policy } = await deps.policies.current(clinic.id);
  const user = ctx.auth.user;
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind, roles: [...user.roles], mfaEnabled: user.mfaEnabled },
    clinic: { id: clinic.id, name: clinic.name, timeZone: clinic.timeZone, mode: deps.config.mode },
    session: {
      mfa: ctx.auth.mfa,
      expiresAt: sessionExpiresAt({ createdAt: ctx.auth.createdAt, lastSeenAt: ctx.now }, policy.security).toISOString(),
      idleTimeoutMinutes: policy.security.idleTimeoutMinutes,
      csrfToken: ctx.auth.csrfToken,
    },
    demo: deps.config.mode === 'demo' && clinic.isDemo,
  };
}

/** Starts TOTP enrolment: a fresh secret held as pending until a code from it is confirmed. */
export async function startMfaEnrolment(deps: AppDeps, ctx: AuthedContext): Promise<MfaEnrolmentStart> {
  if (ctx.auth.user.mfaEnabled) throw new Conflict('Two-factor authentication is already set up; an administrator can reset it', 'mfa_already_enabled');
  const secret = newTotpSecret();
  const clinic = await repo.findClinic(deps.db, ctx.auth.user.clinicId);
  const otpauthUrl = totpUri(secret, ctx.auth.user.email, `Lantern${clinic ? ` (${clinic.name})` : ''}`);
  await repo.updateUser(deps.db, ctx.auth.user.id, { mfaPendingSecret: encryptSecret(secret, deps.config.secretKey) }, ctx.now);
  return { secret, otpauthUrl, qrDataUrl: await qrDataUrl(otpauthUrl) };
}

/** Confirms enrolment with a code from the app; returns the recovery codes, shown once. */
export async function confirmMfaEnrolment(deps: AppDeps, ctx: AuthedContext, code: string): Promise<string[]> {
  const pending = await repo.findUserById(deps.db, ctx.auth.user.id);
  if (!pending?.mfaPendingSecret) throw new Conflict('Start two-factor setup first', 'mfa_not_started');
  const step = await verifyTotp(decryptSecret(pending.mfaPendingSecret, deps.config.secretKey), code, ctx.now);
  if (step === null) throw new ValidationError(['code'], 'That code does not match; check the time on your phone and try the next code');
  return transact(deps.db, ctx, async (tx, audit) => {
    const user = await repo.lockUser(tx, ctx.auth.user.id);
    if (user?.mfaPendingSecret !== pending.mfaPendingSecret) throw new Conflict('Two-factor setup was restarted; scan the new code', 'mfa_restarted');
    if (user.mfaEnabledAt) throw new Conflict('Two-factor authentication is already set up', 'mfa_already_enabled');
    const codes = newRecoveryCodes();
    await repo.updateUser(tx, user.id, { mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null, mfaEnabledAt: ctx.now, lastTotpStep: step }, ctx.now);
    await repo.replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode));
    await markSessionMfaSatisfied(tx, ctx.auth.sessionId);
    audit.record({ action: 'mfa_enrolled', resourceType: 'User', resourceId: user.id });
    return codes;
  });
}

export async function changePassword(deps: AppDeps, ctx: AuthedContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const { policy } = await deps.policies.current(ctx.auth.user.clinicId);
  const problems = passwordProblems(input.newPassword, policy.security, ctx.auth.user.email);
  if (problems.length > 0) throw new ValidationError(['newPassword'], problems.join('; '));
  const newHash = await hashPassword(input.newPassword);
  const current = await repo.findUserById(deps.db, ctx.auth.user.id);
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new ValidationError(['currentPassword'], 'The current password is not right');
  }
  await transact(deps.db, ctx, async (tx, audit) => {
    const user = await repo.lockUser(tx, ctx.auth.user.id);
    if (!user || user.passwordHash !== current.passwordHash) throw new Conflict('The password changed meanwhile; try again', 'password_changed');
    await repo.updateUser(tx, user.id, { passwordHash: newHash }, ctx.now);
    // Every other session ends: whoever knew the old password is signed out.
    const ended = await revokeUserSessions(tx, user.id, ctx.now);
    audit.record({ action: 'update', resourceType: 'User', resourceId: user.id, detail: { field: 'password', sessionsEnded: ended } });
  });
}

/** An invited member sets their first password with the one-time link. */
export async function acceptInvite(deps: AppDeps, ctx: RequestContext, input: { token: string; password: string }): Promise<void> {
  // Hash first (slow) so the transaction holds its locks briefly; the strength check needs the
  // invited e-mail, so it runs inside, where a weak password rolls everything back.
  const newHash = await hashPassword(input.password);
  await transact(deps.db, ctx, async (tx, audit) => {
    const invite = await repo.findLiveInvite(tx, sha256Hex(input.token), ctx.now);
    if (!invite) throw new ValidationError(['token'], 'This invitation link is not valid or has expired; ask an administrator for a new one');
    const user = await repo.lockUser(tx, invite.userId);
    if (!user?.active) throw new ValidationError(['token'], 'This account is not active');
    const { policy } = await deps.policies.current(user.clinicId, tx);
    const problems = passwordProblems(input.password, policy.security, user.email);
    if (problems.length > 0) throw new ValidationError(['password'], problems.join('; '));
    await repo.updateUser(tx, user.id, { passwordHash: newHash }, ctx.now);
    await repo.markInviteUsed(tx, invite.id, ctx.now);
    audit.record({ action: 'update', resourceType: 'User', resourceId: user.id, detail: { field: 'password', via: 'invite' }, actor: actorOf(user) });
  });
}
