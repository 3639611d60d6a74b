import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditEventView, AuditQuery } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appUser, auditEvent, patient } from '../../platform/db/schema/index.js';

function conditions(clinicId: string, query: Omit<AuditQuery, 'sort' | 'limit' | 'offset'>): SQL | undefined {
  return and(
    // Sign-in failures for unknown accounts carry no clinic; show them to every clinic's auditors.
    sql`(${auditEvent.clinicId} = ${clinicId} OR ${auditEvent.clinicId} IS NULL)`,
    query.userId ? eq(auditEvent.userId, query.userId) : undefined,
    query.patientId ? eq(auditEvent.patientId, query.patientId) : undefined,
    query.action ? eq(auditEvent.action, query.action) : undefined,
    query.outcome ? eq(auditEvent.outcome, query.outcome) : undefined,
    query.from ? gte(auditEvent.at, new Date(query.from)) : undefined,
    query.to ? lte(auditEvent.at, new Date(query.to)) : undefined,
  );
}

/** Audit events of one clinic, filtered and sorted, with the actor's e-mail and the patient's MRN. */
export async function queryAudit(db: Executor, clinicId: string, query: AuditQuery): Promise<{ total: number; events: AuditEventView[] }> {
  const where = conditions(clinicId, query);
  const [count] = await db.select({ n: sql<string>`count(*)` }).from(auditEvent).where(where);
  const rows = await db
    .select({ event: auditEvent, userEmail: appUser.email, patientMrn: patient.mrn })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.userId))
    .leftJoin(patient, eq(patient.id, auditEvent.patientId))
    .where(where)
    .orderBy(query.sort === 'oldest' ? asc(auditEvent.seq) : desc(auditEvent.seq))
    .limit(query.limit)
    .offset(query.offset);
  return {
    total: Number(count?.n ?? 0),
    events: rows.map(({ event, userEmail, patientMrn }) => ({
      seq: event.seq ?? 0,
      id: event.id,
      at: event.at.toISOString(),
      userId: event.userId,
      userEmail,
      userRoles: event.userRoles,
      action: event.action as AuditEventView['action'],
      outcome: event.outcome as AuditEventView['outcome'],
      patientId: event.patientId,
      patientMrn,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      sourceIp: event.sourceIp,
      requestId: event.requestId,
      breakGlassReason: event.breakGlassReason,
    })),
  };
}
