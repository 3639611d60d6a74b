import { ok, refuse, type LedgerResult } from './result.js';

/**
 * Exact decimal text <-> scaled integers. A quantity such as "12.5" mg is held as 1250 hundredths of a
 * milligram; no step goes through binary floating point, so "0.1" + "0.2" is exactly "0.3".
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Options for `parseScaled`. */
export interface ParseScaledOptions {
  /** Decimal places kept, e.g. 2 for hundredths. */
  readonly scale: number;
  /** Largest magnitude accepted, in scaled units. */
  readonly max: number;
  /** Whether a leading minus sign is accepted (signed adjustments, differences). */
  readonly signed?: boolean;
  /** Field path for the refusal. */
  readonly path?: ReadonlyArray<string | number>;
}

/**
 * Parses decimal text ("12", "12.5", "0.05") into an integer count of 10^-scale units. Refuses
 * exponents, blanks, signs where not allowed, and digits finer than the scale unless they are zeros
 * ("12.500" is 12.5; "12.505" at scale 2 is refused, never rounded).
 */
export function parseScaled(text: string, options: ParseScaledOptions): LedgerResult<number> {
  const { scale, max, path } = options;
  const match = DECIMAL.exec(text.trim());
  if (!match) return refuse('invalid_decimal', `"${text.slice(0, 40)}" is not a decimal number like 12.5`, path);
  const [, sign, whole = '', fraction = ''] = match;
  if (sign && !options.signed) return refuse('invalid_decimal', 'Give a quantity without a sign', path);
  const kept = fraction.slice(0, scale);
  const beyond = fraction.slice(scale);
  if (/[1-9]/.test(beyond)) {
    return refuse('too_precise', `${text.trim()} is finer than ${scaleUnit(scale)}; the ledger does not round`, path);
  }
  const digits = (whole + kept.padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return refuse('quantity_out_of_range', `${text.trim()} is out of range`, path);
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude) || magnitude > max) {
    return refuse('quantity_out_of_range', `${text.trim()} is out of range (at most ${formatScaled(max, scale)})`, path);
  }
  return ok(sign && magnitude !== 0 ? -magnitude : magnitude);
}

function scaleUnit(scale: number): string {
  return scale === 0 ? 'a whole unit' : `0.${'0'.repeat(scale - 1)}1`;
}

/** Options for `formatScaled`. */
export interface FormatScaledOptions {
  /** Drop trailing zeros after the point ("12.50" -> "12.5", "12.00" -> "12"). */
  readonly trim?: boolean;
}

/** Formats an integer count of 10^-scale units as decimal text, exactly ("1250" at scale 2 is "12.50"). */
export function formatScaled(value: number, scale: number, options: FormatScaledOptions = {}): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer`);
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  if (options.trim) fraction = fraction.replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative ? `-${body}` : body;
}
