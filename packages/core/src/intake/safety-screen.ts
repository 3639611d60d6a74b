import { z } from 'zod';
import { CRISIS_RESOURCES, type CrisisResource } from './crisis-resources.js';
import type { EligibilityPolicy } from './policy.js';
import { cssrsAnswers, scoreCssrs, type CssrsRiskLevel } from './questionnaires/cssrs.js';
import { phq9Answers, scorePhq9 } from './questionnaires/phq9.js';
import { parseOrThrow } from './validate.js';

/**
 * The safety questions of an inquiry or pre-screen. Any may be missing (a short inquiry form asks
 * only some), but what is given must be complete: a PHQ-9 with all nine answers, a C-SSRS that
 * follows its skip rule.
 */
export const safetyPrescreen = z.strictObject({
  phq9: phq9Answers.optional(),
  /** PHQ-9 item 9 asked on its own (LOINC 44260-8), 0–3. */
  phq9Item9: z.number().int().min(0).max(3).optional(),
  cssrs: cssrsAnswers.optional(),
  /** "Are you thinking of ending your life and intending to act on it?" */
  currentSuicidalIntent: z.boolean().optional(),
  /** "Are you in danger right now?" */
  inImmediateDanger: z.boolean().optional(),
});
export type SafetyPrescreen = z.infer<typeof safetyPrescreen>;

export type SafetyReasonCode =
  | 'immediate_danger_reported'
  | 'suicidal_intent_reported'
  | `cssrs_${Exclude<CssrsRiskLevel, 'none'>}_risk`
  | 'phq9_item9_positive';

export interface SafetyReason {
  readonly code: SafetyReasonCode;
  readonly message: string;
}

export interface SafetyScreenResult {
  /** Show crisis resources now and raise an urgent clinic alert. */
  readonly urgent: boolean;
  /** The answers were incomplete but carried a danger signal; ask the rest once the person is safe. */
  readonly incompleteAnswers: boolean;
  /** Why it is urgent, most pressing first. */
  readonly reasons: readonly SafetyReason[];
  /** Not urgent, but a clinician should follow up (e.g. C-SSRS low risk: evaluation by a behavioral health clinician). */
  readonly followUps: readonly SafetyReason[];
  /** Crisis resources to show at once; empty when not urgent. */
  readonly crisisResources: readonly CrisisResource[];
  /** Prompt a same-day C-SSRS and safety assessment (clinical.md §4.2). */
  readonly sameDayAssessment: boolean;
  /** Never send an automated "all clear" (clinical.md §4.2). */
  readonly blockAllClearMessages: boolean;
}

const CSSRS_MESSAGES: Record<Exclude<CssrsRiskLevel, 'none'>, string> = {
  high: 'C-SSRS screener: high risk (intent, a plan, or suicidal behavior in the past 3 months).',
  moderate: 'C-SSRS screener: moderate risk (thoughts of a method, or suicidal behavior more than 3 months ago).',
  low: 'C-SSRS screener: low risk (a wish to be dead or suicidal thoughts without method, intent or plan).',
};

const IMMEDIATE_DANGER: SafetyReason = {
  code: 'immediate_danger_reported',
  message: 'The person says they are in danger right now.',
};
const SUICIDAL_INTENT: SafetyReason = {
  code: 'suicidal_intent_reported',
  message: 'The person reports current suicidal intent.',
};
const PHQ9_ITEM9: SafetyReason = {
  code: 'phq9_item9_positive',
  message: 'PHQ-9 item 9: thoughts of being better off dead or of self-harm in the past 2 weeks.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Danger signals readable from an incomplete or malformed pre-screen: an unanswered item elsewhere
 * must never hide a reported danger. Only unambiguous values count (true, or an integer 1–3).
 */
function rawDangerSignals(input: unknown): SafetyReason[] {
  if (!isRecord(input)) return [];
  const positive = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 3;
  const signals: SafetyReason[] = [];
  if (input.inImmediateDanger === true) signals.push(IMMEDIATE_DANGER);
  if (input.currentSuicidalIntent === true) signals.push(SUICIDAL_INTENT);
  const cssrs = input.cssrs;
  const recentBehavior = isRecord(cssrs) && cssrs.suicidalBehavior === true && cssrs.behaviorWithinPastThreeMonths === true;
  if (isRecord(cssrs) && (cssrs.intentToAct === true || cssrs.planWithIntent === true || recentBehavior)) {
    signals.push({ code: 'cssrs_high_risk', message: CSSRS_MESSAGES.high });
  }
  if (positive(input.phq9Item9) || (Array.isArray(input.phq9) && positive(input.phq9[8]))) signals.push(PHQ9_ITEM9);
  return signals;
}

function result(reasons: readonly SafetyReason[], followUps: readonly SafetyReason[], incompleteAnswers = false): SafetyScreenResult {
  const urgent = reasons.length > 0;
  return {
    urgent,
    incompleteAnswers,
    reasons,
    followUps,
    crisisResources: urgent ? CRISIS_RESOURCES : [],
    sameDayAssessment: urgent,
    blockAllClearMessages: urgent || followUps.length > 0,
  };
}

/**
 * Decides whether a pre-screen is urgent (clinical.md §4.2 and §4.3). Urgent when the person reports
 * immediate danger or current suicidal intent, when the C-SSRS level is one the policy lists (high
 * always; moderate by default), or when PHQ-9 item 9 is above zero, whatever the total.
 * Incomplete answers throw a ValidationError at `['prescreen', …]`, unless they carry a danger signal
 * anyway, which makes the result urgent (safety is never held up by a missing answer).
 */
export function screenSafety(prescreen: SafetyPrescreen, policy: EligibilityPolicy): SafetyScreenResult {
  const parsed = safetyPrescreen.safeParse(prescreen);
  if (!parsed.success) {
    const signals = rawDangerSignals(prescreen);
    if (signals.length === 0) parseOrThrow(safetyPrescreen, prescreen, ['prescreen']);
    return result(signals, [], true);
  }
  const input = parsed.data;
  const reasons: SafetyReason[] = [];
  const followUps: SafetyReason[] = [];

  if (input.inImmediateDanger === true) reasons.push(IMMEDIATE_DANGER);
  if (input.currentSuicidalIntent === true) reasons.push(SUICIDAL_INTENT);
  if (input.cssrs) {
    const { riskLevel } = scoreCssrs(input.cssrs);
    if (riskLevel !== 'none') {
      const reason = { code: `cssrs_${riskLevel}_risk`, message: CSSRS_MESSAGES[riskLevel] } as const;
      (policy.safety.urgentCssrsLevels.includes(riskLevel) ? reasons : followUps).push(reason);
    }
  }
  const item9 = Math.max(input.phq9 ? scorePhq9(input.phq9).item9 : 0, input.phq9Item9 ?? 0);
  if (item9 > 0) reasons.push(PHQ9_ITEM9);
  return result(reasons, followUps);
}
