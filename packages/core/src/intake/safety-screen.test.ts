import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { CRISIS_RESOURCES } from './crisis-resources.js';
import { defaultEligibilityPolicy, eligibilityPolicy } from './policy.js';
import type { CssrsAnswers } from './questionnaires/cssrs.js';
import type { Phq9Answers } from './questionnaires/phq9.js';
import { screenSafety, type SafetyPrescreen } from './safety-screen.js';

const POLICY = defaultEligibilityPolicy();
const NO_RISK: CssrsAnswers = { wishToBeDead: false, activeSuicidalThoughts: false, suicidalBehavior: false };
const codes = (prescreen: SafetyPrescreen): string[] => screenSafety(prescreen, POLICY).reasons.map((reason) => reason.code);

describe('screenSafety', () => {
  it('is not urgent for an empty or reassuring pre-screen, and shows no crisis resources', () => {
    expect(screenSafety({}, POLICY)).toEqual({
      urgent: false,
      incompleteAnswers: false,
      reasons: [],
      followUps: [],
      crisisResources: [],
      sameDayAssessment: false,
      blockAllClearMessages: false,
    });
    expect(screenSafety({ phq9: [3, 3, 3, 3, 3, 3, 3, 3, 0], cssrs: NO_RISK }, POLICY).urgent).toBe(false);
  });

  it('is urgent for PHQ-9 item 9 of 1, whatever the total, with 988 and 911 and a same-day assessment', () => {
    const result = screenSafety({ phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1] }, POLICY);
    expect(result).toMatchObject({ urgent: true, sameDayAssessment: true, blockAllClearMessages: true });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['phq9_item9_positive']);
    expect(result.crisisResources).toBe(CRISIS_RESOURCES);
  });

  it('reads item 9 asked on its own', () => {
    expect(codes({ phq9Item9: 2 })).toEqual(['phq9_item9_positive']);
    expect(codes({ phq9Item9: 0 })).toEqual([]);
  });

  it('is urgent for high and, by default, moderate C-SSRS risk', () => {
    expect(codes({ cssrs: { ...NO_RISK, suicidalBehavior: true, behaviorWithinPastThreeMonths: true } })).toEqual(['cssrs_high_risk']);
    expect(codes({ cssrs: { ...NO_RISK, suicidalBehavior: true, behaviorWithinPastThreeMonths: false } })).toEqual(['cssrs_moderate_risk']);
  });

  it('makes moderate risk a follow-up when the clinic lists only high as urgent', () => {
    const policy = eligibilityPolicy.parse({ safety: { urgentCssrsLevels: ['high'] } });
    const result = screenSafety({ cssrs: { ...NO_RISK, suicidalBehavior: true, behaviorWithinPastThreeMonths: false } }, policy);
    expect(result).toMatchObject({ urgent: false, crisisResources: [], blockAllClearMessages: true });
    expect(result.followUps.map((reason) => reason.code)).toEqual(['cssrs_moderate_risk']);
  });

  it('makes low C-SSRS risk a follow-up that still blocks an automated all-clear', () => {
    const result = screenSafety({ cssrs: { ...NO_RISK, wishToBeDead: true } }, POLICY);
    expect(result).toMatchObject({ urgent: false, blockAllClearMessages: true });
    expect(result.followUps.map((reason) => reason.code)).toEqual(['cssrs_low_risk']);
  });

  it('is urgent for self-reported intent or immediate danger, danger first', () => {
    expect(codes({ currentSuicidalIntent: true, inImmediateDanger: true, phq9Item9: 3 })).toEqual([
      'immediate_danger_reported',
      'suicidal_intent_reported',
      'phq9_item9_positive',
    ]);
    expect(codes({ currentSuicidalIntent: false, inImmediateDanger: false })).toEqual([]);
  });

  it('rejects an incomplete pre-screen with no danger signal, naming the field', () => {
    try {
      screenSafety({ phq9: [0, 0, 0, 0, 0, 0, 0, 0] as unknown as Phq9Answers }, POLICY);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).path).toEqual(['prescreen', 'phq9']);
    }
  });

  it('never lets a missing answer hide a positive item 9 or a reported intent', () => {
    const incomplete = [0, null, 0, 0, 0, 0, 0, 0, 2] as unknown as Phq9Answers;
    const result = screenSafety({ phq9: incomplete }, POLICY);
    expect(result).toMatchObject({ urgent: true, incompleteAnswers: true });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['phq9_item9_positive']);
    const skipped = { wishToBeDead: true, activeSuicidalThoughts: true, intentToAct: true, suicidalBehavior: false } as CssrsAnswers;
    expect(codes({ cssrs: skipped })).toEqual(['cssrs_high_risk']);
  });
});

describe('crisis resources', () => {
  it('offer 988 by call, text and chat, and 911, each with an accessible label', () => {
    const hrefs = CRISIS_RESOURCES.flatMap((resource) => resource.contacts.map((contact) => contact.href));
    expect(hrefs).toEqual(['tel:988', 'sms:988', 'https://988lifeline.org/chat/', 'tel:911']);
    expect(CRISIS_RESOURCES.flatMap((resource) => resource.contacts).every((contact) => contact.label.length > 0)).toBe(true);
  });
});
