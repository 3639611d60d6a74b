import { z } from 'zod';

/**
 * DEA registration numbers (21 CFR 1301): two characters then seven digits, the last a check digit.
 * The first letter is the registrant type; published lists of which letters are in use disagree, so
 * any letter is accepted. The second is the first letter of the registrant's name, or "9" for a
 * registrant registered under a business name (for example "F91234563").
 *
 * Check digit: (d1 + d3 + d5) + 2 x (d2 + d4 + d6); its last digit must equal d7.
 */
const SHAPE = /^[A-Z][A-Z9]\d{7}$/;

/** Why a DEA number is wrong, or null when it is well formed and its check digit matches. */
export function deaNumberProblem(text: string): string | null {
  const value = text.trim().toUpperCase();
  if (!SHAPE.test(value)) return 'A DEA number is two letters then seven digits, e.g. AB1234563';
  const d = [...value.slice(2)].map(Number) as [number, number, number, number, number, number, number];
  const check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
  return check === d[6] ? null : 'This DEA number fails its check digit; check it against the invoice';
}

export function isValidDeaNumber(text: string): boolean {
  return deaNumberProblem(text) === null;
}

/** A DEA registration number at the boundary, upper-cased. */
export const deaNumber = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .superRefine((value, ctx) => {
    const problem = deaNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
