import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartHeader, ContraindicationAssessmentView, EligibilityView, MedicationList, NoteView } from '@lantern/core';
import { testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince } from '../../../test/factories.js';
import { chartCast, completeExam, newPatient, signedNote, type ChartCast } from '../../../test/chart-fixtures.js';
import { currentEligibility } from './gate.js';

let t: TestApp;
let cast: ChartCast;

beforeAll(async () => {
  t = await testApp();
  cast = await chartCast(t);
});
afterAll(async () => t.close());

async function eligibility(patientId: string): Promise<EligibilityView> {
  const response = await cast.as.physician.get(`/api/patients/${patientId}/eligibility`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as EligibilityView;
}

describe('from a new patient to a signed eligibility decision', () => {
  it('walks the whole path through the API', async () => {
    const patient = await newPatient(cast);
    const header = async (): Promise<ChartHeader> => (await cast.as.frontDesk.get(`/api/patients/${patient.id}/chart-header`)).json() as ChartHeader;
    expect(await header()).toMatchObject({ mrn: patient.mrn, ageYears: 38, eligibility: { status: 'not_started', decidedAt: null } });

    // The chart fills in: profile by front desk, diagnosis, medication, allergy, weight by clinicians.
    const profile = (await cast.as.frontDesk.get(`/api/patients/${patient.id}/profile`)).json() as { version: number };
    const saved = await cast.as.frontDesk.put(`/api/patients/${patient.id}/profile`, {
      version: profile.version,
      legalGivenName: 'Wren',
      legalFamilyName: 'Halvorsen',
      preferredName: 'Wren',
      pronouns: 'she/her',
      dateOfBirth: '1988-03-14',
      email: 'wren@example.test',
      phone: '612-555-0199',
      address: { line1: '12 Elm St', line2: null, city: 'Saint Paul', state: 'MN', postalCode: '55104' },
      emergencyContact: { name: 'Ana Halvorsen', relationship: 'sister', phone: '612-555-0100' },
      escorts: [{ name: 'Sam Ito', relationship: 'partner', phone: '612-555-0101' }],
      pharmacy: { name: 'Lake Street Pharmacy', phone: '612-555-0177', address: null },
      insurance: { payer: 'Medica', memberId: 'MED123456', groupNumber: null },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await cast.as.therapist.post(`/api/patients/${patient.id}/diagnoses`, { code: 'f331' })).statusCode).toBe(201);
    const meds = await cast.as.nurse.post(`/api/patients/${patient.id}/medications`, { name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: 100, startedOn: '2024-02-01' });
    expect(meds.statusCode, meds.body).toBe(201);
    expect((await cast.as.nurse.post(`/api/patients/${patient.id}/allergies`, { substance: 'Penicillin', reaction: 'Rash', severity: 'mild' })).statusCode).toBe(201);
    expect((await header()).eligibility.status).toBe('not_started');

    // Both evaluations, each signed by the right clinician.
    const evaluation = await signedNote(cast.as.therapist, patient.id, 'therapist_evaluation');
    expect(evaluation).toMatchObject({ status: 'signed', signedBy: { userId: cast.staff.therapist.id }, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await header()).eligibility.status).toBe('in_evaluation');
    expect(((await cast.as.nurse.get(`/api/patients/${patient.id}`)).json() as { status: string }).status).toBe('evaluation');
    // Its diagnosis (F33.1, already on the chart) is not added twice.
    expect(((await cast.as.nurse.get(`/api/patients/${patient.id}/diagnoses`)).json() as { code: string }[]).map((d) => d.code)).toEqual(['F33.1']);
    const exam = await signedNote(cast.as.physician, patient.id, 'physician_exam');
    expect((await header()).eligibility.status).toBe('ready_for_decision');

    // The exam's height and weight joined the measurement history, with a derived BMI.
    const measurements = (await cast.as.nurse.get(`/api/patients/${patient.id}/measurements`)).json() as { weightKg: number; bmi: number; source: string; noteId: string }[];
    expect(measurements).toEqual([expect.objectContaining({ weightKg: 68, bmi: 23.5, source: 'physician_exam', noteId: exam.id })]);

    const assessment = (await cast.as.physician.get(`/api/patients/${patient.id}/contraindications`)).json() as ContraindicationAssessmentView;
    expect(assessment.summary).toBe('clear');
    expect(assessment.results.find((r) => r.ruleId === 'minimum_age')).toMatchObject({ level: 'clear' });

    const before = await eligibility(patient.id);
    expect(before.unmetByOutcome.eligible).toEqual([]);
    const mark = await auditMark(t.database.db);
    const decided = await cast.as.physician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: null });
    expect(decided.statusCode, decided.body).toBe(201);
    const view = decided.json() as EligibilityView;
    expect(view.status).toBe('eligible');
    expect(view.current).toMatchObject({
      outcome: 'eligible',
      decidedBy: { userId: cast.staff.physician.id },
      policyVersion: 0,
      therapistEvaluationId: evaluation.id,
      physicianExamId: exam.id,
      reopened: null,
    });
    expect((await auditSince(t.database.db, mark)).map((e) => [e.action, e.resourceType, e.outcome])).toContainEqual(['create', 'EligibilityDecision', 'success']);

    expect(await header()).toMatchObject({ eligibility: { status: 'eligible', decidedAt: view.current?.decidedAt } });
    // An eligible decision puts the person in care: the chart's status moves to active, audited.
    expect(((await cast.as.nurse.get(`/api/patients/${patient.id}`)).json() as { status: string }).status).toBe('active');
    expect((await auditSince(t.database.db, mark)).map((e) => [e.action, e.resourceType, (e.detail as { to?: string } | null)?.to ?? null])).toContainEqual(['update', 'Patient', 'active']);
    const gate = await currentEligibility(t.database.db, patient.id);
    expect(gate).toMatchObject({ status: 'eligible', allowsTreatment: true, decisionId: view.current?.id, policyVersion: 0 });
  });

  it('records eligible-with-conditions only with the conditions listed', async () => {
    const patient = await newPatient(cast);
    await signedNote(cast.as.therapist, patient.id, 'therapist_evaluation');
    await signedNote(cast.as.physician, patient.id, 'physician_exam');
    const none = await cast.as.physician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'eligible_with_conditions', conditions: ['  '], supersedes: null });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'policy_blocked', unmet: [{ code: 'conditions_listed' }] });
    const listed = await cast.as.physician.post(`/api/patients/${patient.id}/eligibility`, {
      outcome: 'eligible_with_conditions',
      conditions: ['Oral route only for the first two sessions', 'BP re-check before each session'],
      supersedes: null,
    });
    expect(listed.statusCode, listed.body).toBe(201);
    expect((listed.json() as EligibilityView).current?.conditions).toHaveLength(2);
    expect((await currentEligibility(t.database.db, patient.id)).allowsTreatment).toBe(true);
  });
});

