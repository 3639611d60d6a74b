import { describe, expect, it } from 'vitest';
import { defaultCoursePolicy } from './policy.js';
import { cycleDecisionUnmet, integrationSessionUnmet, medicineGatesOpenFrom, medicineSessionUnmet, preparationUnmet, readinessUnmet } from './gates.js';
import { integrationStatus, nextStepOf, phaseOf } from './phase.js';
import type { CourseFacts, SessionFact } from './model.js';

const policy = defaultCoursePolicy();
const settings = { policy, timeZone: 'America/Chicago' };
const at = (iso: string): number => Date.parse(iso);
const codes = (list: readonly { code: string }[]): string[] => list.map((u) => u.code);

function prep(n: number, signed = true): SessionFact[] {
  return Array.from({ length: n }, (_, i) => ({ id: `p${i}`, kind: 'preparation' as const, heldAt: at('2026-11-01T15:00:00Z') + i * 86_400_000, signed }));
}

const ready: CourseFacts = {
  status: 'active',
  eligible: true,
  eligibilityMessage: '',
  consent: null,
  prepMinimumOverride: null,
  readinessAttestedAt: at('2026-11-10T15:00:00Z'),
  openSafetyFlags: [],
  firstRouteOverride: false,
  sessions: prep(3),
  cycleDecisions: [],
};

const oral: SessionFact = { id: 'm1', kind: 'medicine', heldAt: at('2026-11-12T16:00:00Z'), signed: true, route: 'oral', responseDocumented: true };
const integration: SessionFact = { id: 'i1', kind: 'integration', heldAt: at('2026-11-14T16:00:00Z'), signed: true };

describe('gate 1: evaluation → preparation', () => {
  it('needs an eligible decision', () => {
    expect(preparationUnmet({ ...ready, eligible: false, eligibilityMessage: 'No decision yet' })).toEqual([{ code: 'eligibility', message: 'No decision yet' }]);
    expect(preparationUnmet(ready)).toEqual([]);
  });
});

describe('gate 2: preparation → medicine', () => {
  it('lists every unmet condition in words', () => {
    const unmet = readinessUnmet(
      { ...ready, eligible: false, eligibilityMessage: 'No decision', sessions: prep(2), consent: { code: 'consent_current', message: 'KAP consent v3 not yet signed' }, readinessAttestedAt: null, openSafetyFlags: ['phq9_item9'] },
      policy,
    );
    expect(codes(unmet)).toEqual(['eligibility', 'prep_sessions_min', 'consent_current', 'readiness_attested', 'safety_flag_open']);
    expect(unmet[1]?.message).toBe('2 of 3 preparation sessions signed');
    expect(unmet[2]?.message).toBe('KAP consent v3 not yet signed');
  });

  it('counts only signed preparation sessions, at the boundary', () => {
    expect(codes(readinessUnmet({ ...ready, sessions: [...prep(2), ...prep(1, false).map((s) => ({ ...s, id: 'x' }))] }, policy))).toEqual(['prep_sessions_min']);
    expect(readinessUnmet(ready, policy)).toEqual([]);
  });

  it("takes the therapist's per-patient minimum", () => {
    expect(readinessUnmet({ ...ready, sessions: prep(1), prepMinimumOverride: 1 }, policy)).toEqual([]);
    expect(readinessUnmet({ ...ready, sessions: prep(4), prepMinimumOverride: 5 }, policy)[0]?.message).toContain('4 of 5');
  });

  it('opens medicine slots only when every gate-2 condition holds', () => {
    expect(medicineGatesOpenFrom(ready, at('2026-11-20T00:00:00Z'), policy)).toBe(at('2026-11-10T15:00:00Z'));
    expect(medicineGatesOpenFrom({ ...ready, openSafetyFlags: ['cssrs_high_risk'] }, at('2026-11-20T00:00:00Z'), policy)).toBeNull();
  });
});

