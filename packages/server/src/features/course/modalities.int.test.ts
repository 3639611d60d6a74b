import { describe, expect, it } from 'vitest';
import type { RosterView, SessionNoteView } from '@lantern/core';
import { courseSuite, createPlan, eligiblePatient, heldSession, signSessionNote, timeline } from '../../../test/course-fixtures.js';

const { cast, clock } = courseSuite();

const codes = (body: { unmet?: { code: string }[] }): string[] => (body.unmet ?? []).map((u) => u.code);

/** The clock moves in these tests; everyone signs in again so idle sessions do not end. */
async function relogin(): Promise<void> {
  for (const role of ['therapist', 'physician', 'nurse', 'frontDesk'] as const) {
    expect((await cast.as[role].login(cast.staff[role].email, cast.staff[role].password)).statusCode).toBe(200);
  }
}

async function prepare(planId: string, format: 'joint' | 'group', attendees: string[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    clock.advanceMinutes(5);
    await relogin();
    await heldSession(cast.as.therapist, planId, { kind: 'preparation', format, heldAt: clock().toISOString(), attendees });
  }
}

describe('a couple', () => {
  it('shares a plan, keeps per-person gates, and doses jointly only when both pass', async () => {
    const a = await eligiblePatient(cast);
    const b = await eligiblePatient(cast, { consent: false });
    const plan = await createPlan(cast.as.therapist, { modality: 'couples', title: 'The Halvorsens', patientIds: [a.id, b.id] });
    expect(plan.members).toHaveLength(2);
    // A joint session: one note per participant plus a shared summary.
    clock.advanceMinutes(5);
    const joint = await cast.as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'preparation', format: 'joint', heldAt: clock().toISOString(), attendees: [a.id, b.id], sharedSummary: true });
    expect(joint.statusCode, joint.body).toBe(201);
    const notes = await Promise.all((joint.json() as { noteIds: string[] }).noteIds.map(async (id) => (await cast.as.therapist.get(`/api/session-notes/${id}`)).json() as SessionNoteView));
    expect(notes.map((n) => [n.kind, n.patientId])).toEqual([['couples', a.id], ['couples', b.id], ['shared_summary', null]]);
    for (const note of notes) await signSessionNote(cast.as.therapist, note.id);
    await prepare(plan.id, 'joint', [a.id, b.id]);
    await relogin();
    for (const p of [a, b]) await cast.as.therapist.post(`/api/courses/${(await timeline(cast.as.therapist, p.id)).courseId}/readiness`, {});

    // B has not signed the KAP consent: the joint medicine session is refused, naming B only.
    const refused = await cast.as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'joint', route: 'oral', heldAt: clock().toISOString(), attendees: [a.id, b.id] });
    expect(refused.statusCode).toBe(409);
    expect(codes(refused.json())).toEqual(['consent_current']);
    expect((refused.json() as { unmet: { message: string }[] }).unmet[0]?.message).toContain(b.mrn);
    expect((await timeline(cast.as.therapist, a.id)).sessions.filter((s) => s.kind === 'medicine')).toEqual([]);
    const roster = (await cast.as.physician.get(`/api/plans/${plan.id}/medicine-roster?at=${encodeURIComponent(clock().toISOString())}&route=oral`)).json() as RosterView;
    expect(roster.map((r) => [r.patientId, r.mayDose])).toEqual([[a.id, true], [b.id, false]]);
  });
});

describe('a group of 6', () => {
  it('admits members up to capacity, records attendance, and lists exactly who may dose', async () => {
    await relogin();
    const members = [];
    for (let i = 0; i < 6; i++) members.push(await eligiblePatient(cast));
    const extra = await eligiblePatient(cast);
    const plan = await createPlan(cast.as.therapist, { modality: 'group', title: 'Grief circle', focus: 'grief', capacity: 6, facilitators: [cast.staff.therapist.id], patientIds: members.slice(0, 5).map((m) => m.id) });
    const added = await cast.as.therapist.post(`/api/plans/${plan.id}/members`, { patientId: members[5]?.id });
    expect(added.statusCode, added.body).toBe(201);
    const full = await cast.as.therapist.post(`/api/plans/${plan.id}/members`, { patientId: extra.id });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'group_full' });

    const ids = members.map((m) => m.id);
    await prepare(plan.id, 'group', ids);
    await relogin();
    // One member missed the last session's readiness: attest five.
    for (const m of members.slice(0, 5)) await cast.as.therapist.post(`/api/courses/${(await timeline(cast.as.therapist, m.id)).courseId}/readiness`, {});
    const flagged = await timeline(cast.as.therapist, members[4]?.id ?? '');
    await cast.as.nurse.post(`/api/courses/${flagged.courseId}/safety-flags`, { kind: 'phq9_item9' });

    const roster = (await cast.as.physician.get(`/api/plans/${plan.id}/medicine-roster?at=${encodeURIComponent(clock().toISOString())}&route=oral`)).json() as RosterView;
    expect(roster.filter((r) => r.mayDose).map((r) => r.patientId)).toEqual(ids.slice(0, 4));
    expect(roster.find((r) => r.patientId === ids[4])?.unmet.map((u) => u.code)).toEqual(['safety_flag_open']);
    expect(roster.find((r) => r.patientId === ids[5])?.unmet.map((u) => u.code)).toEqual(['readiness_attested']);

    const all = await cast.as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'group', route: 'oral', heldAt: clock().toISOString(), attendees: ids });
    expect(all.statusCode).toBe(409);
    expect(codes(all.json()).sort()).toEqual(['readiness_attested', 'safety_flag_open']);
    const dosed = await cast.as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'group', route: 'oral', heldAt: clock().toISOString(), attendees: ids.slice(0, 4) });
    expect(dosed.statusCode, dosed.body).toBe(201);
    expect((await timeline(cast.as.therapist, ids[0] ?? '')).phase).toBe('integration');
    expect((await timeline(cast.as.therapist, ids[5] ?? '')).phase).toBe('preparation');

    // Reviewing the flag releases that member.
    const review = await cast.as.therapist.post(`/api/courses/${flagged.courseId}/safety-flags/${flagged.openSafetyFlags[0]?.id ?? (await timeline(cast.as.therapist, ids[4] ?? '')).openSafetyFlags[0]?.id}/review`, { reason: 'Passive thoughts, safety plan in place' });
    expect(review.statusCode, review.body).toBe(200);
    expect((await timeline(cast.as.therapist, ids[4] ?? '')).blockers).toEqual([]);
    const byPhase = (await cast.as.therapist.get('/api/courses')).json() as { patientId: string; phase: string }[];
    expect(byPhase.filter((r) => ids.includes(r.patientId)).map((r) => r.phase).sort()).toEqual(['integration', 'integration', 'integration', 'integration', 'preparation', 'preparation']);
  });
});