describe('a decision attempted too early', () => {
  it('is refused with every unmet reason as problem+json, and stores nothing', async () => {
    const patient = await newPatient(cast);
    const mark = await auditMark(t.database.db);
    const early = await cast.as.physician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: null });
    expect(early.statusCode).toBe(409);
    expect(String(early.headers['content-type'])).toContain('application/problem+json');
    expect(early.json()).toMatchObject({
      code: 'policy_blocked',
      unmet: [
        { code: 'therapist_evaluation_signed', message: expect.any(String) },
        { code: 'physician_exam_signed', message: expect.any(String) },
      ],
    });
    const events = await auditSince(t.database.db, mark);
    expect(events.map((e) => [e.action, e.resourceType, e.outcome])).toEqual([['create', 'EligibilityDecision', 'failure']]);
    await signedNote(cast.as.therapist, patient.id, 'therapist_evaluation');
    const half = await cast.as.physician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'not_eligible', conditions: [], supersedes: null });
    expect(half.json()).toMatchObject({ unmet: [{ code: 'physician_exam_signed' }] });
    expect((await eligibility(patient.id)).history).toEqual([]);
    expect((await currentEligibility(t.database.db, patient.id)).allowsTreatment).toBe(false);
  });

  it('refuses a decision by a non-physician at the door', async () => {
    const patient = await newPatient(cast);
    for (const agent of [cast.as.therapist, cast.as.nurse, cast.as.admin]) {
      expect((await agent.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: null })).statusCode).toBe(403);
    }
  });

  it('refuses a decision that does not know about the one before it', async () => {
    const patient = await newPatient(cast);
    await signedNote(cast.as.therapist, patient.id, 'therapist_evaluation');
    await signedNote(cast.as.physician, patient.id, 'physician_exam');
    const first = (await cast.as.physician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: null })).json() as EligibilityView;
    const stale = await cast.as.otherPhysician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'not_eligible', conditions: [], supersedes: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'decision_changed' });
    const second = await cast.as.otherPhysician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'not_eligible', conditions: [], supersedes: first.current?.id });
    expect(second.statusCode, second.body).toBe(201);
    expect((second.json() as EligibilityView).history.map((d) => d.outcome)).toEqual(['not_eligible', 'eligible']);
  });
});

