import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import { clinicAlert, inquiry } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';

export interface NewAlert {
  readonly clinicId: string;
  readonly kind: string;
  readonly severity: string;
  readonly title: string;
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
  readonly inquiryId: string;
  readonly createdAt: Date;
}

export async function insertAlert(tx: Executor, values: NewAlert): Promise<string> {
  const id = newId();
  await tx.insert(clinicAlert).values({ id, ...values, reasons: [...values.reasons] });
  return id;
}

export interface AlertRow {
  readonly alert: typeof clinicAlert.$inferSelect;
  readonly inquiryReference: string | null;
  readonly acknowledgedByName: string | null;
}

/** The clinic's alerts, newest first; open ones only unless `all`. */
export async function listAlerts(db: Executor, clinicId: string, options: { readonly openOnly: boolean; readonly limit: number }): Promise<AlertRow[]> {
  const acknowledger = sql<string | null>`(SELECT u."display_name" FROM "app_user" u WHERE u."id" = "clinic_alert"."acknowledged_by")`;
  return db
    .select({ alert: clinicAlert, inquiryReference: inquiry.reference, acknowledgedByName: acknowledger })
    .from(clinicAlert)
    .leftJoin(inquiry, eq(inquiry.id, clinicAlert.inquiryId))
    .where(and(eq(clinicAlert.clinicId, clinicId), options.openOnly ? isNull(clinicAlert.acknowledgedAt) : undefined))
    .orderBy(desc(clinicAlert.createdAt))
    .limit(options.limit);
}

/** Acknowledges an open alert of the clinic; false when it is absent or already acknowledged. */
export async function acknowledgeAlert(tx: Executor, input: { readonly clinicId: string; readonly id: string; readonly userId: string; readonly at: Date }): Promise<boolean> {
  const rows = await tx
    .update(clinicAlert)
    .set({ acknowledgedAt: input.at, acknowledgedBy: input.userId })
    .where(and(eq(clinicAlert.id, input.id), eq(clinicAlert.clinicId, input.clinicId), isNull(clinicAlert.acknowledgedAt)))
    .returning({ id: clinicAlert.id });
  return rows.length === 1;
}

export async function alertExists(tx: Executor, clinicId: string, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: clinicAlert.id }).from(clinicAlert).where(and(eq(clinicAlert.id, id), eq(clinicAlert.clinicId, clinicId))).limit(1);
  return row !== undefined;
}
