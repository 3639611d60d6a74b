import { describe, expect, it } from 'vitest';
import type { RuleChange } from '../intake/contraindications/reassess.js';
import { eligibilityAllowsTreatment, eligibilityStatusOf, reopenReason } from './eligibility-status.js';

const none = { decision: null, evaluationSigned: false, examSigned: false, anyNote: false };

describe('the eligibility status', () => {
  it('moves from not started to in evaluation to ready for a decision', () => {
    expect(eligibilityStatusOf(none)).toBe('not_started');
    expect(eligibilityStatusOf({ ...none, anyNote: true })).toBe('in_evaluation');
    expect(eligibilityStatusOf({ ...none, anyNote: true, evaluationSigned: true })).toBe('in_evaluation');
    expect(eligibilityStatusOf({ ...none, anyNote: true, evaluationSigned: true, examSigned: true })).toBe('ready_for_decision');
  });

  it('shows the decision, or that new information re-opened it', () => {
    const signed = { ...none, anyNote: true, evaluationSigned: true, examSigned: true };
    expect(eligibilityStatusOf({ ...signed, decision: { outcome: 'eligible_with_conditions', reopened: false } })).toBe('eligible_with_conditions');
    expect(eligibilityStatusOf({ ...signed, decision: { outcome: 'eligible', reopened: true } })).toBe('reopened');
  });

  it('lets treatment go on only for a standing eligible decision', () => {
    expect(eligibilityAllowsTreatment('eligible')).toBe(true);
    expect(eligibilityAllowsTreatment('eligible_with_conditions')).toBe(true);
    for (const status of ['not_started', 'in_evaluation', 'ready_for_decision', 'not_eligible', 'reopened'] as const) {
      expect(eligibilityAllowsTreatment(status)).toBe(false);
    }
  });
});

describe('the re-opening reason', () => {
  it('names each rule that re-opened the decision, with the new evidence, and nothing else', () => {
    const changes: RuleChange[] = [
      { ruleId: 'interaction_maoi', from: 'clear', to: 'relative', newEvidence: ['phenelzine 45 mg/day'], reason: 'MAOIs can raise blood pressure.', reopens: true },
      { ruleId: 'older_adult', from: 'relative', to: 'clear', newEvidence: [], reason: 'Under 65.', reopens: false },
    ];
    const reason = reopenReason(changes);
    expect(reason).toContain('MAOIs can raise blood pressure. (interaction_maoi: was clear, now needs clearance). New: phenelzine 45 mg/day.');
    expect(reason).not.toContain('older_adult');
  });

  it('stays within 2,000 characters', () => {
    const change: RuleChange = { ruleId: 'heart_disease', from: 'relative', to: 'relative', newEvidence: ['x'.repeat(500)], reason: 'Heart disease.', reopens: true };
    expect(reopenReason(Array.from({ length: 10 }, () => change)).length).toBeLessThanOrEqual(2000);
  });
});
