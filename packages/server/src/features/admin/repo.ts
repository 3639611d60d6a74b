import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { StaffMember, StaffRole } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appUser, outboxMessage } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';

type UserRow = typeof appUser.$inferSelect;

export function toStaffMember(row: UserRow, now: Date): StaffMember {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles as StaffRole[],
    active: row.active,
    mfaEnabled: row.mfaEnabledAt !== null,
    mfaExempt: row.mfaExempt,
    locked: row.lockedManual || (row.lockedUntil !== null && row.lockedUntil > now),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listStaff(db: Executor, clinicId: string): Promise<UserRow[]> {
  return db.select().from(appUser).where(and(eq(appUser.clinicId, clinicId), eq(appUser.kind, 'staff'))).orderBy(asc(appUser.displayName));
}

/** One staff member of this clinic, locked for update; null when absent or in another clinic. */
export async function lockStaff(tx: Executor, clinicId: string, id: string): Promise<UserRow | null> {
  const [row] = await tx
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, id), eq(appUser.clinicId, clinicId), eq(appUser.kind, 'staff')))
    .for('update')
    .limit(1);
  return row ?? null;
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  const [row] = await db.select({ id: appUser.id }).from(appUser).where(sql`lower(${appUser.email}) = ${email.toLowerCase()}`).limit(1);
  return row !== undefined;
}

export async function insertStaff(
  tx: Executor,
  input: { readonly clinicId: string; readonly email: string; readonly displayName: string; readonly roles: readonly StaffRole[]; readonly now: Date },
): Promise<UserRow> {
  const [row] = await tx
    .insert(appUser)
    .values({ id: newId(), clinicId: input.clinicId, kind: 'staff', email: input.email, displayName: input.displayName, roles: [...input.roles], createdAt: input.now, updatedAt: input.now })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Active admins of the clinic other than `exceptId`; a clinic must always keep one. */
export async function otherActiveAdmins(tx: Executor, clinicId: string, exceptId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<string>`count(*)` })
    .from(appUser)
    .where(and(eq(appUser.clinicId, clinicId), eq(appUser.active, true), sql`'admin' = ANY(${appUser.roles})`, sql`${appUser.id} <> ${exceptId}`));
  return Number(row?.n ?? 0);
}

export async function enqueueMessage(tx: Executor, input: { readonly clinicId: string; readonly to: string; readonly subject: string; readonly body: string }): Promise<void> {
  await tx.insert(outboxMessage).values({ id: newId(), clinicId: input.clinicId, toAddress: input.to, subject: input.subject, body: input.body });
}

export async function listOutbox(db: Executor, clinicId: string, limit: number): Promise<(typeof outboxMessage.$inferSelect)[]> {
  return db.select().from(outboxMessage).where(eq(outboxMessage.clinicId, clinicId)).orderBy(desc(outboxMessage.createdAt)).limit(limit);
}
