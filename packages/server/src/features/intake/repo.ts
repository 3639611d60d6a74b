import { aliasedTable, and, asc, desc, eq, isNull, not, sql, type SQL } from 'drizzle-orm';
import { CAPABILITIES, NotFound, type InquiryListQuery, type InquiryStatus } from '@lantern/core';
import type { AuditTrail } from '../../platform/audit/trail.js';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { appUser, inquiry, inquiryNote, patient } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import type { InquiryRow } from './submission-repo.js';

const assignee = aliasedTable(appUser, 'assignee');

export interface InquiryListRow {
  readonly inquiry: InquiryRow;
  readonly assigneeName: string | null;
}

export interface InquiryDetailRow extends InquiryListRow {
  readonly patientMrn: string | null;
  readonly notes: readonly { readonly id: string; readonly authorId: string; readonly authorName: string; readonly body: string; readonly createdAt: Date }[];
}

/** Roles that work the intake queue; only they may be assigned an inquiry. */
const INTAKE_ROLES: readonly string[] = CAPABILITIES['intake.manage'];

/**
 * The intake queue's repository. Every inquiry is PHI: each read is audited (resourceType
 * `Inquiry`), a list as a query with its count but never the filters' values, and every row is
 * confined to the caller's clinic.
 */
export class InquiryRepo {
  constructor(
    private readonly tx: Executor,
    private readonly ctx: AuthedContext,
    private readonly audit: AuditTrail,
  ) {}

  private get clinicId(): string {
    return this.ctx.auth.user.clinicId;
  }

  async list(query: InquiryListQuery): Promise<InquiryListRow[]> {
    const filters: (SQL | undefined)[] = [eq(inquiry.clinicId, this.clinicId)];
    if (query.status === 'open') filters.push(not(sql`${inquiry.status} IN ('closed', 'converted')`));
    else if (query.status) filters.push(eq(inquiry.status, query.status));
    if (query.triage) filters.push(eq(inquiry.triage, query.triage));
    if (query.assignee === 'unassigned') filters.push(isNull(inquiry.assignedTo));
    else if (query.assignee === 'me') filters.push(eq(inquiry.assignedTo, this.ctx.auth.user.id));
    else if (query.assignee) filters.push(eq(inquiry.assignedTo, query.assignee));
    // Urgent inquiries still open come first, then the newest.
    const urgentOpen = sql`(${inquiry.urgent} AND ${inquiry.status} NOT IN ('closed', 'converted'))`;
    const rows = await this.tx
      .select({ inquiry, assigneeName: assignee.displayName })
      .from(inquiry)
      .leftJoin(assignee, eq(assignee.id, inquiry.assignedTo))
      .where(and(...filters))
      .orderBy(desc(urgentOpen), desc(inquiry.createdAt), desc(inquiry.id))
      .limit(query.limit)
      .offset(query.offset);
    this.audit.record({ action: 'query', resourceType: 'Inquiry', detail: { results: rows.length, filtered: Boolean(query.status || query.triage || query.assignee) } });
    return rows;
  }

  /** One inquiry with its notes; audited as a read. */
  async detail(id: string): Promise<InquiryDetailRow> {
    const [row] = await this.tx
      .select({ inquiry, assigneeName: assignee.displayName, patientMrn: patient.mrn })
      .from(inquiry)
      .leftJoin(assignee, eq(assignee.id, inquiry.assignedTo))
      .leftJoin(patient, eq(patient.id, inquiry.patientId))
      .where(and(eq(inquiry.id, id), eq(inquiry.clinicId, this.clinicId)))
      .limit(1);
    if (!row) throw new NotFound('Inquiry');
    const notes = await this.tx
      .select({ id: inquiryNote.id, authorId: inquiryNote.authorId, authorName: appUser.displayName, body: inquiryNote.body, createdAt: inquiryNote.createdAt })
      .from(inquiryNote)
      .innerJoin(appUser, eq(appUser.id, inquiryNote.authorId))
      .where(eq(inquiryNote.inquiryId, id))
      .orderBy(asc(inquiryNote.createdAt), asc(inquiryNote.id));
    this.audit.record({ action: 'read', resourceType: 'Inquiry', resourceId: id, patientId: row.inquiry.patientId });
    return { ...row, notes };
  }

  /** The inquiry, locked for the rest of the transaction; NotFound outside the clinic. Not audited: the caller's change is. */
  async lock(id: string): Promise<InquiryRow> {
    const [row] = await this.tx
      .select()
      .from(inquiry)
      .where(and(eq(inquiry.id, id), eq(inquiry.clinicId, this.clinicId)))
      .for('update')
      .limit(1);
    if (!row) throw new NotFound('Inquiry');
    return row;
  }

  /** True when `userId` is an active staff member of the clinic who works the intake queue. */
  async isIntakeStaff(userId: string): Promise<boolean> {
    const [row] = await this.tx
      .select({ roles: appUser.roles })
      .from(appUser)
      .where(and(eq(appUser.id, userId), eq(appUser.clinicId, this.clinicId), eq(appUser.kind, 'staff'), eq(appUser.active, true)))
      .limit(1);
    return row !== undefined && row.roles.some((role) => INTAKE_ROLES.includes(role));
  }

  /** Active staff who may be assigned inquiries, by name. */
  async intakeStaff(): Promise<{ id: string; displayName: string; roles: string[] }[]> {
    const rows = await this.tx
      .select({ id: appUser.id, displayName: appUser.displayName, roles: appUser.roles })
      .from(appUser)
      .where(and(eq(appUser.clinicId, this.clinicId), eq(appUser.kind, 'staff'), eq(appUser.active, true)))
      .orderBy(asc(appUser.displayName));
    return rows.filter((row) => row.roles.some((role) => INTAKE_ROLES.includes(role)));
  }

  async update(id: string, change: { readonly assignedTo?: string | null; readonly status?: InquiryStatus; readonly patientId?: string }): Promise<void> {
    await this.tx
      .update(inquiry)
      .set({ ...change, updatedAt: this.ctx.now })
      .where(and(eq(inquiry.id, id), eq(inquiry.clinicId, this.clinicId)));
  }

  async addNote(inquiryId: string, body: string): Promise<string> {
    const id = newId();
    await this.tx.insert(inquiryNote).values({ id, inquiryId, authorId: this.ctx.auth.user.id, body, createdAt: this.ctx.now });
    await this.tx.update(inquiry).set({ updatedAt: this.ctx.now }).where(eq(inquiry.id, inquiryId));
    return id;
  }
}
