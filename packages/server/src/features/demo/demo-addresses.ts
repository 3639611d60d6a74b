import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.js';
import { clinic, patient } from '../../platform/db/schema/index.js';

/**
 * Postal addresses for the demo clinic's charts. The dispensing log of a controlled substance names
 * each patient and their address (21 CFR 1304.22(c)), so a demo without them shows blanks where an
 * inspector expects an address. The streets are invented; the towns and ZIP codes are real places
 * around the (fictional) clinic in Minneapolis, so the addresses read as plausible.
 */

const STREETS = [
  'Bluestem Avenue',
  'Prairie Smoke Lane',
  'Cattail Court',
  'Juneberry Street',
  'Tamarack Road',
  'Ironwood Drive',
  'Wild Rice Way',
  'Kingfisher Place',
  'Switchgrass Boulevard',
  'Larkspur Terrace',
  'Basswood Avenue',
  'Meadowlark Lane',
  'Coneflower Circle',
] as const;

const TOWNS: readonly { readonly city: string; readonly postalCode: string }[] = [
  { city: 'Minneapolis', postalCode: '55406' },
  { city: 'Saint Paul', postalCode: '55104' },
  { city: 'Minneapolis', postalCode: '55418' },
  { city: 'Richfield', postalCode: '55423' },
  { city: 'Saint Paul', postalCode: '55106' },
  { city: 'Bloomington', postalCode: '55420' },
  { city: 'Minneapolis', postalCode: '55408' },
  { city: 'Roseville', postalCode: '55113' },
  { city: 'St. Louis Park', postalCode: '55416' },
  { city: 'Edina', postalCode: '55424' },
  { city: 'Brooklyn Park', postalCode: '55443' },
  { city: 'Stillwater', postalCode: '55082' },
  { city: 'Northfield', postalCode: '55057' },
  { city: 'Minneapolis', postalCode: '55414' },
  { city: 'Saint Paul', postalCode: '55105' },
  { city: 'Woodbury', postalCode: '55125' },
  { city: 'Eagan', postalCode: '55122' },
];

const UNITS = ['Apt 2B', 'Unit 4', 'Apt 310', '#12'] as const;

export interface DemoAddress {
  readonly addressLine1: string;
  readonly addressLine2: string | null;
  readonly addressCity: string;
  readonly addressState: string;
  readonly addressPostalCode: string;
}

/** The `index`-th demo address: the same every run, a different street, number and town for each person. */
export function demoAddress(index: number): DemoAddress {
  const street = STREETS[index % STREETS.length] ?? STREETS[0];
  const town = TOWNS[index % TOWNS.length] ?? { city: 'Minneapolis', postalCode: '55406' };
  const number = 100 + ((index * 587 + 219) % 9800);
  return {
    addressLine1: `${number} ${street}`,
    addressLine2: index % 3 === 1 ? (UNITS[Math.floor(index / 3) % UNITS.length] ?? null) : null,
    addressCity: town.city,
    addressState: 'MN',
    addressPostalCode: town.postalCode,
  };
}

/** Gives every chart of the demo clinic that has no address one of its own, in MRN order. */
export async function seedDemoAddresses(db: Db): Promise<number> {
  const [row] = await db.select({ id: clinic.id }).from(clinic).limit(1);
  if (!row) return 0;
  const charts = await db
    .select({ id: patient.id })
    .from(patient)
    .where(and(eq(patient.clinicId, row.id), isNull(patient.addressLine1)))
    .orderBy(asc(patient.mrn));
  await db.transaction(async (tx) => {
    for (const [index, chart] of charts.entries()) await tx.update(patient).set(demoAddress(index)).where(eq(patient.id, chart.id));
  });
  return charts.length;
}
