import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { Conflict, type NoteKind, type StaffRole } from '@lantern/core';
import { clinicalNote, noteAddendum } from '../../platform/db/schema/index.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/ids.js';
import { ChartRepo, type AdmittedPatient } from '../chart/chart-repo.js';

export type NoteRow = typeof clinicalNote.$inferSelect;
export type AddendumRow = typeof noteAddendum.$inferSelect;

const authorName = sql<string>`(SELECT u."display_name" FROM "app_user" u WHERE u."id" = "clinical_note"."author_id")`;
const signerName = sql<string | null>`(SELECT u."display_name" FROM "app_user" u WHERE u."id" = "clinical_note"."signed_by")`;

export interface NoteWithNames {
  readonly note: NoteRow;
  readonly authorName: string;
  readonly signerName: string | null;
}

export interface AddendumWithName {
  readonly addendum: AddendumRow;
  readonly authorName: string;
}

/** The signature a note receives; written in one conditional UPDATE so only one signer can win. */
export interface Signature {
  readonly version: number;
  readonly signedBy: string;
  readonly roles: readonly StaffRole[];
  readonly at: Date;
  readonly contentHash: string;
}

/**
 * Clinical notes: drafts, signatures and addenda. Every method takes an admitted patient (the chart
 * repository's scope check), so a note is never reached outside the caller's scope.
 */
export class NotesRepo extends ChartRepo {
  async list(admitted: AdmittedPatient): Promise<(NoteWithNames & { addendumCount: number })[]> {
    const count = sql<number>`(SELECT count(*)::int FROM "note_addendum" a WHERE a."note_id" = "clinical_note"."id")`;
    const rows = await this.tx
      .select({ note: clinicalNote, authorName, signerName, addendumCount: count })
      .from(clinicalNote)
      .where(eq(clinicalNote.patientId, admitted.id))
      .orderBy(desc(clinicalNote.createdAt));
    return rows.map((row) => ({ ...row, addendumCount: Number(row.addendumCount) }));
  }

  async get(admitted: AdmittedPatient, id: string): Promise<NoteWithNames | null> {
    const [row] = await this.tx
      .select({ note: clinicalNote, authorName, signerName })
      .from(clinicalNote)
      .where(and(eq(clinicalNote.id, id), eq(clinicalNote.patientId, admitted.id)))
      .limit(1);
    return row ?? null;
  }

  async addenda(admitted: AdmittedPatient, noteIds: readonly string[]): Promise<AddendumWithName[]> {
    if (noteIds.length === 0) return [];
    return this.tx
      .select({ addendum: noteAddendum, authorName: sql<string>`(SELECT u."display_name" FROM "app_user" u WHERE u."id" = "note_addendum"."author_id")` })
      .from(noteAddendum)
      .where(and(eq(noteAddendum.patientId, admitted.id), inArray(noteAddendum.noteId, [...noteIds])))
      .orderBy(asc(noteAddendum.signedAt), asc(noteAddendum.id));
  }

  /** A new draft; a second open draft of the same kind for the patient is refused (409). */
  async insertDraft(admitted: AdmittedPatient, kind: NoteKind, content: unknown): Promise<NoteRow> {
    try {
      const [row] = await this.tx
        .insert(clinicalNote)
        .values({
          id: newId(),
          clinicId: admitted.clinicId,
          patientId: admitted.id,
          kind,
          status: 'draft',
          content,
          version: 1,
          authorId: this.ctx.auth.user.id,
          createdAt: this.ctx.now,
          updatedAt: this.ctx.now,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict('There is already a draft of this note for this patient; open it from the list and continue it', 'draft_exists');
      }
      throw error;
    }
  }

  /** Saves the author's draft if it is still the version they edited; null otherwise. */
  async saveDraft(admitted: AdmittedPatient, id: string, version: number, content: unknown): Promise<NoteRow | null> {
    const [row] = await this.tx
      .update(clinicalNote)
      .set({ content, version: sql`${clinicalNote.version} + 1`, updatedAt: this.ctx.now })
      .where(
        and(
          eq(clinicalNote.id, id),
          eq(clinicalNote.patientId, admitted.id),
          eq(clinicalNote.status, 'draft'),
          eq(clinicalNote.version, version),
          eq(clinicalNote.authorId, this.ctx.auth.user.id),
        ),
      )
      .returning();
    return row ?? null;
  }

  /** Signs the draft if it is still at `version`; false when someone signed or edited it first. */
  async sign(admitted: AdmittedPatient, id: string, signature: Signature): Promise<boolean> {
    const rows = await this.tx
      .update(clinicalNote)
      .set({
        status: 'signed',
        signedBy: signature.signedBy,
        signedByRoles: [...signature.roles],
        signedAt: signature.at,
        contentHash: signature.contentHash,
        updatedAt: signature.at,
      })
      .where(and(eq(clinicalNote.id, id), eq(clinicalNote.patientId, admitted.id), eq(clinicalNote.status, 'draft'), eq(clinicalNote.version, signature.version)))
      .returning({ id: clinicalNote.id });
    return rows.length === 1;
  }

  async insertAddendum(admitted: AdmittedPatient, noteId: string, text: string, contentHash: string): Promise<AddendumRow> {
    const [row] = await this.tx
      .insert(noteAddendum)
      .values({
        id: newId(),
        noteId,
        clinicId: admitted.clinicId,
        patientId: admitted.id,
        authorId: this.ctx.auth.user.id,
        authorRoles: [...this.ctx.auth.user.roles],
        text,
        signedAt: this.ctx.now,
        contentHash,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /** The latest signed note of each kind (drafts are never read by the rules). */
  async latestSigned(admitted: AdmittedPatient): Promise<Partial<Record<NoteKind, NoteRow>>> {
    const rows = await this.tx
      .select()
      .from(clinicalNote)
      .where(and(eq(clinicalNote.patientId, admitted.id), eq(clinicalNote.status, 'signed')))
      .orderBy(desc(clinicalNote.signedAt), desc(clinicalNote.id));
    const latest: Partial<Record<NoteKind, NoteRow>> = {};
    for (const row of rows) {
      const kind = row.kind as NoteKind;
      latest[kind] ??= row;
    }
    return latest;
  }
}
