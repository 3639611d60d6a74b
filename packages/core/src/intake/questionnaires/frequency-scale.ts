import { z } from 'zod';

/**
 * The four-point frequency scale shared by the PHQ-9 and GAD-7 ("over the last 2 weeks"):
 * 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day (clinical.md §4.1).
 * PHQ-9 answer LOINC codes LA6568-5, LA6569-3 and LA6570-1 are verified; LA6571-9 ("nearly every
 * day") is not (clinical.md §4.1 sources), so answers are stored as their integer value.
 */
export const FREQUENCY_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const;

/** One answered frequency item: an integer 0–3. A missing answer is an error, never a zero. */
export function frequencyItem(instrument: string): z.ZodNumber {
  const message = `Answer every ${instrument} item with 0, 1, 2 or 3`;
  return z.number({ error: message }).int(message).min(0, message).max(3, message);
}

/** The sum of the item answers. */
export function sumItems(items: readonly number[]): number {
  return items.reduce((total, item) => total + item, 0);
}
