import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import { appUser, clinic, inviteToken, recoveryCode } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { sessionsChanged } from '../../platform/auth/session-cache.js';

export type UserRow = typeof appUser.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(appUser).where(sql`lower(${appUser.email}) = ${email.toLowerCase()}`).limit(1);
  return row ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id)).limit(1);
  return row ?? null;
}

/** Locks the user's row for the rest of the transaction (sign-in counters must not race). */
export async function lockUser(tx: Executor, id: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(appUser).where(eq(appUser.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function updateUser(tx: Executor, id: string, changes: Partial<typeof appUser.$inferInsert>, now: Date): Promise<void> {
  sessionsChanged();
  await tx.update(appUser).set({ ...changes, updatedAt: now }).where(eq(appUser.id, id));
}

export async function findClinic(db: Executor, id: string): Promise<typeof clinic.$inferSelect | null> {
  const [row] = await db.select().from(clinic).where(eq(clinic.id, id)).limit(1);
  return row ?? null;
}

export async function replaceRecoveryCodes(tx: Executor, userId: string, codeHashes: readonly string[]): Promise<void> {
  await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
  if (codeHashes.length > 0) {
    await tx.insert(recoveryCode).values(codeHashes.map((codeHash) => ({ id: newId(), userId, codeHash })));
  }
}

/** Marks an unused recovery code used; true when it existed and was unused. */
export async function consumeRecoveryCode(tx: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(recoveryCode)
    .set({ usedAt: now })
    .where(and(eq(recoveryCode.userId, userId), eq(recoveryCode.codeHash, codeHash), isNull(recoveryCode.usedAt)))
    .returning({ id: recoveryCode.id });
  return rows.length === 1;
}

export async function createInvite(tx: Executor, input: { readonly userId: string; readonly tokenHash: string; readonly expiresAt: Date }): Promise<void> {
  await tx.insert(inviteToken).values({ id: newId(), ...input });
}

export async function findLiveInvite(tx: Executor, tokenHash: string, now: Date): Promise<typeof inviteToken.$inferSelect | null> {
  const [row] = await tx
    .select()
    .from(inviteToken)
    .where(and(eq(inviteToken.tokenHash, tokenHash), isNull(inviteToken.usedAt), sql`${inviteToken.expiresAt} > ${now.toISOString()}`))
    .for('update')
    .limit(1);
  return row ?? null;
}

export async function markInviteUsed(tx: Executor, id: string, now: Date): Promise<void> {
  await tx.update(inviteToken).set({ usedAt: now }).where(eq(inviteToken.id, id));
}
