import { z } from 'zod';

/**
 * National Drug Codes. The FDA's 10-digit NDC is labeler-product-package in one of three layouts,
 * 4-4-2, 5-3-2 or 5-4-1; billing uses the 11-digit 5-4-2 form made by left-padding the short segment
 * with a zero. The dashes are required: without them a 10-digit NDC is ambiguous.
 */
export interface ParsedNdc {
  /** As printed on the label, with dashes. */
  readonly label: string;
  /** The 11-digit 5-4-2 form, with dashes. */
  readonly ndc11: string;
}

const LAYOUTS: ReadonlyArray<readonly [number, number, number]> = [
  [4, 4, 2],
  [5, 3, 2],
  [5, 4, 1],
  [5, 4, 2],
];

/** The NDC with its 11-digit form, or null when it is not one of the dashed layouts. */
export function parseNdc(text: string): ParsedNdc | null {
  const value = text.trim();
  const segments = value.split('-');
  if (segments.length !== 3 || !segments.every((s) => /^\d+$/.test(s))) return null;
  const [a = '', b = '', c = ''] = segments;
  const fits = LAYOUTS.some(([x, y, z]) => a.length === x && b.length === y && c.length === z);
  if (!fits) return null;
  return { label: value, ndc11: `${a.padStart(5, '0')}-${b.padStart(4, '0')}-${c.padStart(2, '0')}` };
}

/** An NDC at the boundary (10-digit 4-4-2, 5-3-2 or 5-4-1, or 11-digit 5-4-2, with dashes). */
export const ndcCode = z
  .string()
  .trim()
  .refine((value) => parseNdc(value) !== null, 'Give the NDC with dashes, e.g. 0409-2051-05 or 00409-2051-05');
