import { z } from 'zod';
import { MAX_MG_HUNDREDTHS, MAX_MG_PER_ML_HUNDREDTHS, MAX_MICROLITRES, parseMg, parseMgPerMl, parseMl, type Mg, type MgPerMl, type Ml } from './quantity.js';
import type { LedgerResult } from './result.js';

/**
 * Zod schemas for quantities. On the wire a quantity is decimal text ("12.5"), never a JSON number,
 * because a JSON number passes through binary floating point before any rule can see it. Recorded
 * (domain) quantities are the tagged integers of quantity.ts.
 */

function decimalText<T>(parse: (text: string) => LedgerResult<T>) {
  return z
    .string()
    .max(32)
    .transform((text, ctx) => {
      const parsed = parse(text);
      if (parsed.ok) return parsed.value;
      for (const reason of parsed.unmet) ctx.addIssue({ code: 'custom', message: reason.message });
      return z.NEVER;
    });
}

/** "12.5" -> 12.50 mg; unsigned, at most two decimal places. */
export const mgText = decimalText((text) => parseMg(text));
/** "-0.5" -> -0.50 mg; for signed differences. */
export const signedMgText = decimalText((text) => parseMg(text, { signed: true }));
/** "0.35" -> 0.350 mL; at most three decimal places. */
export const mlText = decimalText((text) => parseMl(text));
/** "100" -> 100 mg/mL. */
export const mgPerMlText = decimalText((text) => parseMgPerMl(text));

/** A recorded mass (signed). */
export const mgValue = z.strictObject({
  unit: z.literal('mg'),
  hundredths: z.int().min(-MAX_MG_HUNDREDTHS).max(MAX_MG_HUNDREDTHS),
}) satisfies z.ZodType<Mg>;

/** A recorded mass that must be more than zero. */
export const positiveMgValue = mgValue.refine((mass) => mass.hundredths > 0, 'Give a quantity more than 0 mg');

export const mlValue = z.strictObject({
  unit: z.literal('mL'),
  microlitres: z.int().min(0).max(MAX_MICROLITRES),
}) satisfies z.ZodType<Ml>;

export const mgPerMlValue = z.strictObject({
  unit: z.literal('mg/mL'),
  hundredths: z.int().min(1).max(MAX_MG_PER_ML_HUNDREDTHS),
}) satisfies z.ZodType<MgPerMl>;
