import { z } from 'zod';
import { parseOrThrow } from '../validate.js';

/**
 * Columbia Suicide Severity Rating Scale, screener version (clinical.md §4.1 and §4.3).
 * LOINC: screener-recent panel 93373-9; risk level 93374-7, whose "Low" answer is LA9194-7. The other
 * risk-level answer codes and the mapping of item codes to questions are not verified, so they are
 * not listed (clinical.md §4, "Do not guess codes").
 *
 * Questions (ideation items cover the past month; Q6 is lifetime with a past-3-months follow-up):
 * Q1 wish to be dead; Q2 non-specific active suicidal thoughts; Q3 thoughts of a method;
 * Q4 some intent to act; Q5 a plan, with intent; Q6 suicidal behavior, then "within the past 3 months?".
 * If Q2 is "no", Q3–Q5 are skipped.
 */
export const CSSRS_LOINC = { panel: '93373-9', riskLevel: '93374-7', lowRiskAnswer: 'LA9194-7' } as const;

const answer = z.boolean({ error: 'Answer yes or no' });

/**
 * Screener answers. Q3–Q5 are required when Q2 is "yes" and may be left out when it is "no" (the skip
 * rule); a "yes" sent anyway is kept, never discarded, because dropping a reported intent is unsafe.
 * The Q6 follow-up is required when Q6 is "yes".
 */
export const cssrsAnswers = z
  .strictObject({
    wishToBeDead: answer,
    activeSuicidalThoughts: answer,
    thoughtsOfMethod: answer.optional(),
    intentToAct: answer.optional(),
    planWithIntent: answer.optional(),
    suicidalBehavior: answer,
    behaviorWithinPastThreeMonths: answer.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.activeSuicidalThoughts) {
      for (const key of ['thoughtsOfMethod', 'intentToAct', 'planWithIntent'] as const) {
        if (value[key] === undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'Answer yes or no (asked when question 2 is yes)' });
        }
      }
    }
    if (value.suicidalBehavior && value.behaviorWithinPastThreeMonths === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['behaviorWithinPastThreeMonths'],
        message: 'Say whether it was within the past 3 months',
      });
    }
  });
export type CssrsAnswers = z.infer<typeof cssrsAnswers>;

export const CSSRS_RISK_LEVELS = ['none', 'low', 'moderate', 'high'] as const;
export type CssrsRiskLevel = (typeof CSSRS_RISK_LEVELS)[number];

/** The typical action for each level (clinical.md §4.3). */
export const CSSRS_ACTIONS: Record<CssrsRiskLevel, string> = {
  none: 'Routine care.',
  low: 'Further evaluation by a behavioral health clinician.',
  moderate: 'Further evaluation and safety planning.',
  high: 'Immediate evaluation; consider a higher level of care; no dosing that day.',
};

export interface CssrsResult {
  readonly instrument: 'cssrs_screener';
  readonly riskLevel: CssrsRiskLevel;
  readonly action: string;
  /** Q4 or Q5 answered yes: suicidal intent, which clinical.md §2.2 treats as a likely absolute stop. */
  readonly intent: boolean;
}

/**
 * Derives the risk level (clinical.md §4.3):
 * high = Q4 or Q5, or Q6 within the past 3 months; moderate = Q3, or Q6 more than 3 months ago;
 * low = Q1 and/or Q2 only; none = all "no". Throws ValidationError at `['cssrs', field]`.
 */
export function scoreCssrs(answers: CssrsAnswers): CssrsResult {
  const a = parseOrThrow(cssrsAnswers, answers, ['cssrs']);
  const intent = a.intentToAct === true || a.planWithIntent === true;
  const recentBehavior = a.suicidalBehavior && a.behaviorWithinPastThreeMonths === true;
  const pastBehavior = a.suicidalBehavior && a.behaviorWithinPastThreeMonths === false;
  let riskLevel: CssrsRiskLevel = 'none';
  if (intent || recentBehavior) riskLevel = 'high';
  else if (a.thoughtsOfMethod === true || pastBehavior) riskLevel = 'moderate';
  else if (a.wishToBeDead || a.activeSuicidalThoughts) riskLevel = 'low';
  return { instrument: 'cssrs_screener', riskLevel, action: CSSRS_ACTIONS[riskLevel], intent };
}

/** Orders levels so callers can ask "at least moderate". */
export function cssrsRiskRank(level: CssrsRiskLevel): number {
  return CSSRS_RISK_LEVELS.indexOf(level);
}