describe('re-opening on new contraindicating information', () => {
  async function eligiblePatient(): Promise<string> {
    const patient = await newPatient(cast);
    await signedNote(cast.as.therapist, patient.id, 'therapist_evaluation');
    await signedNote(cast.as.physician, patient.id, 'physician_exam');
    const decided = await cast.as.physician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: null });
    expect(decided.statusCode, decided.body).toBe(201);
    return patient.id;
  }

  it('re-opens the decision when an MAOI is added, and the gate closes', async () => {
    const patientId = await eligiblePatient();
    const added = await cast.as.nurse.post(`/api/patients/${patientId}/medications`, { name: 'phenelzine', drugClass: 'maoi', dailyDoseMg: 45, startedOn: null });
    expect(added.statusCode, added.body).toBe(201);
    const list = added.json() as MedicationList;
    expect(list.medications[0]?.flags).toEqual([expect.objectContaining({ ruleId: 'interaction_maoi', level: 'relative', severity: 'high' })]);
    const view = await eligibility(patientId);
    expect(view.status).toBe('reopened');
    expect(view.current?.reopened?.reason).toContain('MAOI');
    const gate = await currentEligibility(t.database.db, patientId);
    expect(gate).toMatchObject({ status: 'reopened', allowsTreatment: false });
    const header = (await cast.as.frontDesk.get(`/api/patients/${patientId}/chart-header`)).json() as ChartHeader;
    expect(header.eligibility.status).toBe('reopened');
    // A new decision, knowing about the re-opened one, closes it again (the MAOI needs clearing first for "eligible").
    const unconditional = await cast.as.physician.post(`/api/patients/${patientId}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: view.current?.id });
    expect(unconditional.json()).toMatchObject({ unmet: [{ code: 'relative_contraindication_cleared' }] });
    const cleared = await cast.as.physician.post(`/api/patients/${patientId}/contraindication-clearances`, { ruleId: 'interaction_maoi', note: 'MAOI tapered off by 2026-12-10 per prescriber letter' });
    expect(cleared.statusCode, cleared.body).toBe(201);
    const redecided = await cast.as.physician.post(`/api/patients/${patientId}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: view.current?.id });
    expect(redecided.statusCode, redecided.body).toBe(201);
    expect((redecided.json() as EligibilityView).current?.clearances).toEqual([{ ruleId: 'interaction_maoi', note: 'MAOI tapered off by 2026-12-10 per prescriber letter' }]);
  });

  it('re-opens the decision when a pregnancy is reported', async () => {
    const patientId = await eligiblePatient();
    const reported = await cast.as.nurse.post(`/api/patients/${patientId}/findings`, { condition: 'pregnancy', note: 'Positive home test reported by phone' });
    expect(reported.statusCode, reported.body).toBe(201);
    const view = await eligibility(patientId);
    expect(view.status).toBe('reopened');
    expect(view.current?.reopened?.reason).toMatch(/pregnan/i);
    const assessment = (await cast.as.physician.get(`/api/patients/${patientId}/contraindications`)).json() as ContraindicationAssessmentView;
    expect(assessment.results.find((r) => r.ruleId === 'pregnancy')).toMatchObject({ level: 'absolute' });
  });

  it('re-opens the decision when a contraindicating diagnosis is added', async () => {
    const patientId = await eligiblePatient();
    expect((await cast.as.physician.post(`/api/patients/${patientId}/diagnoses`, { code: 'I48.0' })).statusCode).toBe(201);
    expect((await eligibility(patientId)).status).toBe('reopened');
  });

  it('leaves the decision standing for information that changes nothing', async () => {
    const patientId = await eligiblePatient();
    await cast.as.nurse.post(`/api/patients/${patientId}/medications`, { name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: 50, startedOn: null });
    await cast.as.nurse.post(`/api/patients/${patientId}/allergies`, { substance: 'Latex', reaction: null, severity: 'mild' });
    await cast.as.nurse.post(`/api/patients/${patientId}/measurements`, { measuredOn: '2026-11-27', heightCm: null, weightKg: 70.5, note: null });
    expect((await eligibility(patientId)).status).toBe('eligible');
  });

  it('re-opens once, and a later exam with a new finding re-opens a newer decision', async () => {
    const patientId = await eligiblePatient();
    const content = completeExam({ cardiovascular: { ...completeExam().cardiovascular, arrhythmia: true } });
    const later = await signedNote(cast.as.otherPhysician, patientId, 'physician_exam', content);
    expect(later.status).toBe('signed');
    const view = await eligibility(patientId);
    expect(view.status).toBe('reopened');
    expect(view.current?.reopened?.reason).toContain('arrhythmia');
    const note = (await cast.as.physician.get(`/api/notes/${later.id}`)).json() as NoteView;
    expect(note.kind).toBe('physician_exam');
  });
});
