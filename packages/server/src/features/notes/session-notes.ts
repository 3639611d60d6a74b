import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  Conflict,
  DEFAULT_TEMPLATES,
  focusGuide,
  Forbidden,
  NotFound,
  PolicyBlocked,
  SESSION_NOTE_TITLES,
  sessionNoteContent,
  sessionNoteSignUnmet,
  type SessionNoteContent,
  type SessionNoteKind,
  type SessionNoteTemplate,
  type SessionNoteView,
  type TemplateField,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/index.js';
import { transact } from '../../platform/audit/trail.js';
import { appUser, carePlan, noteTemplate, sessionAttendance, sessionNote, sessionNoteAddendum } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { ChartRepo, type AdmittedPatient } from '../chart/chart-repo.js';
import { addendumHash, signatureHash } from './views.js';

const RESOURCE = 'SessionNote';
type NoteRow = typeof sessionNote.$inferSelect;

/** The clinic's template for a kind: its latest saved version, else the built-in default (version 0). */
export async function templateFor(tx: Executor, clinicId: string, kind: SessionNoteKind): Promise<SessionNoteTemplate & { version: number }> {
  const [row] = await tx
    .select()
    .from(noteTemplate)
    .where(and(eq(noteTemplate.clinicId, clinicId), eq(noteTemplate.kind, kind)))
    .orderBy(desc(noteTemplate.version))
    .limit(1);
  if (!row) return { ...DEFAULT_TEMPLATES[kind], version: 0 };
  return { kind, title: SESSION_NOTE_TITLES[kind], fields: row.fields as TemplateField[], version: row.version };
}

async function names(tx: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Admits the caller to a session note: the patient it is about (a shared summary: its session's first
 * attendee), clinical scope or break-glass. A private process note opens only to its author, or to a
 * break-glass grant; anyone else gets 404 (its existence is not disclosed) and the refusal is audited.
 */
async function admitNote(chart: ChartRepo, tx: Executor, ctx: AuthedContext, id: string, action: 'read' | 'update'): Promise<{ note: NoteRow; admitted: AdmittedPatient }> {
  const [note] = await tx.select().from(sessionNote).where(and(eq(sessionNote.id, id), eq(sessionNote.clinicId, ctx.auth.user.clinicId))).limit(1);
  if (!note) throw new NotFound('Note');
  let patientId = note.patientId;
  if (patientId === null) {
    const [first] = await tx.select({ patientId: sessionAttendance.patientId }).from(sessionAttendance).where(eq(sessionAttendance.sessionId, note.sessionId)).orderBy(asc(sessionAttendance.id)).limit(1);
    patientId = first?.patientId ?? null;
  }
  if (patientId === null) throw new NotFound('Note');
  const admitted = await chart.admit(patientId, { scope: 'clinical', action, resourceType: RESOURCE, resourceId: id, recordAccess: false });
  if (note.private && note.authorId !== ctx.auth.user.id && admitted.breakGlassReason === null) {
    chart.refused(admitted, { action, resourceType: RESOURCE, resourceId: id, detail: { reason: 'private_note' } });
    throw new NotFound('Note');
  }
  return { note, admitted };
}

async function viewOf(tx: Executor, note: NoteRow): Promise<SessionNoteView> {
  const kind = note.kind as SessionNoteKind;
  const template = await templateFor(tx, note.clinicId, kind);
  const [plan] = await tx.select({ focus: carePlan.focus }).from(carePlan).where(eq(carePlan.id, note.planId)).limit(1);
  const addenda = await tx.select().from(sessionNoteAddendum).where(eq(sessionNoteAddendum.noteId, note.id)).orderBy(asc(sessionNoteAddendum.signedAt));
  const who = await names(tx, [note.authorId, note.signedBy, note.cosignedBy, ...addenda.map((a) => a.authorId)]);
  const person = (id: string | null) => (id ? { userId: id, displayName: who.get(id) ?? 'Unknown' } : null);
  return {
    id: note.id,
    sessionId: note.sessionId,
    patientId: note.patientId,
    kind,
    title: SESSION_NOTE_TITLES[kind],
    status: note.status as 'draft' | 'signed',
    version: note.version,
    private: note.private,
    content: sessionNoteContent.parse(note.content),
    template: template.fields.map((f) => ({ ...f })),
    prompts: [...focusGuide(plan?.focus ?? 'general').prompts],
    author: { userId: note.authorId, displayName: who.get(note.authorId) ?? 'Unknown' },
    signedAt: note.signedAt?.toISOString() ?? null,
    signedBy: person(note.signedBy),
    cosignRequired: note.cosignRequired,
    cosignedAt: note.cosignedAt?.toISOString() ?? null,
    cosignedBy: person(note.cosignedBy),
    addenda: addenda.map((a) => ({ id: a.id, text: a.text, author: { userId: a.authorId, displayName: who.get(a.authorId) ?? 'Unknown' }, signedAt: a.signedAt.toISOString() })),
  };
}

async function reload(tx: Executor, id: string): Promise<NoteRow> {
  const [row] = await tx.select().from(sessionNote).where(eq(sessionNote.id, id)).limit(1);
  if (!row) throw new Error('note vanished');
  return row;
}

export function getSessionNote(deps: AppDeps, ctx: AuthedContext, id: string): Promise<SessionNoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const chart = new ChartRepo(tx, ctx, audit);
    const { note, admitted } = await admitNote(chart, tx, ctx, id, 'read');
    chart.record(admitted, { action: 'read', resourceType: RESOURCE, resourceId: id, detail: { kind: note.kind } });
    return viewOf(tx, note);
  });
}