describe('session notes', () => {
  it('locks on signature, lets one of two concurrent signers win, and keeps private notes to their author', async () => {
    await relogin();
    const p = await eligiblePatient(cast);
    const plan = await createPlan(cast.as.therapist, { modality: 'individual', patientIds: [p.id] });
    const rec = await cast.as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'preparation', format: 'individual', heldAt: clock().toISOString(), attendees: [p.id] });
    const [noteId] = (rec.json() as { noteIds: string[] }).noteIds;
    const note = (await cast.as.therapist.get(`/api/session-notes/${noteId}`)).json() as SessionNoteView;
    const incomplete = await cast.as.therapist.post(`/api/session-notes/${noteId}/sign`, { version: note.version });
    expect(incomplete.statusCode).toBe(409);
    expect(codes(incomplete.json())).toContain('note_incomplete');
    const fields = Object.fromEntries(note.template.map((f) => [f.key, 'Done']));
    const saved = (await cast.as.therapist.put(`/api/session-notes/${noteId}`, { version: note.version, content: { fields, text: 'Process material' }, private: true })).json() as SessionNoteView;
    expect(saved.private).toBe(true);
    expect((await cast.as.physician.get(`/api/session-notes/${noteId}`)).statusCode).toBe(404);
    expect((await cast.as.physician.put(`/api/session-notes/${noteId}`, { version: saved.version, content: { fields, text: 'x' } })).statusCode).toBe(404);
    const [first, second] = await Promise.all([
      cast.as.therapist.post(`/api/session-notes/${noteId}/sign`, { version: saved.version }),
      cast.as.therapist.post(`/api/session-notes/${noteId}/sign`, { version: saved.version }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const locked = await cast.as.therapist.put(`/api/session-notes/${noteId}`, { version: saved.version + 1, content: { fields, text: 'changed' } });
    expect(locked.statusCode).toBe(409);
    expect((await cast.as.therapist.post(`/api/session-notes/${noteId}/addenda`, { text: 'Later thought' })).statusCode).toBe(201);
    const course = await timeline(cast.as.physician, p.id);
    expect(course.sessions[0]?.notes).toEqual([]);
    expect((await timeline(cast.as.therapist, p.id)).sessions[0]?.notes).toHaveLength(1);
  });

  it('lets an administrator version a template; new notes use it, bad templates change nothing', async () => {
    await relogin();
    expect((await cast.as.admin.login(cast.staff.admin.email, cast.staff.admin.password)).statusCode).toBe(200);
    const bad = await cast.as.admin.put('/api/note-templates/follow_up', { fields: [{ key: 'status', label: 'A', required: true }, { key: 'status', label: 'B', required: false }] });
    expect(bad.statusCode).toBe(409);
    expect((await cast.as.therapist.put('/api/note-templates/follow_up', { fields: [{ key: 'x', label: 'X', required: true }] })).statusCode).toBe(403);
    const saved = await cast.as.admin.put('/api/note-templates/follow_up', { fields: [{ key: 'status', label: 'Current status', required: true }, { key: 'sleep', label: 'Sleep since the last session', required: true }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ kind: 'follow_up', version: 1 });
    const p = await eligiblePatient(cast);
    const plan = await createPlan(cast.as.therapist, { modality: 'individual', patientIds: [p.id] });
    const rec = await cast.as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'follow_up', format: 'individual', heldAt: clock().toISOString(), attendees: [p.id] });
    const [noteId] = (rec.json() as { noteIds: string[] }).noteIds;
    const note = (await cast.as.therapist.get(`/api/session-notes/${noteId}`)).json() as SessionNoteView;
    expect(note.template.map((f) => f.key)).toEqual(['status', 'sleep']);
    const half = await cast.as.therapist.put(`/api/session-notes/${noteId}`, { version: note.version, content: { fields: { status: 'Stable' }, text: '' } });
    const refused = await cast.as.therapist.post(`/api/session-notes/${noteId}/sign`, { version: (half.json() as SessionNoteView).version });
    expect((refused.json() as { unmet: { message: string }[] }).unmet.map((u) => u.message)).toEqual(['Sleep since the last session is empty']);
  });
});
