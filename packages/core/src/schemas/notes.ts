import { z } from 'zod';
import { text, uuid } from './common.js';
import { noteKind, physicianExamDraft, therapistEvaluationDraft } from './note-content.js';

/**
 * Signed clinical notes: a draft that only its author edits, then a signature that locks it (its
 * content hash stored), then signed addenda appended below. Requests carry the note's `kind`, so one
 * schema per template checks the content, and the `version` the author saw, so a stale save is a 409.
 */

export const noteStatus = z.enum(['draft', 'signed']);
export type NoteStatus = z.infer<typeof noteStatus>;

const evaluationContent = z.strictObject({ kind: z.literal('therapist_evaluation'), content: therapistEvaluationDraft });
const examContent = z.strictObject({ kind: z.literal('physician_exam'), content: physicianExamDraft });

export const createNoteRequest = z.discriminatedUnion('kind', [evaluationContent, examContent]);
export type CreateNoteRequest = z.infer<typeof createNoteRequest>;

export const updateNoteRequest = z.discriminatedUnion('kind', [
  evaluationContent.extend({ version: z.number().int().min(1) }),
  examContent.extend({ version: z.number().int().min(1) }),
]);
export type UpdateNoteRequest = z.infer<typeof updateNoteRequest>;

/** Signs the version the signer read; an edit since then, or another signature first, is a 409. */
export const signNoteRequest = z.strictObject({ version: z.number().int().min(1) });
export type SignNoteRequest = z.infer<typeof signNoteRequest>;

export const addendumRequest = z.strictObject({ text: text(10_000).min(1, 'Write the addendum') });
export type AddendumRequest = z.infer<typeof addendumRequest>;

const person = z.object({ userId: uuid, displayName: z.string() });

export const addendumView = z.object({
  id: uuid,
  text: z.string(),
  author: person,
  signedAt: z.iso.datetime(),
  contentHash: z.string(),
});
export type AddendumView = z.infer<typeof addendumView>;

const noteBase = {
  id: uuid,
  patientId: uuid,
  status: noteStatus,
  version: z.number().int(),
  author: person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  signedAt: z.iso.datetime().nullable(),
  signedBy: person.nullable(),
  /** SHA-256 of the signed content (canonical JSON), for proving it unchanged. */
  contentHash: z.string().nullable(),
  addenda: z.array(addendumView),
};

export const noteView = z.discriminatedUnion('kind', [
  z.object({ ...noteBase, kind: z.literal('therapist_evaluation'), content: therapistEvaluationDraft }),
  z.object({ ...noteBase, kind: z.literal('physician_exam'), content: physicianExamDraft }),
]);
export type NoteView = z.infer<typeof noteView>;

/** A note in a list: who, what and where it stands, without its content. */
export const noteSummary = z.object({
  id: uuid,
  kind: noteKind,
  status: noteStatus,
  version: z.number().int(),
  author: person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  signedAt: z.iso.datetime().nullable(),
  signedBy: person.nullable(),
  addendumCount: z.number().int(),
});
export type NoteSummary = z.infer<typeof noteSummary>;
