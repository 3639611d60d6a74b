import { asc } from 'drizzle-orm';
import type { Executor } from './db/index.js';
import { clinic } from './db/schema/index.js';

/** The clinic the public site speaks for: its name and how to reach it. */
export interface PublicClinic {
  readonly id: string;
  readonly name: string;
  readonly addressLine1: string;
  readonly addressLine2: string | null;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly phone: string | null;
  readonly timeZone: string;
}

/**
 * The clinic whose program pages and inquiry form the public site serves. A Lantern deployment
 * serves one clinic's public site: the first clinic created (docs/public-site.md). A network of
 * clinics runs one deployment, or one public site, per clinic. Null before any clinic exists.
 */
export async function publicClinic(db: Executor): Promise<PublicClinic | null> {
  const [row] = await db
    .select({
      id: clinic.id,
      name: clinic.name,
      addressLine1: clinic.addressLine1,
      addressLine2: clinic.addressLine2,
      city: clinic.city,
      state: clinic.state,
      postalCode: clinic.postalCode,
      phone: clinic.phone,
      timeZone: clinic.timeZone,
    })
    .from(clinic)
    .orderBy(asc(clinic.createdAt), asc(clinic.id))
    .limit(1);
  return row ?? null;
}

/** The calendar date 'YYYY-MM-DD' at `now` in the IANA `timeZone` (the clinic's "today"). */
export function clinicToday(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
