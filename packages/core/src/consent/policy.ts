import { z } from 'zod';

/**
 * The clinic-policy section for consents. Minn. Stat. §144.293 subd. 4 (clinical.md §7.4): a release
 * consent is valid for one year, or for the period stated in it. Lantern defaults a release to one
 * year and lets the clinic allow longer stated periods only by raising `releaseMaxMonths` (a
 * decision for the clinic's counsel; some categories, such as consulting providers, may run longer).
 */
export const consentPolicy = z
  .strictObject({
    /** The expiry a release gets when the signing screen leaves it at the default. */
    releaseDefaultMonths: z.number().int().min(1).max(120).default(12),
    /** The latest expiry a release may state, in months from the day it is signed. */
    releaseMaxMonths: z.number().int().min(1).max(120).default(12),
  })
  .refine((policy) => policy.releaseDefaultMonths <= policy.releaseMaxMonths, {
    message: 'The default release period cannot be longer than the maximum',
    path: ['releaseDefaultMonths'],
  });
export type ConsentPolicy = z.infer<typeof consentPolicy>;

export function defaultConsentPolicy(): ConsentPolicy {
  return consentPolicy.parse({});
}
