import { describe, expect, it } from 'vitest';
import { PolicyBlocked } from '../errors.js';
import { assessContraindications, type ContraindicationAssessment } from './contraindications/assess.js';
import { intakeChart, type IntakeChartInput } from './contraindications/chart.js';
import {
  assertEligibilityDecision,
  eligibilityDecisionUnmet,
  type AbsoluteOverride,
  type EligibilityDecisionInput,
  type Signer,
} from './eligibility-decision.js';
import { defaultEligibilityPolicy, eligibilityPolicy } from './policy.js';

const POLICY = defaultEligibilityPolicy();
const THERAPIST: Signer = { userId: 't1', roles: ['therapist'] };
const PHYSICIAN: Signer = { userId: 'p1', roles: ['physician'] };
const ADMIN: Signer = { userId: 'a1', roles: ['admin'] };
const MEDICAL_DIRECTOR: Signer = { userId: 'md', roles: ['admin', 'physician'] };
const NURSE: Signer = { userId: 'n1', roles: ['nurse'] };

function assessment(chart: IntakeChartInput = {}): ContraindicationAssessment {
  return assessContraindications({ chart: intakeChart.parse({ dateOfBirth: '1980-06-01', ...chart }), policy: POLICY, today: '2026-03-15' });
}

/** A decision with both signatures and nothing found, plus `overrides`. */
function decision(overrides: Partial<EligibilityDecisionInput> = {}): EligibilityDecisionInput {
  return {
    outcome: 'eligible',
    conditions: [],
    therapistEvaluationSignedBy: THERAPIST,
    physicianExamSignedBy: PHYSICIAN,
    decidedBy: PHYSICIAN,
    assessment: assessment(),
    overrides: [],
    clearances: [],
    ...overrides,
  };
}

const codes = (input: EligibilityDecisionInput, policy = POLICY): string[] => eligibilityDecisionUnmet(input, policy).map((unmet) => unmet.code);

const pregnancyOverride = (approvedBy: Signer[], reason = 'Termination scheduled; medical director reviewed the risks'): AbsoluteOverride => ({
  ruleId: 'pregnancy',
  reason,
  approvedBy,
});

describe('eligibilityDecisionUnmet', () => {
  it('allows an eligible decision once both are signed and nothing was found', () => {
    expect(codes(decision())).toEqual([]);
  });

  it('needs the therapist evaluation signed by a therapist', () => {
    expect(codes(decision({ therapistEvaluationSignedBy: null }))).toEqual(['therapist_evaluation_signed']);
    expect(codes(decision({ therapistEvaluationSignedBy: NURSE }))).toEqual(['therapist_evaluation_signed']);
  });

  it('needs the physician exam signed by a physician, and a physician deciding', () => {
    expect(codes(decision({ physicianExamSignedBy: null, decidedBy: NURSE }))).toEqual(['physician_exam_signed', 'decided_by_physician']);
  });

  it('needs both signatures even to decide not eligible', () => {
    expect(codes(decision({ outcome: 'not_eligible', therapistEvaluationSignedBy: null, physicianExamSignedBy: null }))).toEqual([
      'therapist_evaluation_signed',
      'physician_exam_signed',
    ]);
  });

  it('blocks eligible with an absolute contraindication that is not overridden', () => {
    const unmet = eligibilityDecisionUnmet(decision({ assessment: assessment({ pregnant: true }) }), POLICY);
    expect(unmet.map((u) => u.code)).toEqual(['absolute_contraindication']);
    expect(unmet[0]?.message).toContain('Pregnancy');
  });

  it('allows not eligible despite an absolute contraindication', () => {
    expect(codes(decision({ outcome: 'not_eligible', assessment: assessment({ pregnant: true }) }))).toEqual([]);
  });

  it('accepts an override approved by an admin and a physician with a reason', () => {
    expect(codes(decision({ assessment: assessment({ pregnant: true }), overrides: [pregnancyOverride([ADMIN, PHYSICIAN])] }))).toEqual([]);
    expect(codes(decision({ assessment: assessment({ pregnant: true }), overrides: [pregnancyOverride([MEDICAL_DIRECTOR])] }))).toEqual([]);
  });

  it('refuses an override missing a role or a real reason', () => {
    const blocked = assessment({ pregnant: true });
    expect(codes(decision({ assessment: blocked, overrides: [pregnancyOverride([PHYSICIAN])] }))).toEqual(['override_admin_approval']);
    expect(codes(decision({ assessment: blocked, overrides: [pregnancyOverride([ADMIN])] }))).toEqual(['override_physician_approval']);
    expect(codes(decision({ assessment: blocked, overrides: [pregnancyOverride([ADMIN, PHYSICIAN], 'ok')] }))).toEqual(['override_reason']);
  });

  it('asks for two different people when the clinic requires separate approvers', () => {
    const policy = eligibilityPolicy.parse({ overrides: { requireSeparateApprovers: true } });
    const blocked = assessment({ pregnant: true });
    expect(codes(decision({ assessment: blocked, overrides: [pregnancyOverride([MEDICAL_DIRECTOR])] }), policy)).toEqual(['override_separate_approvers']);
    expect(codes(decision({ assessment: blocked, overrides: [pregnancyOverride([MEDICAL_DIRECTOR, PHYSICIAN])] }), policy)).toEqual([]);
  });

  it('needs every absolute contraindication overridden, not just one', () => {
    const blocked = assessment({ pregnant: true, diagnoses: ['F20.9'] });
    expect(codes(decision({ assessment: blocked, overrides: [pregnancyOverride([MEDICAL_DIRECTOR])] }))).toEqual(['absolute_contraindication']);
  });

  it('needs conditions listed for eligible with conditions, and none otherwise', () => {
    expect(codes(decision({ outcome: 'eligible_with_conditions', conditions: ['  '] }))).toEqual(['conditions_listed']);
    expect(codes(decision({ outcome: 'eligible_with_conditions', conditions: ['Oral route only'] }))).toEqual([]);
    expect(codes(decision({ outcome: 'eligible', conditions: ['Oral route only'] }))).toEqual(['conditions_only_when_conditional']);
  });

  it('needs relative contraindications cleared for an unconditional eligible decision', () => {
    const relative = assessment({ diagnoses: ['I48.91'] });
    const unmet = eligibilityDecisionUnmet(decision({ assessment: relative }), POLICY);
    expect(unmet).toEqual([
      { code: 'relative_contraindication_cleared', message: 'An irregular heart rhythm (arrhythmia). Needed: EKG; Cardiology clearance letter.' },
    ]);
    expect(codes(decision({ assessment: relative, clearances: [{ ruleId: 'arrhythmia', note: 'EKG normal; letter on file' }] }))).toEqual([]);
    expect(codes(decision({ assessment: relative, outcome: 'eligible_with_conditions', conditions: ['Cardiology letter before IM'] }))).toEqual([]);
  });
});

describe('assertEligibilityDecision', () => {
  it('throws PolicyBlocked listing every unmet condition', () => {
    try {
      assertEligibilityDecision(decision({ therapistEvaluationSignedBy: null, assessment: assessment({ pregnant: true }) }), POLICY);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyBlocked);
      expect((error as PolicyBlocked).unmet.map((u) => u.code)).toEqual(['therapist_evaluation_signed', 'absolute_contraindication']);
    }
  });

  it('returns quietly when the decision may be recorded', () => {
    expect(() => assertEligibilityDecision(decision(), POLICY)).not.toThrow();
  });
});
