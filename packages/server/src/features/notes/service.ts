import {
  Conflict,
  Forbidden,
  noteSignUnmet,
  PolicyBlocked,
  ValidationError,
  type AddendumRequest,
  type CreateNoteRequest,
  type NoteKind,
  type NoteSummary,
  type NoteView,
  type PhysicianExam,
  type TherapistEvaluation,
  type UpdateNoteRequest,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { clinicalNote } from '../../platform/db/schema/index.js';
import type { AdmittedPatient } from '../chart/chart-repo.js';
import { changeChart } from '../chart/chart-change.js';
import { DiagnosesRepo } from '../chart/diagnoses-repo.js';
import { MeasurementsRepo } from '../chart/measurements-repo.js';
import { NotesRepo, type NoteWithNames } from './repo.js';
import { advancePatientStatusWithin } from '../patients/service.js';
import { addendumHash, NOTE_TITLES, noteSummaryView, noteView, SIGNER_ROLE, signatureHash } from './views.js';

const RESOURCE = 'ClinicalNote';

async function viewOf(repo: NotesRepo, admitted: AdmittedPatient, id: string): Promise<NoteView> {
  const row = await repo.get(admitted, id);
  if (!row) throw new Error('note vanished');
  return noteView(row, await repo.addenda(admitted, [id]));
}

async function load(repo: NotesRepo, admitted: AdmittedPatient, id: string): Promise<NoteWithNames> {
  const row = await repo.get(admitted, id);
  if (!row) throw new Error('admitted note not found');
  return row;
}

/**
 * Puts the signed evaluation's diagnoses on the chart's problem list (each one not already active),
 * so the Diagnoses tab shows what the therapist diagnosed; audited as the signer's entries.
 */
async function carryDiagnoses(repo: DiagnosesRepo, admitted: AdmittedPatient, evaluation: TherapistEvaluation): Promise<void> {
  const active = new Set((await repo.current(admitted)).filter((d) => d.status === 'active').map((d) => d.code));
  for (const code of evaluation.diagnoses.codes.filter((c) => !active.has(c))) {
    const entry = await repo.insert(admitted, { code, status: 'active', onsetDate: null, note: 'From the signed therapist evaluation', replaces: null });
    repo.record(admitted, { action: 'create', resourceType: 'Condition', resourceId: entry.id, detail: { source: 'therapist_evaluation' } });
  }
}

/** Refuses a caller without the role that writes and signs this kind of note (audited). */
function requireSignerRole(ctx: AuthedContext, kind: NoteKind, refuse: () => void): void {
  const role = SIGNER_ROLE[kind];
  if (!ctx.auth.user.roles.includes(role)) {
    refuse();
    throw new Forbidden(`Only a ${role} writes and signs the ${NOTE_TITLES[kind]}`, 'wrong_role');
  }
}

export function listNotes(deps: AppDeps, ctx: AuthedContext, patientId: string): Promise<NoteSummary[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new NotesRepo(tx, ctx, audit);
    const admitted = await repo.admit(patientId, { scope: 'clinical', action: 'query', resourceType: RESOURCE });
    return (await repo.list(admitted)).map(noteSummaryView);
  });
}

export function getNote(deps: AppDeps, ctx: AuthedContext, id: string): Promise<NoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new NotesRepo(tx, ctx, audit);
    const admitted = await repo.admitByEntry(clinicalNote, id, 'Note', { scope: 'clinical', action: 'read', resourceType: RESOURCE, resourceId: id });
    return viewOf(repo, admitted, id);
  });
}

/** Starts a draft: a therapist the evaluation, a physician the exam. One open draft of each kind per patient. */
export function createNote(deps: AppDeps, ctx: AuthedContext, patientId: string, input: CreateNoteRequest): Promise<NoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    requireSignerRole(ctx, input.kind, () =>
      audit.failure({ action: 'create', patientId, resourceType: RESOURCE, detail: { kind: input.kind, reason: 'wrong_role' } }),
    );
    const repo = new NotesRepo(tx, ctx, audit);
    const admitted = await repo.admit(patientId, { scope: 'clinical', action: 'create', resourceType: RESOURCE, recordAccess: false });
    const row = await repo.insertDraft(admitted, input.kind, input.content);
    repo.record(admitted, { action: 'create', resourceType: RESOURCE, resourceId: row.id, detail: { kind: input.kind } });
    return viewOf(repo, admitted, row.id);
  });
}

