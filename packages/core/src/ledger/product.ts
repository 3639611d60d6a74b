import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { ndcCode } from './ndc.js';
import { mgPerMlText, mgPerMlValue, mgText, mlText, mlValue, positiveMgValue } from './quantity-schema.js';
import { describeConcentration, describeQuantity, mgOf, mlToMg, type Mg, type MgPerMl, type Ml } from './quantity.js';

/**
 * Controlled-substance products (clinical.md §1.2–1.3, §6.2): ketamine HCl injection (e.g. 100 mg/mL
 * or 50 mg/mL, 10 mL vial) for IM dosing, and compounded troches or rapid-dissolving tablets (e.g.
 * 100 mg) for sublingual dosing. Schedule III (21 CFR 1308.13). The unit of record is the mg; a
 * solution's mL follow from its concentration.
 */
export const PRODUCT_FORMS = ['injection_solution', 'troche', 'tablet'] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];

const substance = z.string().trim().min(1, 'Name the substance').max(120);

const described = {
  /** e.g. "ketamine hydrochloride". */
  substance,
  /** Compounded troches have none. */
  ndc: ndcCode.nullable(),
  schedule: z.literal('III'),
};
const common = { id: uuid, ...described };

/** Unit counts per container: >1,000 tablets needs an exact inventory count (21 CFR 1304.11; clinical.md §6.2 item 4). */
const unitsPerContainer = z.int().min(1).max(100_000);

function capacityIsExact(value: { concentration: MgPerMl; containerVolume: Ml }, ctx: z.RefinementCtx): void {
  if (value.containerVolume.microlitres === 0) {
    ctx.addIssue({ code: 'custom', path: ['containerVolume'], message: 'A container holds more than 0 mL' });
  } else if (!mlToMg(value.containerVolume, value.concentration).ok) {
    ctx.addIssue({ code: 'custom', path: ['containerVolume'], message: 'The container volume is not a whole number of 0.01 mg at this concentration' });
  }
}

/** A recorded injection solution product. */
export const injectionSolutionProduct = z
  .strictObject({ ...common, form: z.literal('injection_solution'), concentration: mgPerMlValue, containerVolume: mlValue })
  .superRefine(capacityIsExact);

/** A recorded troche or tablet product: `strength` mg per unit. */
export const solidProduct = z.strictObject({
  ...common,
  form: z.enum(['troche', 'tablet']),
  strength: positiveMgValue,
  unitsPerContainer,
});

/** A recorded product, as the rules receive it. */
export const controlledProduct = z.discriminatedUnion('form', [injectionSolutionProduct, solidProduct]);
export type InjectionSolutionProduct = z.output<typeof injectionSolutionProduct>;
export type SolidProduct = z.output<typeof solidProduct>;
export type ControlledProduct = z.output<typeof controlledProduct>;

/** A product as the API receives it: quantities as decimal text ("100", "10"). */
export const controlledProductInput = z.discriminatedUnion('form', [
  z
    .strictObject({ ...common, form: z.literal('injection_solution'), concentration: mgPerMlText, containerVolume: mlText })
    .superRefine(capacityIsExact),
  z.strictObject({
    ...common,
    form: z.enum(['troche', 'tablet']),
    strength: mgText.refine((mass) => mass.hundredths > 0, 'A strength is more than 0 mg'),
    unitsPerContainer,
  }),
]);
export type ControlledProductInput = z.input<typeof controlledProductInput>;

/** A new product as staff describe it (the server gives it its id). */
export const newProductRequest = z.discriminatedUnion('form', [
  z
    .strictObject({ ...described, form: z.literal('injection_solution'), concentration: mgPerMlText, containerVolume: mlText })
    .superRefine(capacityIsExact),
  z.strictObject({
    ...described,
    form: z.enum(['troche', 'tablet']),
    strength: mgText.refine((mass) => mass.hundredths > 0, 'A strength is more than 0 mg'),
    unitsPerContainer,
  }),
]);
export type NewProductRequest = z.output<typeof newProductRequest>;

export function isSolution(item: ControlledProduct): item is InjectionSolutionProduct {
  return item.form === 'injection_solution';
}

/** What one sealed container holds, in mg. */
export function containerCapacity(item: ControlledProduct): Mg {
  switch (item.form) {
    case 'injection_solution': {
      const capacity = mlToMg(item.containerVolume, item.concentration);
      // The schema refuses inexact capacities; a product built around it is a programming error.
      if (!capacity.ok) throw new RangeError(`product ${item.id} has an inexact container capacity`);
      return capacity.value;
    }
    case 'troche':
    case 'tablet':
      return mgOf(item.strength.hundredths * item.unitsPerContainer);
  }
}

const FORM_WORDS: Record<ProductForm, string> = {
  injection_solution: 'injection',
  troche: 'troche',
  tablet: 'tablet',
};

/** "100 mg/mL" or "100 mg", as printed on a record. */
export function strengthLabel(item: ControlledProduct): string {
  return isSolution(item) ? describeConcentration(item.concentration) : describeQuantity(item.strength);
}

/** "10 mL vial" or "30 troches", as printed on a record. */
export function containerSizeLabel(item: ControlledProduct): string {
  return isSolution(item) ? `${describeQuantity(item.containerVolume)} vial` : `${item.unitsPerContainer} ${FORM_WORDS[item.form]}${item.unitsPerContainer === 1 ? '' : 's'}`;
}

/** "ketamine hydrochloride injection 100 mg/mL, 10 mL vial": substance, form, strength, container size (1304.22(a)). */
export function productLabel(item: ControlledProduct): string {
  return `${item.substance} ${FORM_WORDS[item.form]} ${strengthLabel(item)}, ${containerSizeLabel(item)}`;
}
