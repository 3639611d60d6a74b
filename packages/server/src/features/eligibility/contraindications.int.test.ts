import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContraindicationAssessmentView, EligibilityView } from '@lantern/core';
import { testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince } from '../../../test/factories.js';
import { chartCast, completeExam, newPatient, signedNote, type ChartCast } from '../../../test/chart-fixtures.js';
import { recordIntakeSelfReport } from '../chart/profile-service.js';

let t: TestApp;
let cast: ChartCast;

beforeAll(async () => {
  t = await testApp();
  cast = await chartCast(t);
});
afterAll(async () => t.close());

async function assessment(patientId: string): Promise<ContraindicationAssessmentView> {
  const response = await cast.as.physician.get(`/api/patients/${patientId}/contraindications`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ContraindicationAssessmentView;
}

function rule(view: ContraindicationAssessmentView, ruleId: string): ContraindicationAssessmentView['results'][number] | undefined {
  return view.results.find((result) => result.ruleId === ruleId);
}

describe('the contraindication assessment', () => {
  it('answers every rule with a level, a reason and its policy rule id', async () => {
    const p = await newPatient(cast);
    const view = await assessment(p.id);
    expect(view).toMatchObject({ summary: 'clear', policyVersion: 0, assessedOn: '2026-11-28', includesSelfReport: false });
    expect(view.results.length).toBeGreaterThan(35);
    for (const result of view.results) expect(result).toMatchObject({ ruleId: expect.any(String), level: expect.stringMatching(/^(absolute|relative|clear)$/), reason: expect.any(String) });
  });

  it('treats a minor as an absolute stop, which only the medical director can override', async () => {
    const minor = await newPatient(cast, { dateOfBirth: '2010-04-02' });
    const view = await assessment(minor.id);
    expect(rule(view, 'minimum_age')).toMatchObject({ level: 'absolute', reason: expect.stringContaining('Under 18'), resolution: null });
    await signedNote(cast.as.therapist, minor.id, 'therapist_evaluation');
    await signedNote(cast.as.physician, minor.id, 'physician_exam');
    const refused = await cast.as.physician.post(`/api/patients/${minor.id}/eligibility`, { outcome: 'eligible_with_conditions', conditions: ['Parental consent on file'], supersedes: null });
    expect(refused.json()).toMatchObject({ status: 409, unmet: [{ code: 'absolute_contraindication' }] });

    const body = { ruleId: 'minimum_age', reason: 'Emancipated minor; research protocol approved by the ethics board.' };
    const mark = await auditMark(t.database.db);
    const physicianOnly = await cast.as.physician.post(`/api/patients/${minor.id}/contraindication-overrides`, body);
    expect(physicianOnly.statusCode).toBe(403);
    expect(physicianOnly.json()).toMatchObject({ code: 'medical_director_only' });
    expect((await cast.as.admin.post(`/api/patients/${minor.id}/contraindication-overrides`, body)).statusCode).toBe(403);
    for (const agent of [cast.as.nurse, cast.as.therapist, cast.as.frontDesk]) {
      expect((await agent.post(`/api/patients/${minor.id}/contraindication-overrides`, body)).statusCode).toBe(403);
    }
    expect((await cast.as.director.post(`/api/patients/${minor.id}/contraindication-overrides`, { ...body, reason: 'Because' })).json()).toMatchObject({
      status: 409,
      unmet: [{ code: 'override_reason' }],
    });
    expect((await cast.as.director.post(`/api/patients/${minor.id}/contraindication-overrides`, { ...body, ruleId: 'pregnancy' })).json()).toMatchObject({
      status: 409,
      code: 'not_absolute',
    });
    const events = await auditSince(t.database.db, mark);
    expect(events.filter((e) => e.resourceType === 'DetectedIssue').every((e) => e.outcome === 'failure')).toBe(true);
    expect(events.filter((e) => e.resourceType === 'DetectedIssue').length).toBeGreaterThanOrEqual(3);

    const overridden = await cast.as.director.post(`/api/patients/${minor.id}/contraindication-overrides`, body);
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(rule(overridden.json() as ContraindicationAssessmentView, 'minimum_age')).toMatchObject({
      level: 'absolute',
      resolution: { kind: 'override', text: body.reason, by: { userId: cast.staff.director.id }, applies: true },
    });
    const after = await auditSince(t.database.db, mark);
    expect(after).toContainEqual(expect.objectContaining({ action: 'create', resourceType: 'DetectedIssue', outcome: 'success', userId: cast.staff.director.id, detail: expect.objectContaining({ kind: 'override', policyVersion: 0 }) }));

    const decided = await cast.as.physician.post(`/api/patients/${minor.id}/eligibility`, { outcome: 'eligible_with_conditions', conditions: ['Parental consent on file'], supersedes: null });
    expect(decided.statusCode, decided.body).toBe(201);
    expect((decided.json() as EligibilityView).current?.overrides).toEqual([{ ruleId: 'minimum_age', reason: body.reason }]);
  });

  it('clears a relative contraindication with the clearance documented, until new evidence arrives', async () => {
    const p = await newPatient(cast);
    await signedNote(cast.as.therapist, p.id, 'therapist_evaluation');
    await signedNote(cast.as.physician, p.id, 'physician_exam', completeExam({ cardiovascular: { ...completeExam().cardiovascular, heartDisease: true, ekg: 'normal' } }));
    const before = await assessment(p.id);
    expect(rule(before, 'heart_disease')).toMatchObject({ level: 'relative', clearance: ['EKG', 'Cardiology clearance letter'] });
    expect((await cast.as.physician.post(`/api/patients/${p.id}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: null })).json()).toMatchObject({
      unmet: [{ code: 'relative_contraindication_cleared' }],
    });
    expect((await cast.as.nurse.post(`/api/patients/${p.id}/contraindication-clearances`, { ruleId: 'heart_disease', note: 'EKG reviewed 2026-11-20' })).statusCode).toBe(403);
    expect((await cast.as.physician.post(`/api/patients/${p.id}/contraindication-clearances`, { ruleId: 'arrhythmia', note: 'EKG reviewed 2026-11-20' })).json()).toMatchObject({ code: 'not_relative' });
    expect((await cast.as.physician.post(`/api/patients/${p.id}/contraindication-clearances`, { ruleId: 'no_such_rule', note: 'EKG reviewed 2026-11-20' })).statusCode).toBe(400);

    const cleared = await cast.as.physician.post(`/api/patients/${p.id}/contraindication-clearances`, { ruleId: 'heart_disease', note: 'EKG reviewed 2026-11-20, normal sinus rhythm' });
    expect(cleared.statusCode, cleared.body).toBe(201);
    expect(rule(cleared.json() as ContraindicationAssessmentView, 'heart_disease')?.resolution).toMatchObject({ kind: 'clearance', applies: true });
    const decided = await cast.as.physician.post(`/api/patients/${p.id}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: null });
    expect(decided.statusCode, decided.body).toBe(201);

    // A new cardiac diagnosis is evidence the clearance did not weigh: the decision re-opens and the clearance no longer applies.
    expect((await cast.as.physician.post(`/api/patients/${p.id}/diagnoses`, { code: 'I25.10' })).statusCode).toBe(201);
    const after = await assessment(p.id);
    expect(rule(after, 'heart_disease')?.resolution).toMatchObject({ kind: 'clearance', applies: false });
    const view = (await cast.as.physician.get(`/api/patients/${p.id}/eligibility`)).json() as EligibilityView;
    expect(view.status).toBe('reopened');
    expect(view.unmetByOutcome.eligible).toEqual([expect.objectContaining({ code: 'relative_contraindication_cleared' })]);
  });

  it('reads the intake self-report until the evaluations replace it', async () => {
    const p = await newPatient(cast);
    await recordIntakeSelfReport(t.database.db, p.id, {
      pregnant: false,
      conditions: [{ condition: 'arrhythmia', source: 'self_report' }],
      medications: [{ name: 'Adderall', drugClass: 'psychostimulant', dailyDoseMg: 20 }],
    });
    const view = await assessment(p.id);
    expect(view.includesSelfReport).toBe(true);
    expect(rule(view, 'arrhythmia')).toMatchObject({ level: 'relative', evidence: ['Self-report'] });
    expect(rule(view, 'interaction_psychostimulant')).toMatchObject({ level: 'relative' });
    // Once the chart's own medication list is started, self-reported medications no longer count.
    await cast.as.nurse.post(`/api/patients/${p.id}/medications`, { name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: 50, startedOn: null });
    expect(rule(await assessment(p.id), 'interaction_psychostimulant')).toMatchObject({ level: 'clear' });
  });
});
