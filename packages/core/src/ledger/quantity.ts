import { formatScaled, parseScaled, type FormatScaledOptions } from './decimal.js';
import { ok, refuse, type LedgerResult } from './result.js';

/**
 * Exact quantities. The unit of record is the milligram, held as integer hundredths (0.01 mg, the
 * resolution issue #6 asks for); solution volumes are integer microlitres (0.001 mL). Every quantity
 * carries its unit, and mg and mL meet only through a product's concentration, exactly or not at all.
 */

/** A mass: integer hundredths of a milligram (1250 is 12.50 mg). Negative only as a signed difference. */
export interface Mg {
  readonly unit: 'mg';
  readonly hundredths: number;
}

/** A volume: integer microlitres (350 is 0.350 mL). */
export interface Ml {
  readonly unit: 'mL';
  readonly microlitres: number;
}

/** A solution's concentration: integer hundredths of a milligram per millilitre (10000 is 100 mg/mL). */
export interface MgPerMl {
  readonly unit: 'mg/mL';
  readonly hundredths: number;
}

/** A stated amount: mass or volume, never a bare number. */
export type Quantity = Mg | Ml;

export const MG_SCALE = 2;
export const ML_SCALE = 3;
/** 10 kg: far beyond any clinic's stock, yet a million entries of it still sum to a safe integer. */
export const MAX_MG_HUNDREDTHS = 1_000_000_000;
/** 100 L. */
export const MAX_MICROLITRES = 100_000_000;
/** 10 g/mL, well beyond any ketamine solution (the strongest is 100 mg/mL). */
export const MAX_MG_PER_ML_HUNDREDTHS = 1_000_000;

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** A mass from integer hundredths of a milligram. */
export function mgOf(hundredths: number): Mg {
  assertInteger(hundredths, 'hundredths of a milligram');
  return { unit: 'mg', hundredths: hundredths === 0 ? 0 : hundredths };
}

/** A volume from integer microlitres. */
export function mlOf(microlitres: number): Ml {
  assertInteger(microlitres, 'microlitres');
  return { unit: 'mL', microlitres: microlitres === 0 ? 0 : microlitres };
}

/** A concentration from integer hundredths of a milligram per millilitre. */
export function mgPerMlOf(hundredths: number): MgPerMl {
  assertInteger(hundredths, 'hundredths of a mg/mL');
  if (hundredths <= 0) throw new RangeError('a concentration must be positive');
  return { unit: 'mg/mL', hundredths };
}

export const ZERO_MG: Mg = mgOf(0);

type Path = ReadonlyArray<string | number>;

/** Parses "12.5" (mg) exactly; `signed` admits "-0.5" for differences. */
export function parseMg(text: string, options: { readonly signed?: boolean; readonly path?: Path } = {}): LedgerResult<Mg> {
  const parsed = parseScaled(text, { scale: MG_SCALE, max: MAX_MG_HUNDREDTHS, ...options });
  return parsed.ok ? ok(mgOf(parsed.value)) : parsed;
}

/** Parses "0.35" (mL) exactly, to the microlitre. */
export function parseMl(text: string, options: { readonly path?: Path } = {}): LedgerResult<Ml> {
  const parsed = parseScaled(text, { scale: ML_SCALE, max: MAX_MICROLITRES, ...options });
  return parsed.ok ? ok(mlOf(parsed.value)) : parsed;
}

/** Parses "100" (mg/mL) exactly; zero is refused. */
export function parseMgPerMl(text: string, options: { readonly path?: Path } = {}): LedgerResult<MgPerMl> {
  const parsed = parseScaled(text, { scale: MG_SCALE, max: MAX_MG_PER_ML_HUNDREDTHS, ...options });
  if (!parsed.ok) return parsed;
  if (parsed.value === 0) return refuse('non_positive_quantity', 'A concentration must be more than 0 mg/mL', options.path);
  return ok(mgPerMlOf(parsed.value));
}

