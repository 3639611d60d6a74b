import { Conflict, NotFound, type InquiryDetail, type InquiryListQuery, type InquiryStatus, type InquirySummary } from '@lantern/core';
import { transact } from '../../platform/audit/trail.js';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { InquiryRepo } from './repo.js';
import { inquiryDetailView, inquirySummaryView } from './views.js';

/** The intake queue, urgent open inquiries first. */
export function listInquiries(deps: AppDeps, ctx: AuthedContext, query: InquiryListQuery): Promise<InquirySummary[]> {
  return transact(deps.db, ctx, async (tx, audit) => (await new InquiryRepo(tx, ctx, audit).list(query)).map(inquirySummaryView));
}

export function getInquiry(deps: AppDeps, ctx: AuthedContext, id: string): Promise<InquiryDetail> {
  return transact(deps.db, ctx, async (tx, audit) => inquiryDetailView(await new InquiryRepo(tx, ctx, audit).detail(id)));
}

export function listAssignees(deps: AppDeps, ctx: AuthedContext): Promise<{ id: string; displayName: string; roles: string[] }[]> {
  return transact(deps.db, ctx, (tx, audit) => new InquiryRepo(tx, ctx, audit).intakeStaff());
}

/** Assigns an inquiry to a member of the intake staff, or unassigns it (null). */
export function assignInquiry(deps: AppDeps, ctx: AuthedContext, id: string, userId: string | null): Promise<InquiryDetail> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const inquiries = new InquiryRepo(tx, ctx, audit);
    const row = await inquiries.lock(id);
    if (userId !== null && !(await inquiries.isIntakeStaff(userId))) throw new NotFound('Staff member who works the intake queue');
    await inquiries.update(id, { assignedTo: userId });
    audit.record({ action: 'update', resourceType: 'Inquiry', resourceId: id, patientId: row.patientId, detail: { field: 'assignedTo', from: row.assignedTo, to: userId } });
    return inquiryDetailView(await inquiries.detail(id));
  });
}

/** Moves an inquiry along the queue; a converted inquiry stays converted. */
export function changeInquiryStatus(deps: AppDeps, ctx: AuthedContext, id: string, status: Exclude<InquiryStatus, 'converted'>): Promise<InquiryDetail> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const inquiries = new InquiryRepo(tx, ctx, audit);
    const row = await inquiries.lock(id);
    if (row.status === 'converted') throw new Conflict('This inquiry has been converted to a patient; its status no longer changes', 'inquiry_converted');
    await inquiries.update(id, { status });
    audit.record({ action: 'update', resourceType: 'Inquiry', resourceId: id, patientId: row.patientId, detail: { field: 'status', from: row.status, to: status } });
    return inquiryDetailView(await inquiries.detail(id));
  });
}

export function addInquiryNote(deps: AppDeps, ctx: AuthedContext, id: string, body: string): Promise<InquiryDetail> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const inquiries = new InquiryRepo(tx, ctx, audit);
    const row = await inquiries.lock(id);
    const noteId = await inquiries.addNote(id, body);
    audit.record({ action: 'create', resourceType: 'InquiryNote', resourceId: noteId, patientId: row.patientId, detail: { inquiryId: id } });
    return inquiryDetailView(await inquiries.detail(id));
  });
}
