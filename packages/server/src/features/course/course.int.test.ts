import { describe, expect, it } from 'vitest';
import type { CourseTimelineView, PlanDefaultsView, PlannedCounts } from '@lantern/core';
import { completeEvaluation, newPatient, signedNote } from '../../../test/chart-fixtures.js';
import { auditMark, auditSince } from '../../../test/factories.js';
import { courseSuite, createPlan, eligiblePatient, heldSession, planContent, signSessionNote, timeline } from '../../../test/course-fixtures.js';
import { loadPatientCourse, medicineGateUnmet } from './scheduling-port.js';

const { t, cast, clock } = courseSuite();

const codes = (body: { unmet?: { code: string }[] }): string[] => (body.unmet ?? []).map((u) => u.code);
const day = 24 * 60;

/** Moves the clock by whole days; sessions end after 12 hours, so everyone signs in again. */
async function advanceDays(days: number): Promise<void> {
  clock.advanceMinutes(days * day);
  for (const role of ['therapist', 'otherTherapist', 'physician', 'otherPhysician', 'nurse', 'frontDesk'] as const) {
    expect((await cast.as[role].login(cast.staff[role].email, cast.staff[role].password)).statusCode).toBe(200);
  }
}

describe('an individual course from preparation to completion', () => {
  it('walks every gate, refusing each skipped step with 409 and the unmet list', async () => {
    const patient = await eligiblePatient(cast);
    const { as } = cast;
    const plan = await createPlan(as.therapist, { modality: 'individual', patientIds: [patient.id] });
    expect(plan.members).toEqual([expect.objectContaining({ patientId: patient.id, phase: 'preparation' })]);
    expect(plan.revisions[0]?.content.plannedCounts.preparation).toEqual({ min: 3, max: 4 });

    let course = await timeline(as.therapist, patient.id);
    expect(course.phase).toBe('preparation');
    expect(course.blockers.map((b) => b.message)).toEqual(['0 of 3 preparation sessions signed', 'The therapist has not yet attested that the patient is ready for a medicine session']);

    // Medicine before preparation: refused with the list, nothing stored.
    const early = await as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'individual', route: 'oral', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(codes(early.json())).toEqual(['prep_sessions_min', 'readiness_attested']);
    expect((await timeline(as.therapist, patient.id)).sessions).toEqual([]);
    // An integration session before any medicine session.
    const integrationFirst = await as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'integration', format: 'individual', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(codes(integrationFirst.json())).toEqual(['integration_before_medicine']);

    for (let i = 0; i < 3; i++) {
      await heldSession(as.therapist, plan.id, { kind: 'preparation', format: 'individual', heldAt: clock().toISOString(), attendees: [patient.id] });
      await advanceDays(2);
      course = await timeline(as.therapist, patient.id);
      expect(course.prep.signed).toBe(i + 1);
    }
    expect(course.blockers.map((b) => b.code)).toEqual(['readiness_attested']);
    const attested = await as.therapist.post(`/api/courses/${course.courseId}/readiness`, {});
    expect(attested.statusCode, attested.body).toBe(200);
    expect((attested.json() as CourseTimelineView).blockers).toEqual([]);

    // The scheduling port agrees.
    const port = await t.database.db.transaction(async (tx) => ({
      course: await loadPatientCourse(tx, cast.clinicId, patient.id, clock()),
      im: await medicineGateUnmet(tx, cast.clinicId, patient.id, clock(), 'im'),
    }));
    expect(port.course.medicineGatesOpenFrom).not.toBeNull();
    expect(port.im.map((u) => u.code)).toEqual(['first_medicine_oral', 'oral_before_im']);

    // IM first is refused; the first oral session is recorded, its note needs the physician's co-signature.
    const im = await as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'individual', route: 'im', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(codes(im.json())).toEqual(['first_medicine_oral', 'oral_before_im']);
    const oral = await as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'individual', route: 'oral', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(oral.statusCode, oral.body).toBe(201);
    const [medicineNote] = (oral.json() as { noteIds: string[] }).noteIds;
    await signSessionNote(as.therapist, medicineNote ?? '');
    expect((await timeline(as.therapist, patient.id)).sessions.at(-1)?.signed).toBe(false);
    expect((await as.physician.post(`/api/session-notes/${medicineNote}/cosign`)).statusCode).toBe(200);
    course = await timeline(as.therapist, patient.id);
    expect(course.phase).toBe('integration');
    expect(course.integration[0]).toMatchObject({ state: 'upcoming' });

    // A second "first" (before the one recorded) and the next session too soon are refused.
    const before = await as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'individual', route: 'oral', heldAt: new Date(clock().getTime() - day * 60_000).toISOString(), attendees: [patient.id] });
    expect(codes(before.json())).toContain('medicine_order');
    await advanceDays(9);
    expect((await as.therapist.get('/api/courses/integration-overdue')).json()).toEqual([expect.objectContaining({ patientId: patient.id, integrationState: 'overdue' })]);
    const noIntegration = await as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'individual', route: 'im', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(codes(noIntegration.json())).toEqual(['integration_done']);

    await heldSession(as.therapist, plan.id, { kind: 'integration', format: 'individual', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect((await as.therapist.get('/api/courses/integration-overdue')).json()).toEqual([]);
    const noDecision = await as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'individual', route: 'im', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(codes(noDecision.json())).toEqual(['cycle_decision']);
    const decided = await as.therapist.post(`/api/courses/${course.courseId}/cycle-decisions`, { decision: 'another_medicine' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((decided.json() as CourseTimelineView).phase).toBe('medicine');
    const twice = await as.therapist.post(`/api/courses/${course.courseId}/cycle-decisions`, { decision: 'complete' });
    expect(codes(twice.json())).toEqual(['cycle_decision']);

    // IM now allowed (oral response documented), then integration, then complete the course.
    const imOk = await as.physician.post(`/api/plans/${plan.id}/sessions`, { kind: 'medicine', format: 'individual', route: 'im', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(imOk.statusCode, imOk.body).toBe(201);
    await advanceDays(2);
    await heldSession(as.therapist, plan.id, { kind: 'integration', format: 'individual', heldAt: clock().toISOString(), attendees: [patient.id] });
    const done = await as.therapist.post(`/api/courses/${course.courseId}/cycle-decisions`, { decision: 'complete' });
    expect((done.json() as CourseTimelineView).phase).toBe('completed');
    const after = await as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'follow_up', format: 'individual', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(codes(after.json())).toEqual(['course_completed']);
    course = await timeline(as.therapist, patient.id);
    expect(course.events.filter((e) => e.kind === 'cycle_decision').map((e) => e.value)).toEqual(['another_medicine', 'complete']);
  });

  it('keeps an ineligible patient out of preparation, and audits overrides with the named role', async () => {
    const patient = await eligiblePatient(cast, { eligible: false });
    const plan = await createPlan(cast.as.therapist, { modality: 'individual', patientIds: [patient.id] });
    const prep = await cast.as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'preparation', format: 'individual', heldAt: clock().toISOString(), attendees: [patient.id] });
    expect(prep.statusCode).toBe(409);
    expect(codes(prep.json())).toEqual(['eligibility']);
    const course = await timeline(cast.as.therapist, patient.id);
    expect(course.phase).toBe('evaluation');
    // Only a physician overrides the oral first session; only a therapist changes the prep minimum.
    expect(codes((await cast.as.therapist.post(`/api/courses/${course.courseId}/first-route-override`, { reason: 'Cannot swallow' })).json())).toEqual(['role_required']);
    expect(codes((await cast.as.physician.post(`/api/courses/${course.courseId}/prep-minimum`, { minimum: 1, reason: 'Prior therapy' })).json())).toEqual(['role_required']);
    const mark = await auditMark(t.database.db);
    const set = await cast.as.therapist.post(`/api/courses/${course.courseId}/prep-minimum`, { minimum: 1, reason: 'Long prior psychotherapy' });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as CourseTimelineView).prep).toEqual({ signed: 0, minimum: 1, overridden: true });
    const events = await auditSince(t.database.db, mark);
    expect(events).toContainEqual(expect.objectContaining({ action: 'update', resourceType: 'EpisodeOfCare', detail: expect.objectContaining({ step: 'prep_minimum', override: true }) }));
    expect(JSON.stringify(events)).not.toContain('Long prior psychotherapy');
  });

  it('raises a C-SSRS high-risk flag when the course opens, holding medicine until a clinician reviews it', async () => {
    const patient = await newPatient(cast);
    await signedNote(cast.as.therapist, patient.id, 'therapist_evaluation', completeEvaluation({
      risk: { cssrs: { wishToBeDead: true, activeSuicidalThoughts: false, suicidalBehavior: true, behaviorWithinPastThreeMonths: true }, protectiveFactors: 'Partner.', safetyPlan: 'Written together.' },
    }));
    await createPlan(cast.as.therapist, { modality: 'individual', patientIds: [patient.id] });
    const course = await timeline(cast.as.therapist, patient.id);
    expect(course.openSafetyFlags.map((f) => f.kind)).toEqual(['cssrs_high_risk']);
    expect(course.medicineGate.map((u) => u.code)).toContain('safety_flag_open');
    const reviewed = await cast.as.physician.post(`/api/courses/${course.courseId}/safety-flags/${course.openSafetyFlags[0]?.id}/review`, { reason: 'Seen the same day; safety plan updated' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((reviewed.json() as CourseTimelineView).openSafetyFlags).toEqual([]);
    expect((await cast.as.physician.post(`/api/courses/${course.courseId}/safety-flags/${course.openSafetyFlags[0]?.id}/review`, { reason: 'Again' })).statusCode).toBe(409);
  });

  it('refuses bad input and strangers with nothing stored', async () => {
    const patient = await eligiblePatient(cast);
    expect((await cast.as.therapist.post('/api/plans', { modality: 'individual', focus: 'general', title: 'x', patientIds: [patient.id, patient.id], content: { targetConditions: [], goals: [], intentions: '', careTeam: [] } })).statusCode).toBe(400);
    expect((await cast.as.therapist.post('/api/plans', { modality: 'couples', focus: 'general', title: 'x', patientIds: [patient.id], content: { targetConditions: [], goals: [], intentions: '', careTeam: [] } })).statusCode).toBe(400);
    expect((await cast.as.therapist.post('/api/plans', { modality: 'individual', focus: 'general', title: 'x', patientIds: ['01900000-0000-7000-8000-00000000dead'], content: { targetConditions: [], goals: [], intentions: '', careTeam: [] } })).statusCode).toBe(404);
    expect((await cast.as.otherTherapist.post('/api/plans', { modality: 'individual', focus: 'general', title: 'x', patientIds: [patient.id], content: { targetConditions: [], goals: [], intentions: '', careTeam: [] } })).statusCode).toBe(403);
    expect((await cast.as.therapist.get(`/api/patients/${patient.id}/course`)).statusCode).toBe(404);
    const plan = await createPlan(cast.as.therapist, { modality: 'individual', patientIds: [patient.id] });
    const again = await cast.as.therapist.post('/api/plans', { modality: 'individual', focus: 'general', title: 'x', patientIds: [patient.id], content: { targetConditions: [], goals: [], intentions: '', careTeam: [] } });
    expect(again.statusCode).toBe(409);
    expect((await cast.as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'preparation', format: 'individual', route: 'oral', heldAt: clock().toISOString(), attendees: [patient.id] })).statusCode).toBe(400);
    expect((await cast.as.therapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'preparation', format: 'individual', heldAt: new Date(clock().getTime() + 3 * 3_600_000).toISOString(), attendees: [patient.id] })).statusCode).toBe(400);
    expect((await cast.as.otherTherapist.post(`/api/plans/${plan.id}/sessions`, { kind: 'preparation', format: 'individual', heldAt: clock().toISOString(), attendees: [patient.id] })).statusCode).toBe(403);
    expect((await timeline(cast.as.therapist, patient.id)).sessions).toEqual([]);
  });

  it('versions the plan: co-signed by a physician, acknowledged by the patient', async () => {
    const patient = await eligiblePatient(cast);
    const plan = await createPlan(cast.as.therapist, { modality: 'individual', focus: 'grief', patientIds: [patient.id] });
    expect(plan.suggestedMeasures.map((m) => m.name)).toContain('PG-13-R');
    expect(codes((await cast.as.therapist.post(`/api/plans/${plan.id}/acknowledgements`, { patientId: patient.id, typedName: 'Wren H' })).json())).toEqual(['plan_cosign']);
    expect((await cast.as.therapist.post(`/api/plans/${plan.id}/cosign`, { version: 1 })).statusCode).toBe(403);
    expect((await cast.as.physician.post(`/api/plans/${plan.id}/cosign`, { version: 1 })).statusCode).toBe(200);
    expect((await cast.as.otherPhysician.post(`/api/plans/${plan.id}/cosign`, { version: 1 })).statusCode).toBe(409);
    expect((await cast.as.therapist.post(`/api/plans/${plan.id}/acknowledgements`, { patientId: patient.id, typedName: 'Wren H' })).statusCode).toBe(201);
    const revised = await cast.as.therapist.post(`/api/plans/${plan.id}/revisions`, { content: { targetConditions: ['F33.1'], goals: ['Sleep'], intentions: 'Rest', careTeam: [] } });
    expect(revised.statusCode, revised.body).toBe(201);
    const view = revised.json() as { revisions: { version: number; cosignedBy: string | null; acknowledgedBy: string[] }[] };
    expect(view.revisions.map((r) => [r.version, r.cosignedBy !== null, r.acknowledgedBy.length])).toEqual([[1, true, 1], [2, false, 0]]);
  });

  it('starts a new plan from the planned counts the clinician set, and refuses counts out of order with nothing stored', async () => {
    const defaults = await cast.as.therapist.get('/api/plan-defaults');
    expect(defaults.statusCode, defaults.body).toBe(200);
    const { plannedCounts: policyCounts } = defaults.json() as PlanDefaultsView;
    expect(policyCounts.preparation).toEqual({ min: 3, max: 4 });
    // The defaults are for whoever drafts a plan; nurses and the front desk do not.
    expect((await cast.as.nurse.get('/api/plan-defaults')).statusCode).toBe(403);
    expect((await cast.as.frontDesk.get('/api/plan-defaults')).statusCode).toBe(403);

    const patient = await eligiblePatient(cast);
    const request = (plannedCounts: unknown): Record<string, unknown> => ({ modality: 'individual', focus: 'general', title: 'Course', patientIds: [patient.id], content: { ...planContent, plannedCounts } });
    const refusals: [unknown, string][] = [
      [{ ...policyCounts, preparation: { min: 5, max: 4 } }, 'body.content.plannedCounts.preparation.max'],
      [{ ...policyCounts, medicine: { min: -1, max: 2 } }, 'body.content.plannedCounts.medicine.min'],
      [{ ...policyCounts, integrationPerMedicine: { min: 1, max: 2.5 } }, 'body.content.plannedCounts.integrationPerMedicine.max'],
      [{ ...policyCounts, preparation: { min: 3, max: 21 } }, 'body.content.plannedCounts.preparation.max'],
    ];
    for (const [counts, path] of refusals) {
      const refused = await cast.as.therapist.post('/api/plans', request(counts));
      expect(refused.statusCode, refused.body).toBe(400);
      expect((refused.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([path]);
    }
    expect((await cast.as.therapist.get(`/api/patients/${patient.id}/course`)).statusCode).toBe(404);
    // Access is unchanged: a therapist off the patient's care team is refused, counts or not.
    const chosen: PlannedCounts = { ...policyCounts, preparation: { min: 5, max: 6 }, medicine: { min: 1, max: 1 }, integrationPerMedicine: { min: 2, max: 2 } };
    expect((await cast.as.otherTherapist.post('/api/plans', request(chosen))).statusCode).toBe(403);
    expect((await cast.as.therapist.get(`/api/patients/${patient.id}/course`)).statusCode).toBe(404);

    const plan = await createPlan(cast.as.therapist, request(chosen));
    expect(plan.revisions[0]?.content.plannedCounts).toEqual(chosen);
    // The course timeline the plan card reads carries them too.
    expect((await timeline(cast.as.therapist, patient.id)).plan.revisions.at(-1)?.content.plannedCounts).toEqual(chosen);
  });
});
