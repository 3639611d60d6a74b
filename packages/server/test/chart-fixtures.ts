import { expect } from 'vitest';
import type { NoteKind, NoteView, PatientHeader, StaffRole } from '@lantern/core';
import { completeEvaluation, completeExam } from '../../core/src/chart/fixtures.js';
import { Agent, type TestApp } from './harness.js';
import { makeClinic, makeStaff, type TestStaff } from './factories.js';

export { completeEvaluation, completeExam };

/** The people of a clinic, each signed in: the chart tests' cast. */
export interface ChartCast {
  readonly clinicId: string;
  readonly staff: Record<CastRole, TestStaff>;
  readonly as: Record<CastRole, Agent>;
}

export type CastRole = 'therapist' | 'otherTherapist' | 'physician' | 'otherPhysician' | 'nurse' | 'frontDesk' | 'billing' | 'admin' | 'director' | 'auditor';

const CAST: Record<CastRole, readonly StaffRole[]> = {
  therapist: ['therapist'],
  otherTherapist: ['therapist'],
  physician: ['physician'],
  otherPhysician: ['physician'],
  nurse: ['nurse'],
  frontDesk: ['front_desk'],
  billing: ['billing'],
  admin: ['admin'],
  director: ['admin', 'physician'],
  auditor: ['auditor'],
};

export async function chartCast(t: TestApp): Promise<ChartCast> {
  const clinic = await makeClinic(t.database.db);
  const staff = {} as Record<CastRole, TestStaff>;
  const as = {} as Record<CastRole, Agent>;
  for (const [role, roles] of Object.entries(CAST) as [CastRole, readonly StaffRole[]][]) {
    staff[role] = await makeStaff(t.database.db, { clinicId: clinic.id, roles, name: `${role} ${Math.random().toString(36).slice(2, 6)}` });
    const agent = new Agent(t.app);
    expect((await agent.login(staff[role].email, staff[role].password)).statusCode).toBe(200);
    as[role] = agent;
  }
  return { clinicId: clinic.id, staff, as };
}

/** A new patient created through the API by front desk, with the therapist and physician on the care team. */
export async function newPatient(cast: ChartCast, options: { dateOfBirth?: string; family?: string } = {}): Promise<PatientHeader> {
  const response = await cast.as.frontDesk.post('/api/patients', {
    legalGivenName: 'Wren',
    legalFamilyName: options.family ?? `Halvorsen${Math.random().toString(36).slice(2, 6)}`,
    dateOfBirth: options.dateOfBirth ?? '1988-03-14',
    careTeam: [
      { userId: cast.staff.therapist.id, role: 'therapist' },
      { userId: cast.staff.physician.id, role: 'physician' },
      { userId: cast.staff.nurse.id, role: 'nurse' },
    ],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PatientHeader;
}

/** Writes a complete note of `kind` as `agent` and signs it; returns the signed note. */
export async function signedNote(agent: Agent, patientId: string, kind: NoteKind, content?: unknown): Promise<NoteView> {
  const body = content ?? (kind === 'therapist_evaluation' ? completeEvaluation() : completeExam());
  const created = await agent.post(`/api/patients/${patientId}/notes`, { kind, content: body });
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json() as NoteView;
  const signed = await agent.post(`/api/notes/${draft.id}/sign`, { version: draft.version });
  expect(signed.statusCode, signed.body).toBe(200);
  return signed.json() as NoteView;
}
