import { z } from 'zod';
import { calendarDate } from '../intake/dates.js';
import { problem, text, uuid } from './common.js';
import { contactMethod, heardFrom, inquiryPrescreen, modality } from './inquiries.js';
import { careTeamRole, patientHeader } from './patients.js';

/** The staff side of intake (issue #3): the queue, one inquiry, and turning it into a patient. */

export const INQUIRY_STATUSES = ['new', 'contacted', 'evaluation_scheduled', 'closed', 'converted'] as const;
export const inquiryStatus = z.enum(INQUIRY_STATUSES);
export type InquiryStatus = z.infer<typeof inquiryStatus>;
export const INQUIRY_STATUS_LABELS: Record<InquiryStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  evaluation_scheduled: 'Evaluation scheduled',
  closed: 'Closed',
  converted: 'Converted to patient',
};

/** The three outcomes of `triageInquiry` (packages/core/src/intake/triage.ts). */
export const TRIAGE_KINDS = ['urgent_safety', 'likely_ineligible', 'ready_for_evaluation'] as const;
export const triageKind = z.enum(TRIAGE_KINDS);
export type TriageKind = z.infer<typeof triageKind>;
export const TRIAGE_LABELS: Record<TriageKind, string> = {
  urgent_safety: 'Urgent: safety',
  likely_ineligible: 'Likely ineligible',
  ready_for_evaluation: 'Ready for evaluation',
};

/** One reason behind a triage: a safety signal, a contraindication (absolute or relative) or a follow-up. */
export const triageReason = z.object({
  code: z.string(),
  level: z.enum(['urgent', 'absolute', 'relative', 'follow_up']),
  message: z.string(),
  clearance: z.array(z.string()),
  evidence: z.array(z.string()),
});
export type TriageReason = z.infer<typeof triageReason>;

export const prescreenScores = z.object({
  phq9: z.object({ total: z.number().int(), severity: z.string(), item9: z.number().int() }).nullable(),
  gad7: z.object({ total: z.number().int(), severity: z.string() }).nullable(),
  cssrs: z.object({ riskLevel: z.enum(['none', 'low', 'moderate', 'high']), action: z.string() }).nullable(),
});
export type PrescreenScores = z.infer<typeof prescreenScores>;

const person = z.object({ id: uuid, displayName: z.string() });

export const inquirySummary = z.object({
  id: uuid,
  reference: z.string(),
  name: z.string(),
  preferredContact: contactMethod,
  modality,
  triage: triageKind,
  status: inquiryStatus,
  hasPrescreen: z.boolean(),
  assignedTo: person.nullable(),
  createdAt: z.iso.datetime(),
});
export type InquirySummary = z.infer<typeof inquirySummary>;

export const inquiryNote = z.object({ id: uuid, author: person, body: z.string(), createdAt: z.iso.datetime() });
export type InquiryNote = z.infer<typeof inquiryNote>;

export const inquiryDetail = inquirySummary.extend({
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  reason: z.string(),
  heardFrom: heardFrom.nullable(),
  heardFromDetail: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  ageYears: z.number().int().nullable(),
  prescreen: inquiryPrescreen.nullable(),
  scores: prescreenScores,
  triageReasons: z.array(triageReason),
  policyVersion: z.number().int(),
  patient: z.object({ id: uuid, mrn: z.string() }).nullable(),
  notes: z.array(inquiryNote),
  updatedAt: z.iso.datetime(),
});
export type InquiryDetail = z.infer<typeof inquiryDetail>;

export const inquiryListQuery = z.strictObject({
  status: z.union([inquiryStatus, z.literal('open')]).optional(),
  triage: triageKind.optional(),
  /** A staff id, `me`, or `unassigned`. */
  assignee: z.union([uuid, z.enum(['me', 'unassigned'])]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type InquiryListQuery = z.infer<typeof inquiryListQuery>;

export const inquiryIdParams = z.strictObject({ id: uuid });

export const assignInquiryRequest = z.strictObject({ userId: uuid.nullable() });

/** `converted` is reached only by converting; every other status can be set by hand. */
export const changeInquiryStatusRequest = z.strictObject({ status: inquiryStatus.exclude(['converted']) });

export const addInquiryNoteRequest = z.strictObject({ body: text(4000).min(1, 'Write the note') });

export const convertInquiryRequest = z.strictObject({
  /** Needed only when the inquiry gave an age but no date of birth. */
  dateOfBirth: calendarDate.optional(),
  /** The person is not one of the likely duplicates Lantern found: create a new chart anyway. */
  confirmNotDuplicate: z.boolean().default(false),
  /** The person already has a chart: link the inquiry to it instead of creating one. */
  existingPatientId: uuid.optional(),
  careTeam: z.array(z.strictObject({ userId: uuid, role: careTeamRole })).max(10).default([]),
});
export type ConvertInquiryRequest = z.infer<typeof convertInquiryRequest>;

export const convertInquiryResponse = z.object({ patient: patientHeader, linked: z.boolean() });
export type ConvertInquiryResponse = z.infer<typeof convertInquiryResponse>;

/** An existing chart that may be the same person. Names are withheld from a caller who may not see that chart. */
export const duplicateCandidate = z.object({
  patientId: uuid,
  mrn: z.string(),
  name: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  score: z.number(),
  matchedOn: z.array(z.string()),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

/** 409 from convert: likely duplicates, to confirm or link. */
export const likelyDuplicateProblem = problem.extend({ candidates: z.array(duplicateCandidate) });
export type LikelyDuplicateProblem = z.infer<typeof likelyDuplicateProblem>;

export const assignableStaff = z.array(z.object({ id: uuid, displayName: z.string(), roles: z.array(z.string()) }));
