import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clinicDateOf } from '../consent/clinic-time.js';
import { clinicDaysBetween } from '../ledger/clinic-date.js';
import { cycleDecisionUnmet, integrationSessionUnmet, medicineSessionUnmet, preparationUnmet } from './gates.js';
import { defaultCoursePolicy } from './policy.js';
import type { CourseFacts, CycleDecision, SafetyFlagKind, SessionFact } from './model.js';

/**
 * Issue #4 evidence: for random histories of operations, applied the way the server applies them
 * (a step whose gate lists any unmet condition is refused and changes nothing), no medicine session
 * is ever accepted while one of its conditions fails. The conditions are re-checked here by hand,
 * independently of the gate code.
 */

const ZONE = 'America/Chicago';
const HOUR = 3_600_000;

type Op =
  | { op: 'advance'; hours: number }
  | { op: 'eligibility'; value: boolean }
  | { op: 'consent'; value: boolean }
  | { op: 'prep'; signed: boolean }
  | { op: 'signPending' }
  | { op: 'readiness' }
  | { op: 'flag'; kind: SafetyFlagKind }
  | { op: 'review' }
  | { op: 'overrideFirst' }
  | { op: 'medicine'; route: 'oral' | 'im'; signed: boolean }
  | { op: 'integration'; signed: boolean }
  | { op: 'decision'; decision: CycleDecision };

/** Weighted towards progress, so random histories reach medicine sessions and later cycles often. */
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 9 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('eligibility' as const), value: fc.constantFrom(true, true, true, false) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('consent' as const), value: fc.constantFrom(true, true, true, false) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('prep' as const), signed: fc.boolean() }) },
  { weight: 3, arbitrary: fc.constant({ op: 'signPending' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'readiness' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('flag' as const), kind: fc.constantFrom<SafetyFlagKind>('cssrs_high_risk', 'phq9_item9', 'clinician_concern') }) },
  { weight: 2, arbitrary: fc.constant({ op: 'review' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'overrideFirst' as const }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('medicine' as const), route: fc.constantFrom<'oral' | 'im'>('oral', 'im'), signed: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('integration' as const), signed: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('decision' as const), decision: fc.constantFrom<CycleDecision>('another_medicine', 'another_medicine', 'maintenance', 'complete') }) },
);

describe('gate engine properties', () => {
  it('never accepts a medicine session whose conditions fail', () => {
    let accepted = 0;
    let second = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 20, maxLength: 120, size: 'max' }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 14 }), (ops, minPrep, interval) => {
        const policy = { ...defaultCoursePolicy(), minPrepSessions: minPrep, medicineIntervalDays: interval };
        const settings = { policy, timeZone: ZONE };
        let now = Date.parse('2026-03-01T15:00:00Z'); // spans the March DST change
        let facts: CourseFacts = {
          status: 'active',
          eligible: false,
          eligibilityMessage: 'No decision',
          consent: { code: 'consent_current', message: 'KAP consent v1 not yet signed' },
          prepMinimumOverride: null,
          readinessAttestedAt: null,
          openSafetyFlags: [],
          firstRouteOverride: false,
          sessions: [],
          cycleDecisions: [],
        };
        let n = 0;
        const add = (s: Omit<SessionFact, 'id' | 'heldAt'>): void => {
          facts = { ...facts, sessions: [...facts.sessions, { ...s, id: `s${n++}`, heldAt: now }] };
        };
        for (const step of ops) {
          switch (step.op) {
            case 'advance':
              now += step.hours * HOUR;
              break;
            case 'eligibility':
              facts = { ...facts, eligible: step.value };
              break;
            case 'consent':
              facts = { ...facts, consent: step.value ? null : { code: 'consent_current', message: 'revoked' } };
              break;
            case 'prep':
              if (preparationUnmet(facts).length === 0) add({ kind: 'preparation', signed: step.signed });
              break;
            case 'signPending':
              facts = { ...facts, sessions: facts.sessions.map((s) => ({ ...s, signed: true, responseDocumented: s.kind === 'medicine' })) };
              break;
            case 'readiness':
              if (preparationUnmet(facts).length === 0) facts = { ...facts, readinessAttestedAt: now };
              break;
            case 'flag':
              facts = { ...facts, openSafetyFlags: [...facts.openSafetyFlags, step.kind] };
              break;
            case 'review':
              facts = { ...facts, openSafetyFlags: facts.openSafetyFlags.slice(1) };
              break;
            case 'overrideFirst':
              if (!facts.sessions.some((s) => s.kind === 'medicine')) facts = { ...facts, firstRouteOverride: true };
              break;
            case 'medicine': {
              if (medicineSessionUnmet(facts, { at: now, route: step.route }, settings).length > 0) break;
              // Independent check of everything that must hold for this accepted session.
              const prior = facts.sessions.filter((s) => s.kind === 'medicine');
              expect(facts.status).not.toBe('completed');
              expect(facts.eligible).toBe(true);
              expect(facts.consent).toBeNull();
              expect(facts.readinessAttestedAt).not.toBeNull();
              expect(facts.openSafetyFlags).toEqual([]);
              expect(facts.sessions.filter((s) => s.kind === 'preparation' && s.signed).length).toBeGreaterThanOrEqual(minPrep);
              if (prior.length === 0) expect(step.route === 'oral' || facts.firstRouteOverride).toBe(true);
              if (step.route === 'im' && !(prior.length === 0 && facts.firstRouteOverride)) {
                expect(prior.some((s) => s.route === 'oral' && s.signed && s.responseDocumented)).toBe(true);
              }
              const last = prior.at(-1);
              if (last) {
                expect(last.heldAt).toBeLessThan(now);
                const days = clinicDaysBetween(clinicDateOf(new Date(last.heldAt), ZONE), clinicDateOf(new Date(now), ZONE));
                expect(days).toBeGreaterThanOrEqual(interval);
                expect(facts.sessions.some((s) => s.kind === 'integration' && s.signed && s.heldAt > last.heldAt)).toBe(true);
                const decision = facts.cycleDecisions.filter((d) => d.medicineSessionId === last.id).at(-1);
                expect(decision && decision.decision !== 'complete').toBeTruthy();
              }
              accepted += 1;
              if (prior.length > 0) second += 1;
              add({ kind: 'medicine', route: step.route, signed: step.signed, responseDocumented: step.signed });
              break;
            }
            case 'integration':
              if (integrationSessionUnmet(facts, now).length === 0) add({ kind: 'integration', signed: step.signed });
              break;
            case 'decision': {
              if (cycleDecisionUnmet(facts).length > 0) break;
              const latest = facts.sessions.filter((s) => s.kind === 'medicine').at(-1);
              facts = {
                ...facts,
                status: step.decision === 'complete' ? 'completed' : step.decision === 'maintenance' ? 'maintenance' : facts.status,
                cycleDecisions: [...facts.cycleDecisions, { decision: step.decision, at: now, medicineSessionId: latest?.id ?? '' }],
              };
              break;
            }
          }
          now += HOUR;
        }
      }),
      { numRuns: 500 },
    );
    // The property is not vacuous: random histories do reach first and later medicine sessions.
    expect(accepted).toBeGreaterThan(20);
    expect(second).toBeGreaterThan(0);
  });
});
