import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { AllergyView, CareTeamCandidate, DiagnosisView, MeasurementView, MedicationList, PatientProfile } from '@lantern/core';
import { testApp, type TestApp } from '../../../test/harness.js';
import { auditMark, auditSince } from '../../../test/factories.js';
import { chartCast, newPatient, type ChartCast } from '../../../test/chart-fixtures.js';
import { allergy, bodyMeasurement, chartFinding, diagnosis, medication, patient } from '../../platform/db/schema/index.js';

let t: TestApp;
let cast: ChartCast;

beforeAll(async () => {
  t = await testApp();
  cast = await chartCast(t);
});
afterAll(async () => t.close());

/** Row counts of every table a chart write could touch. */
async function rowCounts(): Promise<number[]> {
  const tables = [patient, diagnosis, medication, allergy, bodyMeasurement, chartFinding];
  return Promise.all(tables.map(async (table) => Number((await t.database.db.select({ n: count() }).from(table))[0]?.n)));
}

function profileBody(profile: PatientProfile, changes: Partial<PatientProfile> = {}): Record<string, unknown> {
  const { id: _id, mrn: _mrn, updatedAt: _updatedAt, ...fields } = { ...profile, ...changes };
  return fields;
}

describe('the profile', () => {
  it('is read by front desk and billing, edited by front desk, and refuses a stale version', async () => {
    const p = await newPatient(cast);
    const profile = (await cast.as.billing.get(`/api/patients/${p.id}/profile`)).json() as PatientProfile;
    expect(profile).toMatchObject({ mrn: p.mrn, version: 1, address: null, escorts: [], insurance: null });
    expect((await cast.as.billing.put(`/api/patients/${p.id}/profile`, profileBody(profile))).statusCode).toBe(403);

    const mark = await auditMark(t.database.db);
    const saved = await cast.as.frontDesk.put(
      `/api/patients/${p.id}/profile`,
      profileBody(profile, {
        pronouns: 'they/them',
        insurance: { payer: 'HealthPartners', memberId: 'HP-99812', groupNumber: '' },
        escorts: [{ name: 'Jo Park', relationship: '', phone: '651-555-0123' }],
      }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, pronouns: 'they/them', insurance: { groupNumber: null }, escorts: [{ relationship: null }] });
    const [event] = await auditSince(t.database.db, mark);
    expect(event).toMatchObject({ action: 'update', resourceType: 'Patient', patientId: p.id, detail: { fields: ['pronouns', 'escorts', 'insurance'] } });
    expect(JSON.stringify(event)).not.toContain('HP-99812');

    const stale = await cast.as.frontDesk.put(`/api/patients/${p.id}/profile`, profileBody(profile));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'profile_changed' });
  });

  it('refuses impossible dates of birth and stores nothing', async () => {
    const p = await newPatient(cast);
    const profile = (await cast.as.frontDesk.get(`/api/patients/${p.id}/profile`)).json() as PatientProfile;
    const before = await rowCounts();
    for (const dateOfBirth of ['2026-02-30', '1990-13-01', 'yesterday', '2027-01-01', '1890-06-01']) {
      const response = await cast.as.frontDesk.put(`/api/patients/${p.id}/profile`, profileBody(profile, { dateOfBirth }));
      expect(response.statusCode, dateOfBirth).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation', errors: [{ path: expect.stringContaining('dateOfBirth') }] });
    }
    expect(await rowCounts()).toEqual(before);
    expect(((await cast.as.frontDesk.get(`/api/patients/${p.id}/profile`)).json() as PatientProfile).version).toBe(1);
  });

  it('shows the header with age and eligibility badge to anyone who may see the patient', async () => {
    const p = await newPatient(cast, { dateOfBirth: '1990-11-29' });
    const header = await cast.as.billing.get(`/api/patients/${p.id}/chart-header`);
    expect(header.json()).toMatchObject({ mrn: p.mrn, ageYears: 35, eligibility: { status: 'not_started' } });
    expect((await cast.as.otherTherapist.get(`/api/patients/${p.id}/chart-header`)).statusCode).toBe(403);
    expect((await cast.as.auditor.get(`/api/patients/${p.id}/chart-header`)).statusCode).toBe(403);
  });
});

