import { z } from 'zod';
import { isSolution, type ControlledProduct } from './product.js';
import { mgText, mgValue, mlText, mlValue } from './quantity-schema.js';
import { describeConcentration, describeQuantity, mgOf, mgToMl, mlToMg, type Mg, type Ml } from './quantity.js';
import { ok, refuse, type LedgerResult } from './result.js';

/**
 * The amount an entry moves. Mass is the unit of record; a solution's amount also carries its volume,
 * so the record shows both "quantity or volume" (1304.22(c)) and a reader never has to convert.
 * Invariant: a solution's `volume` is present and equals `mass` at the product's concentration
 * exactly; a troche's or tablet's is null.
 */
export const ledgerAmount = z.strictObject({
  mass: mgValue,
  volume: mlValue.nullable(),
});
export type LedgerAmount = z.output<typeof ledgerAmount>;

/**
 * An amount as staff state it: mg, mL (solutions), whole units (troches, tablets), or several of these,
 * which must then agree. Quantities are decimal text.
 */
export const statedAmount = z
  .strictObject({
    mg: mgText.optional(),
    mL: mlText.optional(),
    units: z.int().min(1).max(100_000).optional(),
  })
  .refine((value) => value.mg !== undefined || value.mL !== undefined || value.units !== undefined, 'Give the amount in mg, mL or units');
export type StatedAmount = z.output<typeof statedAmount>;

type Path = ReadonlyArray<string | number>;

function massOf(item: ControlledProduct, input: StatedAmount, path: Path): LedgerResult<Mg> {
  if (isSolution(item)) {
    if (input.units !== undefined) {
      return refuse('unit_confusion', `A solution is measured in mg or mL, not units`, [...path, 'units']);
    }
    if (input.mL === undefined) {
      // mg alone: derivable, provided it is a whole number of microlitres.
      return input.mg === undefined ? refuse('unit_confusion', 'Give the amount in mg or mL', path) : ok(input.mg);
    }
    const fromVolume = mlToMg(input.mL, item.concentration, [...path, 'mL']);
    if (!fromVolume.ok) return fromVolume;
    if (input.mg !== undefined && input.mg.hundredths !== fromVolume.value.hundredths) {
      return refuse(
        'unit_confusion',
        `${describeQuantity(input.mg)} is not ${describeQuantity(input.mL)} at ${describeConcentration(item.concentration)} (that volume is ${describeQuantity(fromVolume.value)})`,
        path,
      );
    }
    return fromVolume;
  }
  if (input.mL !== undefined) {
    return refuse('unit_confusion', `A ${item.form} is counted in mg or units, not mL`, [...path, 'mL']);
  }
  if (input.units === undefined) {
    return input.mg === undefined ? refuse('unit_confusion', 'Give the amount in mg or units', path) : ok(input.mg);
  }
  const fromUnits = mgOf(input.units * item.strength.hundredths);
  if (input.mg !== undefined && input.mg.hundredths !== fromUnits.hundredths) {
    return refuse(
      'unit_confusion',
      `${describeQuantity(input.mg)} is not ${input.units} x ${describeQuantity(item.strength)} (that is ${describeQuantity(fromUnits)})`,
      path,
    );
  }
  return ok(fromUnits);
}

export interface ResolveOptions {
  readonly path?: Path;
  /** Counts may find a container empty; entries never move nothing. */
  readonly allowZero?: boolean;
}

/**
 * Turns a stated amount into a recorded one for `item`, refusing unit confusion (mL for a troche,
 * mg and mL that disagree at the concentration) and amounts that do not convert exactly.
 */
export function resolveStatedAmount(item: ControlledProduct, input: StatedAmount, options: ResolveOptions = {}): LedgerResult<LedgerAmount> {
  const path = options.path ?? ['amount'];
  const mass = massOf(item, input, path);
  if (!mass.ok) return mass;
  if (mass.value.hundredths < 0 || (mass.value.hundredths === 0 && !options.allowZero)) {
    return refuse('non_positive_quantity', 'Give an amount more than 0', path);
  }
  if (!isSolution(item)) return ok({ mass: mass.value, volume: null });
  const volume = mgToMl(mass.value, item.concentration, path);
  return volume.ok ? ok({ mass: mass.value, volume: volume.value }) : volume;
}

/** The recorded amount of a solution's mass, exactly (for amounts the ledger derives, such as a whole balance). */
export function amountOfMass(item: ControlledProduct, mass: Mg): LedgerResult<LedgerAmount> {
  if (!isSolution(item)) return ok({ mass, volume: null });
  const volume = mgToMl(mass, item.concentration);
  return volume.ok ? ok({ mass, volume: volume.value }) : volume;
}

/**
 * Checks a recorded amount against its product (entries read back from storage go through this):
 * positive, and for a solution a volume that matches the mass exactly.
 */
export function checkLedgerAmount(item: ControlledProduct, value: LedgerAmount, path: Path = ['amount']): LedgerResult<LedgerAmount> {
  if (value.mass.hundredths <= 0) return refuse('non_positive_quantity', 'Give an amount more than 0', path);
  if (!isSolution(item)) {
    return value.volume === null ? ok(value) : refuse('unit_confusion', `A ${item.form} has no volume`, [...path, 'volume']);
  }
  if (value.volume === null) return refuse('unit_confusion', 'A solution amount needs its volume', [...path, 'volume']);
  const expected: LedgerResult<Ml> = mgToMl(value.mass, item.concentration, path);
  if (!expected.ok) return expected;
  if (expected.value.microlitres !== value.volume.microlitres) {
    return refuse(
      'unit_confusion',
      `${describeQuantity(value.mass)} is not ${describeQuantity(value.volume)} at ${describeConcentration(item.concentration)}`,
      path,
    );
  }
  return ok(value);
}
