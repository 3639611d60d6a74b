import { afterAll, beforeAll, expect } from 'vitest';
import type { CourseTimelineView, PatientHeader, PlanView, SessionNoteView } from '@lantern/core';
import { seedConsentDocuments } from '../src/features/consent/demo-documents.js';
import { later, laterTestApp, testApp, testClock, type Agent, type TestApp, type TestClock } from './harness.js';
import { chartCast, newPatient, signedNote, type ChartCast } from './chart-fixtures.js';
import { currentDocument, signing } from './consent-fixtures.js';

/**
 * A test file's app for course tests: the chart cast signed in, the consent documents published, and
 * a clock of the file's own starting Monday 2 November 2026, 09:00 in Chicago. Opened before the
 * file's tests, closed after them; `t` and `cast` read what beforeAll opened, so use them inside
 * tests and hooks.
 */
export function courseSuite(): { readonly t: TestApp; readonly cast: ChartCast; readonly clock: TestClock } {
  const clock = testClock(new Date('2026-11-02T15:00:00Z'));
  let app: TestApp | undefined;
  let cast: ChartCast | undefined;
  beforeAll(async () => {
    app = await testApp({ config: {} });
    (app.deps as { clock: () => Date }).clock = clock;
    cast = await chartCast(app);
    await seedConsentDocuments(app.database.db, { clinicId: cast.clinicId, now: new Date('2026-01-05T15:00:00Z') });
  });
  afterAll(async () => app?.close());
  return { t: laterTestApp(() => app), cast: later('chart cast', () => cast, { clinicId: true, staff: true, as: true }), clock };
}

/** A patient through evaluation: both notes signed and an "eligible" decision; optionally KAP consent signed. */
export async function eligiblePatient(cast: ChartCast, options: { consent?: boolean; eligible?: boolean } = {}): Promise<PatientHeader> {
  const patient = await newPatient(cast);
  if (options.eligible === false) return patient;
  await signedNote(cast.as.therapist, patient.id, 'therapist_evaluation');
  await signedNote(cast.as.physician, patient.id, 'physician_exam');
  const decided = await cast.as.physician.post(`/api/patients/${patient.id}/eligibility`, { outcome: 'eligible', conditions: [], supersedes: null });
  expect(decided.statusCode, decided.body).toBe(201);
  if (options.consent !== false) {
    const kap = await currentDocument(cast.as.nurse, 'kap_treatment');
    const signed = await cast.as.nurse.post(`/api/patients/${patient.id}/consents`, signing(kap));
    expect(signed.statusCode, signed.body).toBe(201);
  }
  return patient;
}

export const planContent = { targetConditions: ['F33.1'], goals: ['Less rumination'], intentions: 'To reconnect with my family', careTeam: [] as string[] };

export async function createPlan(agent: Agent, body: Record<string, unknown>): Promise<PlanView> {
  const response = await agent.post('/api/plans', { focus: 'general', title: 'Course', content: planContent, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PlanView;
}

export async function timeline(agent: Agent, patientId: string): Promise<CourseTimelineView> {
  const response = await agent.get(`/api/patients/${patientId}/course`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CourseTimelineView;
}

/** Fills every template field of a session note and signs it. */
export async function signSessionNote(agent: Agent, noteId: string): Promise<SessionNoteView> {
  const note = (await agent.get(`/api/session-notes/${noteId}`)).json() as SessionNoteView;
  const fields = Object.fromEntries(note.template.map((f) => [f.key, `${f.label}: discussed`]));
  const saved = await agent.put(`/api/session-notes/${noteId}`, { version: note.version, content: { fields, text: 'Session went as planned.' } });
  expect(saved.statusCode, saved.body).toBe(200);
  const signed = await agent.post(`/api/session-notes/${noteId}/sign`, { version: (saved.json() as SessionNoteView).version });
  expect(signed.statusCode, signed.body).toBe(200);
  return signed.json() as SessionNoteView;
}

/** Records a session and signs every attendee's note; returns the session id. */
export async function heldSession(agent: Agent, planId: string, body: Record<string, unknown>): Promise<{ sessionId: string; noteIds: string[] }> {
  const response = await agent.post(`/api/plans/${planId}/sessions`, body);
  expect(response.statusCode, response.body).toBe(201);
  const result = response.json() as { sessionId: string; noteIds: string[] };
  for (const id of result.noteIds) await signSessionNote(agent, id);
  return result;
}
