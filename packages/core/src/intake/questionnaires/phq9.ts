import { z } from 'zod';
import { parseOrThrow } from '../validate.js';
import { frequencyItem, sumItems } from './frequency-scale.js';

/**
 * PHQ-9 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16:606–613): nine items scored 0–3,
 * total 0–27. LOINC codes from clinical.md §4.1 (HL7 US Behavioral Health Profiles example):
 * panel 44249-1, total 44261-6, items in order 1–9, item 9 (thoughts of being better off dead or of
 * self-harm) 44260-8. The unscored difficulty item (69722-7) is not part of this schema.
 */
export const PHQ9_LOINC = {
  panel: '44249-1',
  total: '44261-6',
  items: ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'],
  item9: '44260-8',
} as const;

const item = frequencyItem('PHQ-9');

/** All nine answers, in item order; fewer or more is rejected (an incomplete PHQ-9 has no total). */
export const phq9Answers = z.tuple([item, item, item, item, item, item, item, item, item], {
  error: 'Answer all 9 PHQ-9 items',
});
export type Phq9Answers = z.infer<typeof phq9Answers>;

export type Phq9Severity = 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe';

/** Severity bands from Kroenke 2001 (clinical.md §4.1): 0–4, 5–9, 10–14, 15–19, 20–27. */
export function phq9Severity(total: number): Phq9Severity {
  if (total >= 20) return 'severe';
  if (total >= 15) return 'moderately_severe';
  if (total >= 10) return 'moderate';
  if (total >= 5) return 'mild';
  return 'minimal';
}

export interface Phq9Score {
  readonly instrument: 'phq9';
  readonly total: number;
  readonly severity: Phq9Severity;
  /** Item 9's answer, 0–3. */
  readonly item9: number;
  /**
   * Any non-zero item 9, whatever the total (clinical.md §4.2): raise a high-priority alert, prompt a
   * same-day C-SSRS, block automated "all clear" messages, and show crisis resources if remote.
   */
  readonly item9Positive: boolean;
}

/**
 * Scores a completed PHQ-9. The answers are validated again here, so a caller that skipped the
 * boundary schema cannot score an incomplete form; throws ValidationError at `['phq9', index]`.
 */
export function scorePhq9(answers: Phq9Answers): Phq9Score {
  const items = parseOrThrow(phq9Answers, answers, ['phq9']);
  const total = sumItems(items);
  const item9 = items[8];
  return { instrument: 'phq9', total, severity: phq9Severity(total), item9, item9Positive: item9 > 0 };
}
