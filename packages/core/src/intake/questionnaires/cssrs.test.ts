import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { cssrsAnswers, cssrsRiskRank, scoreCssrs, type CssrsAnswers } from './cssrs.js';

const ALL_NO: CssrsAnswers = {
  wishToBeDead: false,
  activeSuicidalThoughts: false,
  suicidalBehavior: false,
};

/** Answers with Q2 "yes", so Q3–Q5 are asked; everything else "no" unless given. */
function withActiveThoughts(overrides: Partial<CssrsAnswers> = {}): CssrsAnswers {
  return {
    wishToBeDead: true,
    activeSuicidalThoughts: true,
    thoughtsOfMethod: false,
    intentToAct: false,
    planWithIntent: false,
    suicidalBehavior: false,
    ...overrides,
  };
}

function rejectionPath(input: unknown): ReadonlyArray<string | number> | null {
  try {
    scoreCssrs(input as CssrsAnswers);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.path;
    throw error;
  }
}

describe('scoreCssrs', () => {
  it('is none when every answer is no, with Q3–Q5 skipped', () => {
    expect(scoreCssrs(ALL_NO)).toMatchObject({ riskLevel: 'none', intent: false });
  });

  it('is low for a wish to be dead alone', () => {
    expect(scoreCssrs({ ...ALL_NO, wishToBeDead: true }).riskLevel).toBe('low');
  });

  it('is low for active thoughts without method, intent, plan or behavior', () => {
    expect(scoreCssrs(withActiveThoughts()).riskLevel).toBe('low');
  });

  it('is moderate for thoughts of a method', () => {
    expect(scoreCssrs(withActiveThoughts({ thoughtsOfMethod: true })).riskLevel).toBe('moderate');
  });

  it('is moderate for suicidal behavior more than 3 months ago', () => {
    expect(
      scoreCssrs({ ...ALL_NO, suicidalBehavior: true, behaviorWithinPastThreeMonths: false }).riskLevel,
    ).toBe('moderate');
  });

  it('is high for some intent to act, and reports the intent', () => {
    expect(scoreCssrs(withActiveThoughts({ intentToAct: true }))).toMatchObject({ riskLevel: 'high', intent: true });
  });

  it('is high for a plan with intent', () => {
    expect(scoreCssrs(withActiveThoughts({ planWithIntent: true }))).toMatchObject({ riskLevel: 'high', intent: true });
  });

  it('is high for suicidal behavior within the past 3 months, without counting it as intent', () => {
    expect(scoreCssrs({ ...ALL_NO, suicidalBehavior: true, behaviorWithinPastThreeMonths: true })).toMatchObject({
      riskLevel: 'high',
      intent: false,
    });
  });

  it('keeps a "yes" to intent sent despite the skip rule', () => {
    expect(scoreCssrs({ ...ALL_NO, intentToAct: true }).riskLevel).toBe('high');
  });

  it('requires Q3–Q5 when Q2 is yes', () => {
    expect(rejectionPath({ ...ALL_NO, activeSuicidalThoughts: true })).toEqual(['cssrs', 'thoughtsOfMethod']);
    expect(rejectionPath(withActiveThoughts({ planWithIntent: undefined }))).toEqual(['cssrs', 'planWithIntent']);
  });

  it('requires the past-3-months follow-up when Q6 is yes', () => {
    expect(rejectionPath({ ...ALL_NO, suicidalBehavior: true })).toEqual(['cssrs', 'behaviorWithinPastThreeMonths']);
  });

  it('rejects a missing required answer and unknown fields', () => {
    expect(rejectionPath({ wishToBeDead: false, suicidalBehavior: false })).toEqual(['cssrs', 'activeSuicidalThoughts']);
    expect(rejectionPath({ ...ALL_NO, q7: true })).toEqual(['cssrs']);
    expect(rejectionPath({ ...ALL_NO, wishToBeDead: 'no' })).toEqual(['cssrs', 'wishToBeDead']);
  });

  it('never lowers the risk level when a "no" becomes a "yes"', () => {
    const yesNo = fc.boolean();
    const complete = fc
      .record({
        wishToBeDead: yesNo,
        activeSuicidalThoughts: yesNo,
        thoughtsOfMethod: yesNo,
        intentToAct: yesNo,
        planWithIntent: yesNo,
        suicidalBehavior: yesNo,
        behaviorWithinPastThreeMonths: yesNo,
      })
      .filter((a) => cssrsAnswers.safeParse(a).success);
    const keys = ['wishToBeDead', 'activeSuicidalThoughts', 'thoughtsOfMethod', 'intentToAct', 'planWithIntent', 'suicidalBehavior'] as const;
    fc.assert(
      fc.property(complete, fc.constantFrom(...keys), (answers, key) => {
        fc.pre(!answers[key]);
        const before = scoreCssrs(answers);
        const after = scoreCssrs({ ...answers, [key]: true });
        expect(cssrsRiskRank(after.riskLevel)).toBeGreaterThanOrEqual(cssrsRiskRank(before.riskLevel));
      }),
    );
  });
});
