import { signedEvaluation, signedExam, type PhysicianExam, type Signer, type StaffRole, type TherapistEvaluation } from '@lantern/core';
import type { AdmittedPatient } from '../chart/chart-repo.js';
import type { NotesRepo, NoteRow } from './repo.js';

/** A signed evaluation note as the rules see it: its content, when, and who signed in which roles. */
export interface SignedNote<T> {
  readonly id: string;
  readonly content: T;
  readonly signedAt: Date;
  readonly signer: Signer;
}

export interface SignedEvaluationNotes {
  readonly evaluation: SignedNote<TherapistEvaluation> | null;
  readonly exam: SignedNote<PhysicianExam> | null;
}

function signer(row: NoteRow): Signer {
  return { userId: row.signedBy ?? '', roles: (row.signedByRoles ?? []) as StaffRole[] };
}

/**
 * The latest signed therapist evaluation and physician exam of an admitted patient, parsed as the
 * complete templates they were when signed. Other features (chart assembly, eligibility) read notes
 * only through this.
 */
export async function latestSignedNotes(notes: NotesRepo, admitted: AdmittedPatient): Promise<SignedEvaluationNotes> {
  const latest = await notes.latestSigned(admitted);
  const evaluation = latest.therapist_evaluation;
  const exam = latest.physician_exam;
  return {
    evaluation:
      evaluation && evaluation.signedAt
        ? { id: evaluation.id, content: signedEvaluation(evaluation.content), signedAt: evaluation.signedAt, signer: signer(evaluation) }
        : null,
    exam: exam && exam.signedAt ? { id: exam.id, content: signedExam(exam.content), signedAt: exam.signedAt, signer: signer(exam) } : null,
  };
}
