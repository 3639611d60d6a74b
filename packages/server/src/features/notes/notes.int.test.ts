import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { NoteSummary, NoteView, PatientHeader } from '@lantern/core';
import { testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince } from '../../../test/factories.js';
import { chartCast, completeEvaluation, completeExam, newPatient, signedNote, type ChartCast } from '../../../test/chart-fixtures.js';
import { clinicalNote } from '../../platform/db/schema/index.js';

let t: TestApp;
let cast: ChartCast;
let patient: PatientHeader;

beforeAll(async () => {
  t = await testApp();
  cast = await chartCast(t);
  patient = await newPatient(cast);
});
afterAll(async () => t.close());

async function draft(kind: 'therapist_evaluation' | 'physician_exam', agentRole: 'therapist' | 'physician', content: unknown, patientId = patient.id): Promise<NoteView> {
  const response = await cast.as[agentRole].post(`/api/patients/${patientId}/notes`, { kind, content });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as NoteView;
}

describe('a note from draft to signature to addendum', () => {
  it('saves drafts for its author, signs once complete, then locks', async () => {
    const own = await newPatient(cast);
    const started = await draft('therapist_evaluation', 'therapist', { presentingConcerns: { summary: 'Low mood' } }, own.id);
    expect(started).toMatchObject({ status: 'draft', version: 1, author: { userId: cast.staff.therapist.id }, signedAt: null, contentHash: null });

    const incomplete = await cast.as.therapist.post(`/api/notes/${started.id}/sign`, { version: 1 });
    expect(incomplete.statusCode).toBe(409);
    const unmet = (incomplete.json() as { unmet: { code: string; message: string }[] }).unmet;
    expect(unmet.map((u) => u.message.split(':')[0])).toEqual(['History', 'Diagnoses', 'Psychiatric screen', 'Risk assessment (C-SSRS)', 'Goals', 'Suitability for KAP']);

    const saved = await cast.as.therapist.put(`/api/notes/${started.id}`, { kind: 'therapist_evaluation', version: 1, content: completeEvaluation() });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as NoteView).version).toBe(2);
    const stale = await cast.as.therapist.put(`/api/notes/${started.id}`, { kind: 'therapist_evaluation', version: 1, content: completeEvaluation() });
    expect(stale.json()).toMatchObject({ status: 409, code: 'stale_note' });
    expect((await cast.as.therapist.post(`/api/notes/${started.id}/sign`, { version: 1 })).json()).toMatchObject({ code: 'stale_note' });

    const mark = await auditMark(t.database.db);
    const signed = await cast.as.therapist.post(`/api/notes/${started.id}/sign`, { version: 2 });
    expect(signed.statusCode, signed.body).toBe(200);
    const note = signed.json() as NoteView;
    expect(note).toMatchObject({ status: 'signed', signedBy: { userId: cast.staff.therapist.id }, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const events = await auditSince(t.database.db, mark);
    expect(events).toContainEqual(expect.objectContaining({ action: 'update', resourceType: 'ClinicalNote', resourceId: started.id, patientId: own.id, outcome: 'success' }));

    expect((await cast.as.nurse.get(`/api/patients/${own.id}/diagnoses`)).json()).toEqual([
      expect.objectContaining({ code: 'F33.1', status: 'active', note: 'From the signed therapist evaluation', recordedBy: expect.objectContaining({ userId: cast.staff.therapist.id }) }),
    ]);

    const edit = await cast.as.therapist.put(`/api/notes/${started.id}`, { kind: 'therapist_evaluation', version: 2, content: completeEvaluation({ goals: { goals: ['Changed after signing'] } }) });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'note_signed' });
    expect((await cast.as.therapist.post(`/api/notes/${started.id}/sign`, { version: 2 })).json()).toMatchObject({ code: 'note_signed' });

    const addendum = await cast.as.nurse.post(`/api/notes/${started.id}/addenda`, { text: 'Patient called: the mother’s diagnosis was bipolar II, not depression.' });
    expect(addendum.statusCode, addendum.body).toBe(201);
    const withAddendum = addendum.json() as NoteView;
    expect(withAddendum.addenda).toEqual([expect.objectContaining({ author: expect.objectContaining({ userId: cast.staff.nurse.id }), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(withAddendum.content).toEqual(note.content);
    expect(withAddendum.contentHash).toBe(note.contentHash);
    const list = (await cast.as.physician.get(`/api/patients/${own.id}/notes`)).json() as NoteSummary[];
    expect(list).toEqual([expect.objectContaining({ id: started.id, status: 'signed', addendumCount: 1 })]);
  });

  it('refuses an addendum to a draft and a second open draft of the same kind', async () => {
    const own = await newPatient(cast);
    const open = await draft('physician_exam', 'physician', {}, own.id);
    expect((await cast.as.physician.post(`/api/notes/${open.id}/addenda`, { text: 'Too early' })).json()).toMatchObject({ status: 409, code: 'note_not_signed' });
    const second = await cast.as.otherPhysician.post(`/api/patients/${own.id}/notes`, { kind: 'physician_exam', content: {} });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'draft_exists' });
  });

  it('stores HTML and script in free text verbatim and returns it as data', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"';
    const note = await draft('therapist_evaluation', 'therapist', { presentingConcerns: { summary: hostile } }, (await newPatient(cast)).id);
    const read = await cast.as.therapist.get(`/api/notes/${note.id}`);
    expect(String(read.headers['content-type'])).toContain('application/json');
    expect((read.json() as { content: { presentingConcerns: { summary: string } } }).content.presentingConcerns.summary).toBe(hostile);
  });

  it('keeps a signed note locked in the database itself', async () => {
    const own = await newPatient(cast);
    const note = await signedNote(cast.as.therapist, own.id, 'therapist_evaluation');
    await expect(t.database.db.update(clinicalNote).set({ content: {} }).where(eq(clinicalNote.id, note.id))).rejects.toThrow();
    await expect(t.database.db.delete(clinicalNote).where(eq(clinicalNote.id, note.id))).rejects.toThrow();
    expect((await cast.as.nurse.post(`/api/patients/${own.id}/medications`, { name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: 50, startedOn: null })).statusCode).toBe(201);
    await expect(t.database.db.execute(sql`DELETE FROM medication`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`UPDATE medication SET daily_dose_mg = 5`)).rejects.toThrow();
  });
});

