import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { CourseTimelineView, EligibilityView, PatientHeader, PatientProfile, PhaseListItem } from '@lantern/core';
import { Agent, testApp, type TestApp } from '../../../test/harness.js';
import { verifyAuditChain } from '../../platform/audit/chain.js';
import { course, inquiry, patient } from '../../platform/db/schema/index.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.js';

let t: TestApp;
const now = new Date('2026-11-28T15:00:00Z');

beforeAll(async () => {
  t = await testApp();
  (t.deps as { clock: () => Date }).clock = () => now;
  expect(await seedDemo(t.database.db, now)).toBe(true);
});
afterAll(async () => t.close());

async function signIn(email: string): Promise<Agent> {
  const agent = new Agent(t.app);
  expect((await agent.login(email, DEMO_PASSWORD)).statusCode).toBe(200);
  return agent;
}

describe('the demo clinic', () => {
  it('shows courses in every phase, a couple and a group of six', async () => {
    const physician = await signIn('physician@lantern.test');
    const list = (await physician.get('/api/courses')).json() as PhaseListItem[];
    expect(new Set(list.map((c) => c.phase))).toEqual(new Set(['evaluation', 'preparation', 'medicine', 'integration', 'maintenance']));
    expect(list.filter((c) => c.modality === 'couples')).toHaveLength(2);
    expect(list.filter((c) => c.modality === 'group')).toHaveLength(6);
    const completed = list.find((c) => c.name === 'Tobias Wainwright');
    expect(completed).toBeUndefined();
    const overdue = (await (await signIn('therapist@lantern.test')).get('/api/courses/integration-overdue')).json() as PhaseListItem[];
    expect(overdue.map((c) => c.name)).toEqual(['Clara Brandt']);
    const noah = list.find((c) => c.name === 'Noah Feldstein');
    expect(noah?.blockers.map((b) => b.message)).toEqual(['2 of 3 preparation sessions signed', 'The therapist has not yet attested that the patient is ready for a medicine session']);
    const lena = (await physician.get(`/api/patients/${list.find((c) => c.name === 'Lena Marchetti')?.patientId}/course`)).json() as CourseTimelineView;
    expect(lena.medicineGate).toEqual([]);
    // Every seeded step went through the audited services: the chain is whole.
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('spreads about forty people over every stage, from inquiry to a completed course', async () => {
    const [inquiries] = await t.database.db.select({ n: count() }).from(inquiry).where(eq(inquiry.status, 'new'));
    expect(Number(inquiries?.n)).toBeGreaterThanOrEqual(5);
    const physician = await signIn('physician@lantern.test');
    const patients = (await physician.get('/api/patients?limit=200')).json() as PatientHeader[];
    const [allInquiries] = await t.database.db.select({ n: count() }).from(inquiry);
    expect(patients.length + Number(allInquiries?.n)).toBeGreaterThanOrEqual(40);
    const eligibility = new Map<string, string>();
    for (const p of patients) eligibility.set(p.id, ((await physician.get(`/api/patients/${p.id}/eligibility`)).json() as EligibilityView).status);
    const statuses = new Set(eligibility.values());
    for (const stage of ['in_evaluation', 'ready_for_decision', 'eligible', 'eligible_with_conditions', 'not_eligible']) expect(statuses).toContain(stage);
    // Charts move with their decisions: eligible people are active, people still in evaluation are not.
    const byName = (name: string): PatientHeader | undefined => patients.find((p) => p.legalName === name);
    expect(byName('Kwame Mensah')?.status).toBe('evaluation');
    expect(byName('Lorraine Whitfield')?.status).toBe('active');
    expect(byName('Cyrus Bell')?.status).toBe('evaluation');
    expect(eligibility.get(byName('Cyrus Bell')?.id ?? '')).toBe('not_eligible');
    const [completed] = await t.database.db.select({ n: count() }).from(course).where(eq(course.status, 'completed'));
    expect(Number(completed?.n)).toBeGreaterThanOrEqual(1);
  });

  it('gives every chart a postal address of its own, shown on the profile', async () => {
    const charts = await t.database.db.select().from(patient);
    expect(charts.length).toBeGreaterThanOrEqual(30);
    for (const chart of charts) {
      expect(chart.addressLine1, chart.legalFamilyName).toMatch(/^\d+ \w/);
      expect([chart.addressCity, chart.addressState, chart.addressPostalCode].every(Boolean), chart.legalFamilyName).toBe(true);
      expect(chart.addressPostalCode).toMatch(/^\d{5}$/);
    }
    expect(new Set(charts.map((c) => c.addressLine1)).size).toBe(charts.length);
    const frontDesk = await signIn('frontdesk@lantern.test');
    const [first] = charts;
    const profile = (await frontDesk.get(`/api/patients/${first?.id}/profile`)).json() as PatientProfile;
    expect(profile.address).toMatchObject({ line1: first?.addressLine1, city: first?.addressCity, state: 'MN', postalCode: first?.addressPostalCode });
  });
});