describe('the care team', () => {
  it('is managed by front desk, never by a therapist, and decides who opens the clinical chart', async () => {
    const p = await newPatient(cast);
    expect((await cast.as.otherTherapist.get(`/api/patients/${p.id}/diagnoses`)).statusCode).toBe(403);
    expect((await cast.as.otherTherapist.put(`/api/patients/${p.id}/care-team`, { members: [{ userId: cast.staff.otherTherapist.id, role: 'therapist' }] })).statusCode).toBe(403);

    const candidates = (await cast.as.frontDesk.get('/api/care-team/candidates')).json() as CareTeamCandidate[];
    expect(candidates.map((c) => c.userId)).toEqual(expect.arrayContaining([cast.staff.otherTherapist.id, cast.staff.director.id]));
    expect(candidates.map((c) => c.userId)).not.toContain(cast.staff.billing.id);

    const wrongRole = await cast.as.frontDesk.put(`/api/patients/${p.id}/care-team`, { members: [{ userId: cast.staff.billing.id, role: 'therapist' }] });
    expect(wrongRole.statusCode).toBe(404);
    const twice = await cast.as.frontDesk.put(`/api/patients/${p.id}/care-team`, {
      members: [
        { userId: cast.staff.therapist.id, role: 'therapist' },
        { userId: cast.staff.therapist.id, role: 'therapist' },
      ],
    });
    expect(twice.statusCode).toBe(400);

    const mark = await auditMark(t.database.db);
    const changed = await cast.as.frontDesk.put(`/api/patients/${p.id}/care-team`, {
      members: [
        { userId: cast.staff.otherTherapist.id, role: 'therapist' },
        { userId: cast.staff.physician.id, role: 'physician' },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await auditSince(t.database.db, mark))[0]).toMatchObject({ resourceType: 'CareTeam', detail: { after: [`physician:${cast.staff.physician.id}`, `therapist:${cast.staff.otherTherapist.id}`] } });
    expect((await cast.as.otherTherapist.get(`/api/patients/${p.id}/diagnoses`)).statusCode).toBe(200);
    expect((await cast.as.therapist.get(`/api/patients/${p.id}/diagnoses`)).statusCode).toBe(403);
  });
});

describe('diagnoses', () => {
  it('come from the bundled ICD-10-CM list only, searchable by code or words', async () => {
    const p = await newPatient(cast);
    const before = await rowCounts();
    const unknown = await cast.as.therapist.post(`/api/patients/${p.id}/diagnoses`, { code: 'F99.9' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'validation', errors: [{ path: 'body.code', message: expect.stringContaining('bundled') }] });
    expect((await cast.as.therapist.post(`/api/patients/${p.id}/diagnoses`, { code: 'banana' })).statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);

    expect(((await cast.as.therapist.get('/api/icd10?q=grief')).json() as { code: string }[]).map((e) => e.code)).toContain('F43.81');
    expect(((await cast.as.therapist.get('/api/icd10?q=f33')).json() as { code: string }[]).every((e) => e.code.startsWith('F33'))).toBe(true);
    expect((await cast.as.frontDesk.get('/api/icd10?q=f33')).statusCode).toBe(403);
    expect((await cast.as.therapist.get('/api/icd10')).statusCode).toBe(400);

    const added = await cast.as.therapist.post(`/api/patients/${p.id}/diagnoses`, { code: 'f43.81', note: 'Since her brother died in 2024' });
    expect(added.statusCode, added.body).toBe(201);
    const [grief] = added.json() as DiagnosisView[];
    expect(grief).toMatchObject({ code: 'F43.81', label: expect.stringMatching(/grief/i), status: 'active', reason: null, replacesId: null });
    expect((await cast.as.therapist.post(`/api/patients/${p.id}/diagnoses`, { code: 'F43.81' })).json()).toMatchObject({ status: 409, code: 'duplicate_diagnosis' });

    expect((await cast.as.therapist.post(`/api/diagnoses/${grief?.id}/revise`, { status: 'resolved' })).statusCode).toBe(400);
    const resolved = await cast.as.therapist.post(`/api/diagnoses/${grief?.id}/revise`, { status: 'resolved', reason: 'Symptoms resolved after a year of therapy' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toEqual([expect.objectContaining({ status: 'resolved', replacesId: grief?.id, reason: 'Symptoms resolved after a year of therapy', note: 'Since her brother died in 2024' })]);
    const again = await cast.as.therapist.post(`/api/diagnoses/${grief?.id}/revise`, { status: 'entered_in_error', reason: 'Wrong patient' });
    expect(again.json()).toMatchObject({ status: 409, code: 'entry_changed' });
  });
});

describe('medications', () => {
  it('carry interaction flags, are stopped (never deleted) and corrected with a reason', async () => {
    const p = await newPatient(cast);
    expect((await cast.as.nurse.post(`/api/patients/${p.id}/medications`, { name: 'x', drugClass: 'vitamin', dailyDoseMg: 1, startedOn: null })).statusCode).toBe(400);
    expect((await cast.as.nurse.post(`/api/patients/${p.id}/medications`, { name: 'clonazepam', drugClass: 'benzodiazepine', dailyDoseMg: 1, startedOn: '2027-01-01' })).json()).toMatchObject({
      status: 400,
      errors: [{ path: 'startedOn' }],
    });
    const added = await cast.as.nurse.post(`/api/patients/${p.id}/medications`, { name: 'clonazepam', drugClass: 'benzodiazepine', dailyDoseMg: 1, startedOn: '2025-05-01' });
    expect(added.statusCode, added.body).toBe(201);
    const list = added.json() as MedicationList;
    expect(list.benzodiazepineDiazepamEquivalentMgPerDay).toBe(20);
    const [clonazepam] = list.medications;
    expect(clonazepam?.flags).toEqual([expect.objectContaining({ ruleId: 'interaction_benzodiazepine', level: 'relative', severity: 'moderate' })]);

    const corrected = await cast.as.nurse.post(`/api/medications/${clonazepam?.id}/correct`, { name: 'clonazepam', drugClass: 'benzodiazepine', dailyDoseMg: 0.25, startedOn: '2025-05-01', reason: 'Dose misread from the bottle' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const [fixed] = (corrected.json() as MedicationList).medications;
    expect(fixed).toMatchObject({ dailyDoseMg: 0.25, replacesId: clonazepam?.id, reason: 'Dose misread from the bottle', flags: [expect.objectContaining({ level: 'clear', severity: 'low' })] });

    expect((await cast.as.nurse.post(`/api/medications/${fixed?.id}/stop`, { stoppedOn: '2025-01-01', reason: 'Tapered' })).json()).toMatchObject({ code: 'stop_before_start' });
    const [first, second] = await Promise.all([
      cast.as.nurse.post(`/api/medications/${fixed?.id}/stop`, { stoppedOn: '2026-11-20', reason: 'Tapered off before the first session' }),
      cast.as.physician.post(`/api/medications/${fixed?.id}/stop`, { stoppedOn: '2026-11-21', reason: 'Stopped' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const stopped = await cast.as.nurse.get(`/api/patients/${p.id}/medications`);
    expect(stopped.json()).toMatchObject({ benzodiazepineDiazepamEquivalentMgPerDay: null, medications: [{ status: 'stopped', flags: [] }] });
    expect((await cast.as.nurse.post(`/api/medications/${fixed?.id}/stop`, { stoppedOn: '2026-11-20', reason: 'Again' })).statusCode).toBe(409);
    expect(Number((await t.database.db.select({ n: count() }).from(medication))[0]?.n)).toBeGreaterThanOrEqual(3);
  });
});

describe('allergies, measurements and reported conditions', () => {
  it('records a ketamine allergy as an absolute contraindication', async () => {
    const p = await newPatient(cast);
    const added = await cast.as.nurse.post(`/api/patients/${p.id}/allergies`, { substance: 'Ketamine', reaction: 'Hives and wheeze', severity: 'severe' });
    expect(added.statusCode, added.body).toBe(201);
    const [entry] = added.json() as AllergyView[];
    const assessment = (await cast.as.physician.get(`/api/patients/${p.id}/contraindications`)).json() as { results: { ruleId: string; level: string; evidence: string[] }[] };
    expect(assessment.results.find((r) => r.ruleId === 'ketamine_allergy')).toMatchObject({ level: 'absolute', evidence: ['Allergy: Ketamine'] });
    const revised = await cast.as.nurse.post(`/api/allergies/${entry?.id}/revise`, { status: 'entered_in_error', reason: 'Reaction was to another drug' });
    expect(revised.json()).toEqual([expect.objectContaining({ status: 'entered_in_error' })]);
  });

  it('derives BMI from the latest height, amends with a reason, and refuses the impossible', async () => {
    const p = await newPatient(cast);
    const before = await rowCounts();
    expect((await cast.as.nurse.post(`/api/patients/${p.id}/measurements`, { measuredOn: '2026-11-01', heightCm: null, weightKg: null })).statusCode).toBe(400);
    expect((await cast.as.nurse.post(`/api/patients/${p.id}/measurements`, { measuredOn: '2026-11-01', heightCm: 500, weightKg: 70 })).statusCode).toBe(400);
    expect((await cast.as.nurse.post(`/api/patients/${p.id}/measurements`, { measuredOn: '2026-12-25', heightCm: 170, weightKg: 70 })).statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);
    await cast.as.nurse.post(`/api/patients/${p.id}/measurements`, { measuredOn: '2026-10-01', heightCm: 180, weightKg: 81 });
    const later = (await cast.as.nurse.post(`/api/patients/${p.id}/measurements`, { measuredOn: '2026-11-20', heightCm: null, weightKg: 90 })).json() as MeasurementView[];
    expect(later.map((m) => m.bmi)).toEqual([25, 27.8]);
    const amended = await cast.as.nurse.post(`/api/measurements/${later[1]?.id}/amend`, { heightCm: null, weightKg: 84, reason: 'Weighed in a winter coat' });
    expect(amended.json()).toEqual([expect.objectContaining({ bmi: 25 }), expect.objectContaining({ weightKg: 84, bmi: 25.9, reason: 'Weighed in a winter coat' })]);
  });

  it('lists reported conditions and resolves them with a reason', async () => {
    const p = await newPatient(cast);
    const added = await cast.as.nurse.post(`/api/patients/${p.id}/findings`, { condition: 'acute_infection', note: 'Strep throat, on antibiotics' });
    expect(added.statusCode, added.body).toBe(201);
    const [finding] = added.json() as { id: string }[];
    expect((await cast.as.nurse.post(`/api/patients/${p.id}/findings`, { condition: 'older_adult' })).statusCode).toBe(400);
    const resolved = await cast.as.nurse.post(`/api/findings/${finding?.id}/revise`, { status: 'resolved', reason: 'Antibiotic course finished' });
    expect(resolved.json()).toEqual([expect.objectContaining({ status: 'resolved', condition: 'acute_infection' })]);
    expect((await cast.as.nurse.get(`/api/patients/${p.id}/findings`)).json()).toHaveLength(1);
  });
});

describe('bad input to the chart', () => {
  it('names unknown fields, wrong types and overlong text, and stores nothing', async () => {
    const p = await newPatient(cast);
    const before = await rowCounts();
    const extra = await cast.as.nurse.post(`/api/patients/${p.id}/medications`, { name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: 50, startedOn: null, deleteAll: true });
    expect(extra.json()).toMatchObject({ status: 400, errors: [{ path: 'body.deleteAll', message: 'Unknown field' }] });
    const negative = await cast.as.nurse.post(`/api/patients/${p.id}/medications`, { name: 'sertraline', drugClass: 'antidepressant', dailyDoseMg: -5, startedOn: null });
    expect(negative.json()).toMatchObject({ status: 400, errors: [{ path: 'body.dailyDoseMg' }] });
    const overlong = await cast.as.therapist.post(`/api/patients/${p.id}/notes`, { kind: 'therapist_evaluation', content: { presentingConcerns: { summary: 'x'.repeat(10_001) } } });
    expect(overlong.json()).toMatchObject({ status: 400, errors: [{ path: 'body.content.presentingConcerns.summary' }] });
    const wrongKind = await cast.as.therapist.post(`/api/patients/${p.id}/notes`, { kind: 'progress_note', content: {} });
    expect(wrongKind.statusCode).toBe(400);
    const halfCssrs = await cast.as.therapist.post(`/api/patients/${p.id}/notes`, { kind: 'therapist_evaluation', content: { risk: { cssrs: { wishToBeDead: 'maybe' } } } });
    expect(halfCssrs.statusCode).toBe(400);
    expect((await cast.as.nurse.get('/api/patients/not-a-uuid/medications')).statusCode).toBe(400);
    expect((await cast.as.nurse.get('/api/patients/01900000-0000-7000-8000-000000000000/medications')).statusCode).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});