/** Saves the author's draft. A signed note is locked (409); only its author edits a draft (403); a stale version is 409. */
export function updateNote(deps: AppDeps, ctx: AuthedContext, id: string, input: UpdateNoteRequest): Promise<NoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new NotesRepo(tx, ctx, audit);
    const admitted = await repo.admitByEntry(clinicalNote, id, 'Note', { scope: 'clinical', action: 'update', resourceType: RESOURCE, resourceId: id, recordAccess: false });
    const { note } = await load(repo, admitted, id);
    const refuse = (reason: string): void => repo.refused(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { reason } });
    if (note.status === 'signed') {
      refuse('note_signed');
      throw new Conflict('This note is signed and locked; add an addendum instead', 'note_signed');
    }
    if (note.authorId !== ctx.auth.user.id) {
      refuse('not_author');
      throw new Forbidden('Only the author of a draft may edit it', 'not_author');
    }
    if (note.kind !== input.kind) throw new ValidationError(['kind'], `This note is a ${NOTE_TITLES[note.kind as NoteKind]}`);
    const saved = await repo.saveDraft(admitted, id, input.version, input.content);
    if (!saved) {
      const now = await load(repo, admitted, id);
      if (now.note.status === 'signed') throw new Conflict('This note was signed a moment ago and is locked; add an addendum instead', 'note_signed');
      throw new Conflict('This draft was saved elsewhere since you opened it; reload it to see the latest version', 'stale_note');
    }
    repo.record(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { version: saved.version } });
    return viewOf(repo, admitted, id);
  });
}

/**
 * Signs a complete note (by a therapist for the evaluation, a physician for the exam), locking it and
 * storing its content hash. Of two clinicians signing at once, exactly one wins; the other gets 409.
 * Signing the exam records its height and weight in the measurement history; any signature may
 * re-open a standing eligibility decision it undermines.
 */
export function signNote(deps: AppDeps, ctx: AuthedContext, id: string, input: { version: number }): Promise<NoteView> {
  return changeChart(
    deps,
    ctx,
    (chart) => chart.admitByEntry(clinicalNote, id, 'Note', { scope: 'clinical', action: 'update', resourceType: RESOURCE, resourceId: id, recordAccess: false }),
    async ({ tx, audit, admitted, today }) => {
      const repo = new NotesRepo(tx, ctx, audit);
      const { note } = await load(repo, admitted, id);
      const kind = note.kind as NoteKind;
      const refuse = (reason: string): void => repo.refused(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { sign: true, reason } });
      requireSignerRole(ctx, kind, () => refuse('wrong_role'));
      if (note.status === 'signed') {
        refuse('note_signed');
        throw new Conflict('This note is already signed', 'note_signed');
      }
      if (note.version !== input.version) {
        throw new Conflict('This draft changed since you read it; review the latest version before signing', 'stale_note');
      }
      const unmet = noteSignUnmet(kind, note.content, today);
      if (unmet.length > 0) {
        refuse('incomplete');
        throw new PolicyBlocked(`Complete every section before signing the ${NOTE_TITLES[kind]}`, unmet);
      }
      const at = ctx.now;
      const contentHash = signatureHash({ noteId: id, patientId: admitted.id, kind, content: note.content, signedBy: ctx.auth.user.id, signedAt: at });
      const signed = await repo.sign(admitted, id, { version: input.version, signedBy: ctx.auth.user.id, roles: ctx.auth.user.roles, at, contentHash });
      if (!signed) {
        const now = await load(repo, admitted, id);
        if (now.note.status === 'signed') {
          throw new Conflict(`This note was signed a moment ago by ${now.signerName ?? 'another clinician'}; it is locked now`, 'note_signed');
        }
        throw new Conflict('This draft changed since you read it; review the latest version before signing', 'stale_note');
      }
      repo.record(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { signed: true, kind, contentHash } });
      // A signed evaluation note means the person's evaluation has begun (a chart created by hand starts as an inquiry).
      await advancePatientStatusWithin(tx, ctx, audit, admitted.id, { kind: 'evaluation_started' });
      if (kind === 'therapist_evaluation') await carryDiagnoses(new DiagnosesRepo(tx, ctx, audit), admitted, note.content as TherapistEvaluation);
      if (kind === 'physician_exam') {
        const vitals = (note.content as PhysicianExam).vitals;
        await new MeasurementsRepo(tx, ctx, audit).insert(admitted, {
          measuredOn: today,
          heightCm: vitals.heightCm,
          weightKg: vitals.weightKg,
          source: 'physician_exam',
          noteId: id,
          note: null,
          replaces: null,
        });
      }
      return { result: await viewOf(repo, admitted, id), effect: 'recompute' };
    },
  );
}

/** Appends a signed addendum to a signed note (a draft is edited instead). */
export function addAddendum(deps: AppDeps, ctx: AuthedContext, id: string, input: AddendumRequest): Promise<NoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const repo = new NotesRepo(tx, ctx, audit);
    const admitted = await repo.admitByEntry(clinicalNote, id, 'Note', { scope: 'clinical', action: 'update', resourceType: RESOURCE, resourceId: id, recordAccess: false });
    const { note } = await load(repo, admitted, id);
    if (note.status !== 'signed') throw new Conflict('This note is still a draft; edit it instead of adding an addendum', 'note_not_signed');
    const contentHash = addendumHash({ noteId: id, text: input.text, authorId: ctx.auth.user.id, signedAt: ctx.now });
    const addendum = await repo.insertAddendum(admitted, id, input.text, contentHash);
    repo.record(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { addendum: addendum.id } });
    return viewOf(repo, admitted, id);
  });
}