/** "12.50" (always two places, for printed ledgers); `{ trim: true }` gives "12.5". */
export function formatMg(mass: Mg, options?: FormatScaledOptions): string {
  return formatScaled(mass.hundredths, MG_SCALE, options);
}

/** "0.350" (always three places); `{ trim: true }` gives "0.35". */
export function formatMl(volume: Ml, options?: FormatScaledOptions): string {
  return formatScaled(volume.microlitres, ML_SCALE, options);
}

export function formatMgPerMl(concentration: MgPerMl, options?: FormatScaledOptions): string {
  return formatScaled(concentration.hundredths, MG_SCALE, options);
}

/** Human wording with the unit: "12.5 mg", "0.35 mL". */
export function describeQuantity(quantity: Quantity): string {
  return quantity.unit === 'mg' ? `${formatMg(quantity, { trim: true })} mg` : `${formatMl(quantity, { trim: true })} mL`;
}

export function describeConcentration(concentration: MgPerMl): string {
  return `${formatMgPerMl(concentration, { trim: true })} mg/mL`;
}

export function addMg(a: Mg, b: Mg): Mg {
  return mgOf(a.hundredths + b.hundredths);
}

export function subtractMg(a: Mg, b: Mg): Mg {
  return mgOf(a.hundredths - b.hundredths);
}

export function negateMg(a: Mg): Mg {
  return mgOf(-a.hundredths);
}

export function sumMg(masses: Iterable<Mg>): Mg {
  let total = 0;
  for (const mass of masses) total += mass.hundredths;
  return mgOf(total);
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compareMg(a: Mg, b: Mg): number {
  return Math.sign(a.hundredths - b.hundredths);
}

export function isPositiveMg(a: Mg): boolean {
  return a.hundredths > 0;
}

export function addMl(a: Ml, b: Ml): Ml {
  return mlOf(a.microlitres + b.microlitres);
}

/**
 * The mass in a volume of solution: mg = mL x mg/mL. In integers, hundredths = µL x hundredths/mL / 1000,
 * which must divide exactly; otherwise the volume is refused rather than rounded.
 */
export function mlToMg(volume: Ml, concentration: MgPerMl, path?: Path): LedgerResult<Mg> {
  const exact = volume.microlitres * concentration.hundredths;
  // Within 2^53 plain numbers are exact (this runs for every entry in a replay); BigInt beyond.
  if (Number.isSafeInteger(exact)) {
    return exact % 1000 === 0 ? ok(mgOf(exact / 1000)) : refuse('inexact_conversion', `${describeQuantity(volume)} at ${describeConcentration(concentration)} is not a whole number of 0.01 mg`, path);
  }
  const product = BigInt(volume.microlitres) * BigInt(concentration.hundredths);
  if (product % 1000n !== 0n) {
    return refuse(
      'inexact_conversion',
      `${describeQuantity(volume)} at ${describeConcentration(concentration)} is not a whole number of 0.01 mg`,
      path,
    );
  }
  return ok(mgOf(Number(product / 1000n)));
}

/**
 * The volume holding a mass of solution: mL = mg / (mg/mL), to the whole microlitre or refused.
 */
export function mgToMl(mass: Mg, concentration: MgPerMl, path?: Path): LedgerResult<Ml> {
  const scaled = mass.hundredths * 1000;
  if (Number.isSafeInteger(scaled)) {
    return scaled % concentration.hundredths === 0
      ? ok(mlOf(scaled / concentration.hundredths))
      : refuse('inexact_conversion', `${describeQuantity(mass)} at ${describeConcentration(concentration)} is not a whole number of microlitres`, path);
  }
  const numerator = BigInt(mass.hundredths) * 1000n;
  const denominator = BigInt(concentration.hundredths);
  if (numerator % denominator !== 0n) {
    return refuse(
      'inexact_conversion',
      `${describeQuantity(mass)} at ${describeConcentration(concentration)} is not a whole number of microlitres`,
      path,
    );
  }
  return ok(mlOf(Number(numerator / denominator)));
}