describe('who writes, signs and reads which note', () => {
  it('lets only the author edit a draft', async () => {
    const note = await draft('therapist_evaluation', 'therapist', {}, (await newPatient(cast)).id);
    const other = await cast.as.otherTherapist.put(`/api/notes/${note.id}`, { kind: 'therapist_evaluation', version: 1, content: completeEvaluation() });
    expect(other.statusCode).toBe(403);
    const physician = await cast.as.physician.put(`/api/notes/${note.id}`, { kind: 'therapist_evaluation', version: 1, content: completeEvaluation() });
    expect(physician.statusCode).toBe(403);
    expect(physician.json()).toMatchObject({ code: 'not_author' });
  });

  it('has a therapist write the evaluation and a physician the exam', async () => {
    const own = await newPatient(cast);
    expect((await cast.as.therapist.post(`/api/patients/${own.id}/notes`, { kind: 'physician_exam', content: {} })).json()).toMatchObject({ status: 403, code: 'wrong_role' });
    expect((await cast.as.physician.post(`/api/patients/${own.id}/notes`, { kind: 'therapist_evaluation', content: {} })).json()).toMatchObject({ status: 403, code: 'wrong_role' });
    expect((await cast.as.nurse.post(`/api/patients/${own.id}/notes`, { kind: 'physician_exam', content: {} })).statusCode).toBe(403);
  });

  it('lets only a physician sign the exam', async () => {
    const own = await newPatient(cast);
    const exam = await draft('physician_exam', 'physician', completeExam(), own.id);
    for (const agent of [cast.as.therapist, cast.as.nurse, cast.as.admin, cast.as.frontDesk]) {
      expect((await agent.post(`/api/notes/${exam.id}/sign`, { version: 1 })).statusCode).toBe(403);
    }
    const mark = await auditMark(t.database.db);
    expect((await cast.as.therapist.post(`/api/notes/${exam.id}/sign`, { version: 1 })).json()).toMatchObject({ code: 'wrong_role' });
    expect((await auditSince(t.database.db, mark)).map((e) => [e.resourceType, e.outcome])).toEqual([['ClinicalNote', 'failure']]);
    expect((await cast.as.physician.post(`/api/notes/${exam.id}/sign`, { version: 1 })).statusCode).toBe(200);
  });

  it('lets exactly one of two clinicians signing at once win; the other gets a clear 409', async () => {
    const own = await newPatient(cast);
    const exam = await draft('physician_exam', 'physician', completeExam(), own.id);
    const [a, b] = await Promise.all([
      cast.as.physician.post(`/api/notes/${exam.id}/sign`, { version: 1 }),
      cast.as.otherPhysician.post(`/api/notes/${exam.id}/sign`, { version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'note_signed', detail: expect.stringMatching(/signed/) });
    const [row] = await t.database.db.select().from(clinicalNote).where(eq(clinicalNote.id, exam.id));
    const winner = a.statusCode === 200 ? cast.staff.physician.id : cast.staff.otherPhysician.id;
    expect(row).toMatchObject({ status: 'signed', signedBy: winner });
    const measurements = (await cast.as.physician.get(`/api/patients/${own.id}/measurements`)).json() as unknown[];
    expect(measurements).toHaveLength(1);
  });

  it('never shows a note to front desk or billing', async () => {
    const own = await newPatient(cast);
    const note = await signedNote(cast.as.therapist, own.id, 'therapist_evaluation', completeEvaluation({ presentingConcerns: { summary: 'Confidential presenting concern' } }));
    for (const agent of [cast.as.frontDesk, cast.as.billing]) {
      const read = await agent.get(`/api/notes/${note.id}`);
      expect(read.statusCode).toBe(403);
      expect(read.body).not.toContain('Confidential');
      expect((await agent.get(`/api/patients/${own.id}/notes`)).statusCode).toBe(403);
      expect((await agent.get(`/api/patients/${own.id}/contraindications`)).statusCode).toBe(403);
      expect((await agent.get(`/api/patients/${own.id}/diagnoses`)).statusCode).toBe(403);
    }
  });

  it('refuses a therapist outside the care team until break-glass, then audits the reason on every read', async () => {
    const own = await newPatient(cast);
    const note = await signedNote(cast.as.therapist, own.id, 'therapist_evaluation');
    const outsider = cast.as.otherTherapist;
    const mark = await auditMark(t.database.db);
    for (const url of [`/api/notes/${note.id}`, `/api/patients/${own.id}/notes`, `/api/patients/${own.id}/medications`, `/api/patients/${own.id}/eligibility`]) {
      const refused = await outsider.get(url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'out_of_scope' });
    }
    expect((await auditSince(t.database.db, mark)).every((e) => e.outcome === 'failure' && e.patientId === own.id)).toBe(true);
    const reason = 'Covering a crisis call while the primary therapist is away';
    expect((await outsider.post('/api/break-glass', { patientId: own.id, reason })).statusCode).toBe(201);
    const after = await auditMark(t.database.db);
    const read = await outsider.get(`/api/notes/${note.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(await auditSince(t.database.db, after)).toEqual([expect.objectContaining({ action: 'read', resourceType: 'ClinicalNote', breakGlassReason: reason, patientId: own.id })]);
  });
});
