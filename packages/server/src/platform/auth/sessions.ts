import { and, eq, isNull, sql } from 'drizzle-orm';
import type { StaffRole } from '@lantern/core';
import { randomToken, sha256Hex } from '../crypto.js';
import type { Executor } from '../db/index.js';
import { appUser, userSession } from '../db/schema/index.js';
import { newId } from '../ids.js';
import type { SessionUser } from '../context.js';
import { sessionsChanged } from './session-cache.js';

export interface StoredSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly mfaSatisfied: boolean;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly revokedAt: Date | null;
  readonly user: SessionUser & { readonly active: boolean };
}

/** Creates a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(
  tx: Executor,
  input: { readonly userId: string; readonly mfaSatisfied: boolean; readonly now: Date; readonly sourceIp: string | null; readonly userAgent: string | null },
): Promise<{ readonly id: string; readonly token: string; readonly csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const id = newId();
  await tx.insert(userSession).values({
    id,
    tokenHash: sha256Hex(token),
    userId: input.userId,
    csrfToken,
    mfaSatisfied: input.mfaSatisfied,
    createdAt: input.now,
    lastSeenAt: input.now,
    sourceIp: input.sourceIp,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { id, token, csrfToken };
}

/** Finds a session and its user by the hash of the cookie token, in one query. */
export async function findSession(db: Executor, tokenHash: string): Promise<StoredSession | null> {
  const [row] = await db
    .select({ session: userSession, user: appUser })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(eq(userSession.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const { session, user } = row;
  return {
    id: session.id,
    csrfToken: session.csrfToken,
    mfaSatisfied: session.mfaSatisfied,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    revokedAt: session.revokedAt,
    user: {
      id: user.id,
      clinicId: user.clinicId,
      email: user.email,
      displayName: user.displayName,
      kind: user.kind === 'patient' ? 'patient' : 'staff',
      roles: user.roles as StaffRole[],
      patientId: user.patientId,
      mfaEnabled: user.mfaEnabledAt !== null,
      mfaExempt: user.mfaExempt,
      isDemo: user.isDemo,
      active: user.active,
    },
  };
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(userSession).set({ lastSeenAt: now }).where(eq(userSession.id, id));
}

export async function markSessionMfaSatisfied(tx: Executor, id: string): Promise<void> {
  sessionsChanged();
  await tx.update(userSession).set({ mfaSatisfied: true }).where(eq(userSession.id, id));
}

export async function revokeSession(tx: Executor, id: string, now: Date): Promise<void> {
  sessionsChanged();
  await tx.update(userSession).set({ revokedAt: now }).where(and(eq(userSession.id, id), isNull(userSession.revokedAt)));
}

/** Sign-out everywhere: ends every live session of a user; returns how many. */
export async function revokeUserSessions(tx: Executor, userId: string, now: Date): Promise<number> {
  sessionsChanged();
  const rows = await tx
    .update(userSession)
    .set({ revokedAt: now })
    .where(and(eq(userSession.userId, userId), isNull(userSession.revokedAt)))
    .returning({ id: userSession.id });
  return rows.length;
}

/** Removes sessions ended more than a day ago (they hold no audit value; the audit trail does). */
export async function pruneSessions(db: Executor, before: Date): Promise<void> {
  await db.delete(userSession).where(sql`${userSession.revokedAt} < ${before.toISOString()} OR ${userSession.lastSeenAt} < ${new Date(before.getTime() - 3 * 86_400_000).toISOString()}`);
}