describe('gate 3: each medicine session', () => {
  it('allows the first oral session when ready', () => {
    expect(medicineSessionUnmet(ready, { at: oral.heldAt, route: 'oral' }, settings)).toEqual([]);
  });

  it('refuses IM first unless the physician overrode it', () => {
    expect(codes(medicineSessionUnmet(ready, { at: oral.heldAt, route: 'im' }, settings))).toEqual(['first_medicine_oral', 'oral_before_im']);
    expect(medicineSessionUnmet({ ...ready, firstRouteOverride: true }, { at: oral.heldAt, route: 'im' }, settings)).toEqual([]);
  });

  it('refuses IM without an oral session whose response is documented', () => {
    const facts = { ...ready, sessions: [...ready.sessions, { ...oral, responseDocumented: false, signed: false }, integration], cycleDecisions: [{ decision: 'another_medicine' as const, at: integration.heldAt, medicineSessionId: 'm1' }] };
    expect(codes(medicineSessionUnmet(facts, { at: at('2026-11-19T16:00:00Z'), route: 'im' }, settings))).toEqual(['oral_before_im']);
  });

  it('needs the interval in clinic-local days, the integration and the cycle decision', () => {
    const after = { ...ready, sessions: [...ready.sessions, oral] };
    // 6 clinic days later: too soon, and no integration yet.
    expect(codes(medicineSessionUnmet(after, { at: at('2026-11-18T16:00:00Z'), route: 'oral' }, settings))).toEqual(['medicine_interval', 'integration_done']);
    const integrated = { ...after, sessions: [...after.sessions, integration] };
    expect(codes(medicineSessionUnmet(integrated, { at: at('2026-11-19T16:00:00Z'), route: 'oral' }, settings))).toEqual(['cycle_decision']);
    const decided = { ...integrated, cycleDecisions: [{ decision: 'another_medicine' as const, at: integration.heldAt, medicineSessionId: 'm1' }] };
    expect(medicineSessionUnmet(decided, { at: at('2026-11-19T16:00:00Z'), route: 'im' }, settings)).toEqual([]);
  });

  it('counts days in the clinic zone: 22:30 local is still that evening', () => {
    // 2026-11-12 22:30 in Chicago is 2026-11-13 04:30 UTC; 7 local days later is 2026-11-19.
    const late = { ...oral, heldAt: at('2026-11-13T04:30:00Z') };
    const facts = { ...ready, sessions: [...ready.sessions, late, integration], cycleDecisions: [{ decision: 'another_medicine' as const, at: integration.heldAt, medicineSessionId: 'm1' }] };
    expect(medicineSessionUnmet(facts, { at: at('2026-11-19T15:00:00Z'), route: 'oral' }, settings)).toEqual([]);
    expect(codes(medicineSessionUnmet(facts, { at: at('2026-11-18T23:00:00Z'), route: 'oral' }, settings))).toEqual(['medicine_interval']);
  });

  it('refuses a medicine session before one already recorded (a second "first")', () => {
    const facts = { ...ready, sessions: [...ready.sessions, oral] };
    expect(codes(medicineSessionUnmet(facts, { at: oral.heldAt - 86_400_000, route: 'oral' }, settings))).toContain('medicine_order');
  });
});

describe('integration and cycle decision (gates 4 and 5)', () => {
  it('refuses an integration session before any medicine session', () => {
    expect(codes(integrationSessionUnmet(ready, at('2026-11-12T16:00:00Z')))).toEqual(['integration_before_medicine']);
    expect(integrationSessionUnmet({ ...ready, sessions: [...ready.sessions, oral] }, at('2026-11-13T16:00:00Z'))).toEqual([]);
  });

  it('shows integration upcoming, due, overdue by clinic-local day', () => {
    const late = { ...oral, heldAt: at('2026-11-13T04:30:00Z') }; // 22:30 on 12 Nov in Chicago
    const facts = { ...ready, sessions: [...ready.sessions, late] };
    const state = (iso: string) => integrationStatus(facts, at(iso), settings)[0];
    expect(state('2026-11-13T05:00:00Z')).toMatchObject({ medicineDate: '2026-11-12', dueFrom: '2026-11-13', dueBy: '2026-11-19', state: 'upcoming' });
    expect(state('2026-11-13T07:00:00Z')?.state).toBe('due');
    expect(state('2026-11-20T05:59:00Z')?.state).toBe('due'); // 23:59 on the 19th local
    expect(state('2026-11-20T06:00:00Z')?.state).toBe('overdue');
    expect(integrationStatus({ ...facts, sessions: [...facts.sessions, integration] }, at('2026-12-20T00:00:00Z'), settings)[0]?.state).toBe('done');
  });

  it('records the cycle decision once, after a signed integration', () => {
    const after = { ...ready, sessions: [...ready.sessions, oral] };
    expect(codes(cycleDecisionUnmet(after))).toEqual(['integration_done']);
    const integrated = { ...after, sessions: [...after.sessions, integration] };
    expect(cycleDecisionUnmet(integrated)).toEqual([]);
    expect(codes(cycleDecisionUnmet({ ...integrated, cycleDecisions: [{ decision: 'maintenance', at: 1, medicineSessionId: 'm1' }] }))).toEqual(['cycle_decision']);
  });
});

describe('phases', () => {
  it('follows the course through every phase', () => {
    expect(phaseOf({ ...ready, eligible: false })).toBe('evaluation');
    expect(phaseOf(ready)).toBe('preparation');
    const after = { ...ready, sessions: [...ready.sessions, oral, integration] };
    expect(phaseOf(after)).toBe('integration');
    expect(phaseOf({ ...after, cycleDecisions: [{ decision: 'another_medicine', at: 1, medicineSessionId: 'm1' }] })).toBe('medicine');
    expect(phaseOf({ ...after, cycleDecisions: [{ decision: 'maintenance', at: 1, medicineSessionId: 'm1' }] })).toBe('maintenance');
    expect(phaseOf({ ...after, status: 'completed' })).toBe('completed');
  });

  it('names the next step and its blockers', () => {
    const next = nextStepOf({ ...ready, readinessAttestedAt: null }, at('2026-11-11T00:00:00Z'), settings);
    expect(next).toMatchObject({ phase: 'preparation', step: 'First medicine session (oral)' });
    expect(codes(next.blockers)).toEqual(['readiness_attested']);
    const overdue = nextStepOf({ ...ready, sessions: [...ready.sessions, oral] }, at('2026-11-25T00:00:00Z'), settings);
    expect(codes(overdue.blockers)).toEqual(['integration_overdue']);
  });
});
