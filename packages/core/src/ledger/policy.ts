import { z } from 'zod';
import { parseMg, type Mg } from './quantity.js';

/**
 * The ledger section of the clinic policy, edited by the medical director and versioned with the
 * rest (the lead wires it in as `clinicPolicy.ledger`). Federal rule gives no number for a
 * "significant" loss: 21 CFR 1301.76(b) lists factors (quantity, pattern of losses over time,
 * likelihood of diversion, local trends), so every threshold here is a clinic decision with a
 * conservative default (clinical.md §6.2 item 6, "How to read this document").
 */

/** A threshold in mg as decimal text, e.g. "50" or "12.5" (never a float). */
const mgThreshold = z
  .string()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, 'Give milligrams as a number with at most two decimal places, e.g. 12.5');

export const SCHEDULED_COUNTS = ['start_of_day', 'end_of_day', 'shift_change'] as const;
export type ScheduledCount = (typeof SCHEDULED_COUNTS)[number];

export const ledgerPolicy = z.strictObject({
  /** Counts the console prompts for on each dosing day (clinical.md §6.3: daily or per-shift counts). */
  countSchedule: z
    .array(z.enum(SCHEDULED_COUNTS))
    .max(SCHEDULED_COUNTS.length)
    .refine((list) => new Set(list).size === list.length, 'Each count once')
    .default(['start_of_day', 'end_of_day']),
  /** A counted amount within this of the book amount is not a discrepancy. "0": every difference is one. */
  countToleranceMg: mgThreshold.default('0'),
  /** The look-back window for a pattern of small losses. */
  smallLossWindowDays: z.int().min(7).max(365).default(30),
  /** This many shortfalls within the window is a pattern, which counts as a significant loss (clinical.md §6.2 item 6). */
  smallLossPatternCount: z.int().min(2).max(50).default(3),
  /** …or shortfalls within the window adding up to this much. */
  smallLossPatternTotalMg: mgThreshold.default('50'),
  /** A single shortfall of at least this much is a significant loss (one 100 mg troche; 1 mL at 100 mg/mL). */
  significantLossMg: mgThreshold.default('100'),
  /** 21 CFR 1301.76(b): notify the DEA Field Division in writing within one business day of discovery. */
  deaNotifyBusinessDays: z.int().min(0).max(1).default(1),
  /** DEA Form 106, filed electronically; boards cite completion within 45 days (clinical.md §6.2 item 6). */
  form106DueDays: z.int().min(1).max(45).default(45),
  /** ⚠ State-board notice window: varies by state and is not researched (clinical.md §6.3); confirm before go-live. */
  stateBoardNotifyBusinessDays: z.int().min(0).max(30).default(1),
  /** Add "notify local police" to the checklist for a theft (clinical.md §6.2 item 6). */
  notifyPoliceOnTheft: z.boolean().default(true),
  /** 21 CFR 1304.11(c): a new inventory at least every two years; a clinic may choose sooner. */
  inventoryIntervalMonths: z.int().min(1).max(24).default(24),
});
export type LedgerPolicy = z.infer<typeof ledgerPolicy>;

/** The ledger policy a new clinic starts with. */
export function defaultLedgerPolicy(): LedgerPolicy {
  return ledgerPolicy.parse({});
}

/** A policy threshold as an exact mass (the schema guarantees it parses). */
export function policyMg(text: string): Mg {
  const parsed = parseMg(text);
  if (!parsed.ok) throw new RangeError(`policy threshold "${text}" is not a mass in mg`);
  return parsed.value;
}
