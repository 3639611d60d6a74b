import { and, eq } from 'drizzle-orm';
import { Forbidden, lockAfterFailure, type LedgerStaff, type Reauthentication, type StaffRole } from '@lantern/core';
import type { AuditTrail } from '../../platform/audit/trail.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/index.js';
import { appUser } from '../../platform/db/schema/index.js';
import { decryptSecret } from '../../platform/crypto.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { verifyTotp } from '../../platform/auth/totp.js';
import { lockUser, updateUser } from '../identity/repo.js';

/**
 * A second person confirming on this device, now: a waste witness, the second counter of a count, an
 * inventory's signer. They enter their own password and authenticator code, checked the way sign-in
 * checks them (argon2id, RFC 6238 with replay refused, lockout after repeated failures). A person
 * without two-factor authentication cannot confirm; a demo account is exempt in demo mode only, as at
 * sign-in. The slow checks run before the transaction; `confirm` applies their result to the locked
 * user row inside it.
 */

export interface Checked {
  readonly userId: string;
  readonly passwordHash: string | null;
  readonly passwordOk: boolean;
  readonly totpStep: number | null;
  readonly mfa: 'enrolled' | 'demo_exempt' | 'none';
}

export type ReauthPurpose = 'witness' | 'second_counter' | 'signature';

const WORDS: Record<ReauthPurpose, string> = { witness: 'witness', second_counter: 'second counter', signature: 'signer' };

/** The slow part: argon2 and TOTP, outside any transaction. */
export async function checkCredentials(deps: AppDeps, clinicId: string, input: Reauthentication, now: Date): Promise<Checked> {
  const [user] = await deps.db
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, input.userId), eq(appUser.clinicId, clinicId), eq(appUser.kind, 'staff')))
    .limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const secret = user?.mfaEnabledAt && user.mfaSecret ? decryptSecret(user.mfaSecret, deps.config.secretKey) : null;
  const totpStep = passwordOk && secret && input.totp ? await verifyTotp(secret, input.totp, now) : null;
  const mfa = secret ? 'enrolled' : user?.mfaExempt && deps.config.mode === 'demo' ? 'demo_exempt' : 'none';
  return { userId: input.userId, passwordHash: user?.passwordHash ?? null, passwordOk: Boolean(user) && passwordOk, totpStep, mfa };
}

/** A refused confirmation; a wrong password or code also counts towards the person's lockout. */
export class ConfirmationRefused extends Forbidden {
  constructor(
    message: string,
    purpose: ReauthPurpose,
    readonly userId: string,
    readonly countsTowardsLockout: boolean,
  ) {
    super(message, `${purpose}_not_confirmed`);
  }
}

/**
 * Applies a check inside the transaction: records the code's step so it cannot be replayed, and
 * returns who confirmed with the roles they hold. A refusal is audited and thrown; the transaction
 * rolls back, so `countFailedConfirmation` records the failed attempt afterwards.
 */
export async function confirm(
  tx: Executor,
  options: { readonly checked: Checked; readonly clinicId: string; readonly purpose: ReauthPurpose; readonly audit: AuditTrail; readonly now: Date },
): Promise<LedgerStaff & { readonly name: string }> {
  const { checked, audit, now, purpose } = options;
  const word = WORDS[purpose];
  const [user] = await tx.select().from(appUser).where(and(eq(appUser.id, checked.userId), eq(appUser.clinicId, options.clinicId))).limit(1).for('update');
  const refuse = (reason: string, message: string, counts: boolean): never => {
    audit.failure({ action: 'execute', resourceType: 'LedgerConfirmation', resourceId: checked.userId, detail: { purpose, reason } });
    throw new ConfirmationRefused(message, purpose, checked.userId, counts && Boolean(user));
  };
  if (!user || !user.active || user.kind !== 'staff') return refuse('unknown_or_inactive', `The ${word} could not be confirmed`, false);
  if (user.lockedManual || (user.lockedUntil && user.lockedUntil > now)) return refuse('locked', `The ${word}'s account is locked`, false);
  if (!checked.passwordOk || user.passwordHash !== checked.passwordHash) return refuse('bad_password', `The ${word}'s password is not right`, true);
  if (checked.mfa === 'none') return refuse('no_mfa', `The ${word} must have two-factor authentication set up`, false);
  let lastTotpStep = user.lastTotpStep;
  if (checked.mfa === 'enrolled') {
    if (checked.totpStep === null || (lastTotpStep !== null && checked.totpStep <= lastTotpStep)) {
      return refuse('bad_totp', `The ${word}'s authenticator code is not right, or was already used`, true);
    }
    lastTotpStep = checked.totpStep;
  }
  await updateUser(tx, user.id, { failedAttempts: 0, lastTotpStep }, now);
  audit.record({ action: 'execute', resourceType: 'LedgerConfirmation', resourceId: user.id, detail: { purpose, mfa: checked.mfa } });
  return { id: user.id, roles: user.roles as StaffRole[], name: user.displayName };
}

/** After a refused confirmation rolled back: count the failed attempt (and lock the account at the policy's threshold). */
export async function countFailedConfirmation(deps: AppDeps, error: unknown, now: Date): Promise<void> {
  if (!(error instanceof ConfirmationRefused) || !error.countsTowardsLockout) return;
  await deps.db.transaction(async (tx) => {
    const user = await lockUser(tx, error.userId);
    if (!user) return;
    const { policy } = await deps.policies.current(user.clinicId, tx);
    const attempts = user.failedAttempts + 1;
    const lock = lockAfterFailure(attempts, policy.security, now);
    await updateUser(tx, user.id, { failedAttempts: attempts, lockedUntil: lock instanceof Date ? lock : user.lockedUntil, lockedManual: lock === 'manual' || user.lockedManual }, now);
  });
}
