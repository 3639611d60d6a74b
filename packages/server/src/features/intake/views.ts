import {
  inquiryPrescreen,
  prescreenScores,
  triageReason,
  type ClinicAlert,
  type ContactMethod,
  type HeardFrom,
  type InquiryDetail,
  type InquiryStatus,
  type InquirySummary,
  type Modality,
  type TriageKind,
} from '@lantern/core';
import { z } from 'zod';
import type { AlertRow } from './alerts-repo.js';
import type { InquiryDetailRow, InquiryListRow } from './repo.js';

const storedReasons = z.array(triageReason);
const alertReasons = z.array(z.object({ code: z.string(), message: z.string() }));

/** A queue row as staff see it. The text columns hold values the schemas wrote, so they are narrowed, not re-checked. */
export function inquirySummaryView(row: InquiryListRow): InquirySummary {
  const { inquiry } = row;
  return {
    id: inquiry.id,
    reference: inquiry.reference,
    name: [inquiry.givenName, inquiry.familyName].join(' '),
    preferredContact: inquiry.preferredContact as ContactMethod,
    modality: inquiry.modality as Modality,
    triage: inquiry.triage as TriageKind,
    status: inquiry.status as InquiryStatus,
    hasPrescreen: inquiry.prescreen !== null,
    assignedTo: inquiry.assignedTo && row.assigneeName ? { id: inquiry.assignedTo, displayName: row.assigneeName } : null,
    createdAt: inquiry.createdAt.toISOString(),
  };
}

/** One inquiry with its answers, scores, triage reasons and notes. Free text is returned verbatim: the UI escapes it. */
export function inquiryDetailView(row: InquiryDetailRow): InquiryDetail {
  const { inquiry } = row;
  return {
    ...inquirySummaryView(row),
    givenName: inquiry.givenName,
    familyName: inquiry.familyName,
    preferredName: inquiry.preferredName,
    email: inquiry.email,
    phone: inquiry.phone,
    reason: inquiry.reason,
    heardFrom: inquiry.heardFrom as HeardFrom | null,
    heardFromDetail: inquiry.heardFromDetail,
    dateOfBirth: inquiry.dateOfBirth,
    ageYears: inquiry.ageYears,
    prescreen: inquiry.prescreen === null ? null : inquiryPrescreen.parse(inquiry.prescreen),
    scores: prescreenScores.parse(inquiry.scores),
    triageReasons: storedReasons.parse(inquiry.triageReasons),
    policyVersion: inquiry.policyVersion,
    patient: inquiry.patientId && row.patientMrn ? { id: inquiry.patientId, mrn: row.patientMrn } : null,
    notes: row.notes.map((note) => ({ id: note.id, author: { id: note.authorId, displayName: note.authorName }, body: note.body, createdAt: note.createdAt.toISOString() })),
    updatedAt: inquiry.updatedAt.toISOString(),
  };
}

export function alertView(row: AlertRow): ClinicAlert {
  const { alert } = row;
  return {
    id: alert.id,
    kind: 'urgent_inquiry',
    severity: alert.severity === 'high' ? 'high' : 'urgent',
    title: alert.title,
    reasons: alertReasons.parse(alert.reasons),
    inquiryId: alert.inquiryId,
    inquiryReference: row.inquiryReference,
    createdAt: alert.createdAt.toISOString(),
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedByName,
  };
}
