import { canonicalJson, physicianExamDraft, therapistEvaluationDraft, type NoteKind, type NoteSummary, type NoteView } from '@lantern/core';
import { sha256Hex } from '../../platform/crypto.js';
import type { AddendumWithName, NoteWithNames } from './repo.js';

/** Who must sign each kind of note (program.md phase 1: a therapist evaluates, a physician examines). */
export const SIGNER_ROLE: Record<NoteKind, 'therapist' | 'physician'> = { therapist_evaluation: 'therapist', physician_exam: 'physician' };

export const NOTE_TITLES: Record<NoteKind, string> = {
  therapist_evaluation: 'therapist evaluation',
  physician_exam: 'physician exam',
};

/**
 * The hash a signature stores: SHA-256 of the canonical JSON (keys sorted at every depth) of what was
 * signed, so the signed text can be proven unchanged later whatever order the database returns keys in.
 */
export function signatureHash(signed: { readonly noteId: string; readonly patientId: string; readonly kind: string; readonly content: unknown; readonly signedBy: string; readonly signedAt: Date }): string {
  return sha256Hex(canonicalJson({ ...signed, signedAt: signed.signedAt.toISOString() }));
}

export function addendumHash(addendum: { readonly noteId: string; readonly text: string; readonly authorId: string; readonly signedAt: Date }): string {
  return sha256Hex(canonicalJson({ ...addendum, signedAt: addendum.signedAt.toISOString() }));
}

function person(userId: string | null, displayName: string | null): { userId: string; displayName: string } | null {
  return userId ? { userId, displayName: displayName ?? 'Unknown' } : null;
}

export function noteSummaryView(row: NoteWithNames & { addendumCount: number }): NoteSummary {
  const { note } = row;
  return {
    id: note.id,
    kind: note.kind as NoteKind,
    status: note.status as NoteSummary['status'],
    version: note.version,
    author: { userId: note.authorId, displayName: row.authorName },
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    signedAt: note.signedAt?.toISOString() ?? null,
    signedBy: person(note.signedBy, row.signerName),
    addendumCount: row.addendumCount,
  };
}

export function noteView(row: NoteWithNames, addenda: readonly AddendumWithName[]): NoteView {
  const { note } = row;
  const base = {
    id: note.id,
    patientId: note.patientId,
    status: note.status as NoteView['status'],
    version: note.version,
    author: { userId: note.authorId, displayName: row.authorName },
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    signedAt: note.signedAt?.toISOString() ?? null,
    signedBy: person(note.signedBy, row.signerName),
    contentHash: note.contentHash,
    addenda: addenda.map(({ addendum, authorName }) => ({
      id: addendum.id,
      text: addendum.text,
      author: { userId: addendum.authorId, displayName: authorName },
      signedAt: addendum.signedAt.toISOString(),
      contentHash: addendum.contentHash,
    })),
  };
  return note.kind === 'physician_exam'
    ? { ...base, kind: 'physician_exam', content: physicianExamDraft.parse(note.content) }
    : { ...base, kind: 'therapist_evaluation', content: therapistEvaluationDraft.parse(note.content) };
}