/** The author saves their draft (signed: 409; someone else's: 403; stale version: 409). */
export function updateSessionNote(deps: AppDeps, ctx: AuthedContext, id: string, input: { version: number; content: SessionNoteContent; private?: boolean | undefined }): Promise<SessionNoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const chart = new ChartRepo(tx, ctx, audit);
    const { note, admitted } = await admitNote(chart, tx, ctx, id, 'update');
    if (note.status === 'signed') {
      chart.refused(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { reason: 'note_signed' } });
      throw new Conflict('This note is signed and locked; add an addendum instead', 'note_signed');
    }
    if (note.authorId !== ctx.auth.user.id) throw new Forbidden('Only the author of a draft may edit it', 'not_author');
    const rows = await tx
      .update(sessionNote)
      .set({ content: input.content, private: input.private ?? note.private, version: sql`${sessionNote.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(sessionNote.id, id), eq(sessionNote.status, 'draft'), eq(sessionNote.version, input.version)))
      .returning();
    if (!rows[0]) throw new Conflict('This draft changed since you opened it (or was signed); reload it', 'stale_note');
    chart.record(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { version: rows[0].version } });
    return viewOf(tx, rows[0]);
  });
}

/**
 * Signs a complete session note: one conditional UPDATE on (draft, version), so of two clinicians
 * signing at once exactly one wins and the other gets 409 naming who signed.
 */
export function signSessionNote(deps: AppDeps, ctx: AuthedContext, id: string, version: number): Promise<SessionNoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const chart = new ChartRepo(tx, ctx, audit);
    const { note, admitted } = await admitNote(chart, tx, ctx, id, 'update');
    if (note.status === 'signed') throw new Conflict('This note is already signed', 'note_signed');
    if (note.version !== version) throw new Conflict('This draft changed since you read it; review the latest version before signing', 'stale_note');
    const template = await templateFor(tx, note.clinicId, note.kind as SessionNoteKind);
    const unmet = sessionNoteSignUnmet(template, sessionNoteContent.parse(note.content));
    if (unmet.length > 0) {
      chart.refused(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { sign: true, reason: 'incomplete' } });
      throw new PolicyBlocked(`Complete every required field before signing the ${SESSION_NOTE_TITLES[note.kind as SessionNoteKind].toLowerCase()}`, unmet);
    }
    const contentHash = signatureHash({ noteId: id, patientId: note.patientId ?? '', kind: note.kind, content: note.content, signedBy: ctx.auth.user.id, signedAt: ctx.now });
    const rows = await tx
      .update(sessionNote)
      .set({ status: 'signed', signedBy: ctx.auth.user.id, signedAt: ctx.now, contentHash, templateVersion: template.version, updatedAt: ctx.now })
      .where(and(eq(sessionNote.id, id), eq(sessionNote.status, 'draft'), eq(sessionNote.version, version)))
      .returning();
    if (!rows[0]) {
      const now = await reload(tx, id);
      const who = now.signedBy ? (await names(tx, [now.signedBy])).get(now.signedBy) : null;
      if (now.status === 'signed') throw new Conflict(`This note was signed a moment ago by ${who ?? 'another clinician'}; it is locked now`, 'note_signed');
      throw new Conflict('This draft changed since you read it; review the latest version before signing', 'stale_note');
    }
    chart.record(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { signed: true, kind: note.kind, contentHash } });
    return viewOf(tx, rows[0]);
  });
}

/** A physician co-signs a signed note that policy says needs it (once; not their own signature). */
export function cosignSessionNote(deps: AppDeps, ctx: AuthedContext, id: string): Promise<SessionNoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const chart = new ChartRepo(tx, ctx, audit);
    const { note, admitted } = await admitNote(chart, tx, ctx, id, 'update');
    if (!ctx.auth.user.roles.includes('physician')) throw new Forbidden('Only a physician co-signs a session note', 'wrong_role');
    if (note.status !== 'signed') throw new Conflict('Sign the note before it is co-signed', 'note_not_signed');
    if (!note.cosignRequired) throw new Conflict('This note does not need a co-signature', 'cosign_not_required');
    if (note.signedBy === ctx.auth.user.id) throw new Conflict('A co-signature comes from a second clinician', 'own_note');
    const rows = await tx
      .update(sessionNote)
      .set({ cosignedBy: ctx.auth.user.id, cosignedAt: ctx.now })
      .where(and(eq(sessionNote.id, id), sql`${sessionNote.cosignedBy} IS NULL`))
      .returning();
    if (!rows[0]) throw new Conflict('This note was co-signed a moment ago', 'note_cosigned');
    chart.record(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { cosigned: true } });
    return viewOf(tx, rows[0]);
  });
}

export function addSessionNoteAddendum(deps: AppDeps, ctx: AuthedContext, id: string, text: string): Promise<SessionNoteView> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const chart = new ChartRepo(tx, ctx, audit);
    const { note, admitted } = await admitNote(chart, tx, ctx, id, 'update');
    if (note.status !== 'signed') throw new Conflict('This note is still a draft; edit it instead of adding an addendum', 'note_not_signed');
    const addendumId = newId();
    await tx.insert(sessionNoteAddendum).values({ id: addendumId, noteId: id, clinicId: note.clinicId, authorId: ctx.auth.user.id, text, signedAt: ctx.now, contentHash: addendumHash({ noteId: id, text, authorId: ctx.auth.user.id, signedAt: ctx.now }) });
    chart.record(admitted, { action: 'update', resourceType: RESOURCE, resourceId: id, detail: { addendum: addendumId } });
    return viewOf(tx, note);
  });
}

/** The templates in use (clinic versions over the defaults). */
export function listTemplates(deps: AppDeps, ctx: AuthedContext): Promise<(SessionNoteTemplate & { version: number })[]> {
  return transact(deps.db, ctx, async (tx) => Promise.all((Object.keys(DEFAULT_TEMPLATES) as SessionNoteKind[]).map((kind) => templateFor(tx, ctx.auth.user.clinicId, kind))));
}

/** One template as the administrator edits it: the version in use and who saved it when (null: the built-in default). */
export interface AdminTemplate extends SessionNoteTemplate {
  readonly version: number;
  readonly savedBy: string | null;
  readonly savedAt: string | null;
}

/** The templates in use with who saved each version, for the administrator's editor. */
export function listAdminTemplates(deps: AppDeps, ctx: AuthedContext): Promise<AdminTemplate[]> {
  return transact(deps.db, ctx, async (tx) => {
    const clinicId = ctx.auth.user.clinicId;
    const saved = await tx
      .select({ kind: noteTemplate.kind, version: noteTemplate.version, savedBy: appUser.displayName, savedAt: noteTemplate.createdAt })
      .from(noteTemplate)
      .innerJoin(appUser, eq(appUser.id, noteTemplate.createdBy))
      .where(eq(noteTemplate.clinicId, clinicId));
    const templates: AdminTemplate[] = [];
    for (const kind of Object.keys(DEFAULT_TEMPLATES) as SessionNoteKind[]) {
      const current = await templateFor(tx, clinicId, kind);
      const row = saved.find((r) => r.kind === kind && r.version === current.version);
      templates.push({ ...current, savedBy: row?.savedBy ?? null, savedAt: row?.savedAt.toISOString() ?? null });
    }
    return templates;
  });
}

/** An administrator saves a new version of a template; notes signed before keep the version they used. */
export function saveTemplate(deps: AppDeps, ctx: AuthedContext, kind: SessionNoteKind, fields: readonly TemplateField[]): Promise<SessionNoteTemplate & { version: number }> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const current = await templateFor(tx, ctx.auth.user.clinicId, kind);
    if (new Set(fields.map((f) => f.key)).size !== fields.length) throw new Conflict('Each field needs its own key', 'duplicate_key');
    await tx.insert(noteTemplate).values({ id: newId(), clinicId: ctx.auth.user.clinicId, kind, version: current.version + 1, fields, createdBy: ctx.auth.user.id, createdAt: ctx.now });
    audit.record({ action: 'update', resourceType: 'NoteTemplate', resourceId: kind, detail: { version: current.version + 1 } });
    return templateFor(tx, ctx.auth.user.clinicId, kind);
  });
}
