import { z } from 'zod';
import { parseOrThrow } from '../validate.js';
import { frequencyItem, sumItems } from './frequency-scale.js';

/**
 * GAD-7 (Spitzer, Kroenke, Williams & Löwe, Arch Intern Med 2006;166:1092–1097): seven items scored
 * 0–3, total 0–21. LOINC from clinical.md §4.1: panel 69737-5, total 70274-6. The item codes are
 * unverified (clinical.md §4.1 sources), so they are deliberately not listed here.
 */
export const GAD7_LOINC = { panel: '69737-5', total: '70274-6' } as const;

const item = frequencyItem('GAD-7');

/** All seven answers, in item order. */
export const gad7Answers = z.tuple([item, item, item, item, item, item, item], {
  error: 'Answer all 7 GAD-7 items',
});
export type Gad7Answers = z.infer<typeof gad7Answers>;

export type Gad7Severity = 'minimal' | 'mild' | 'moderate' | 'severe';

/** Severity bands from Spitzer 2006 (clinical.md §4.1): 0–4, 5–9, 10–14, 15–21. */
export function gad7Severity(total: number): Gad7Severity {
  if (total >= 15) return 'severe';
  if (total >= 10) return 'moderate';
  if (total >= 5) return 'mild';
  return 'minimal';
}

export interface Gad7Score {
  readonly instrument: 'gad7';
  readonly total: number;
  readonly severity: Gad7Severity;
}

/** Scores a completed GAD-7; throws ValidationError at `['gad7', index]` for a missing or bad answer. */
export function scoreGad7(answers: Gad7Answers): Gad7Score {
  const items = parseOrThrow(gad7Answers, answers, ['gad7']);
  const total = sumItems(items);
  return { instrument: 'gad7', total, severity: gad7Severity(total) };
}
