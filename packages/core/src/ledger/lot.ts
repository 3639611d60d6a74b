import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { deaNumber } from './dea-number.js';
import { compareClinicDates, clinicDate, type ClinicDate } from './clinic-date.js';

/** The supplier on a receipt: name, address and DEA registration number (21 CFR 1304.22(a)(2)(iv), clinical.md §6.2). */
export const supplier = z.strictObject({
  name: z.string().trim().min(1, 'Name the supplier').max(200),
  address: z.string().trim().min(1, "Give the supplier's address").max(500),
  deaNumber,
});
export type Supplier = z.output<typeof supplier>;

/**
 * A manufacturer's lot of one product. Its containers are registered by the receipt that brings them
 * in; the lot's expiry gates every draw.
 */
export const lot = z.strictObject({
  id: uuid,
  productId: uuid,
  lotNumber: z.string().trim().min(1, 'Give the lot number').max(40),
  /** Usable through this date; a draw on a later clinic-local date is refused. */
  expiresOn: clinicDate,
  supplier,
});
export type Lot = z.output<typeof lot>;

/** A lot is expired on `today` when today is after its expiry date. */
export function isExpired(item: Pick<Lot, 'expiresOn'>, today: ClinicDate): boolean {
  return compareClinicDates(today, item.expiresOn) > 0;
}
