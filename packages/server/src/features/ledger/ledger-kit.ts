import type { LightMyRequestResponse } from 'fastify';
import type { EntryView, LocationView, ProductView } from '@lantern/core';

/**
 * Request bodies for the ledger's tests, benchmark and demo: a KAP clinic's usual stock (ketamine HCl
 * 100 mg/mL, 10 mL vials; 100 mg troches) and entries with sensible defaults a caller overrides.
 */

/** A supplier DEA number whose check digit is right (1+3+5 + 2x(2+4+6) = 33). */
export const SUPPLIER_DEA = 'RB1234563';

export const SUPPLIER = { name: 'Midwest Medical Supply', address: '100 Supply Way, Saint Paul, MN 55101', deaNumber: SUPPLIER_DEA } as const;

export const VIAL_100_REQUEST = {
  substance: 'ketamine hydrochloride',
  ndc: '0409-2051-05',
  schedule: 'III',
  form: 'injection_solution',
  concentration: '100',
  containerVolume: '10',
} as const;

export const TROCHE_100_REQUEST = {
  substance: 'ketamine hydrochloride',
  ndc: null,
  schedule: 'III',
  form: 'troche',
  strength: '100',
  unitsPerContainer: 30,
} as const;

/** Anything that posts JSON like the test `Agent`. */
export interface LedgerClient {
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** An entry request with its witness confirmation, as the API takes it. */
export interface EntryBody {
  readonly entry: Record<string, unknown> & { readonly kind: string };
  readonly witness: { readonly userId: string; readonly password: string; readonly totp?: string } | null;
}

export interface ReceiptBody {
  readonly entry: {
    readonly kind: 'receipt';
    readonly lot: { readonly id: string; readonly productId: string; readonly lotNumber: string; readonly expiresOn: string; readonly supplier: { readonly name: string; readonly address: string; readonly deaNumber: string } };
    readonly locationId: string;
    readonly invoiceNumber: string;
    readonly receivedOn: string;
    readonly containerCount: number;
  };
  readonly witness: null;
}

export function receiptBody(input: { readonly productId: string; readonly locationId: string; readonly lotId?: string; readonly lotNumber?: string; readonly expiresOn?: string; readonly count?: number; readonly receivedOn: string; readonly deaNumber?: string }): ReceiptBody {
  return {
    entry: {
      kind: 'receipt',
      lot: {
        id: input.lotId ?? crypto.randomUUID(),
        productId: input.productId,
        lotNumber: input.lotNumber ?? `KX${Math.floor(Math.random() * 1e6)}`,
        expiresOn: input.expiresOn ?? '2028-06-30',
        supplier: { ...SUPPLIER, deaNumber: input.deaNumber ?? SUPPLIER_DEA },
      },
      locationId: input.locationId,
      invoiceNumber: 'INV-20261128',
      receivedOn: input.receivedOn,
      containerCount: input.count ?? 1,
    },
    witness: null,
  };
}

export function drawBody(input: { readonly containerId: string; readonly locationId: string; readonly patientId: string; readonly amount: Record<string, string>; readonly sessionId?: string; readonly administrationId?: string }): EntryBody {
  return {
    entry: {
      kind: 'draw',
      containerId: input.containerId,
      locationId: input.locationId,
      amount: input.amount,
      medicineSessionId: input.sessionId ?? crypto.randomUUID(),
      administrationId: input.administrationId ?? crypto.randomUUID(),
      patientId: input.patientId,
    },
    witness: null,
  };
}

export function wasteOfDrawBody(input: { readonly drawEntryId: string; readonly mg: string; readonly witnessId: string; readonly password: string; readonly totp?: string }): EntryBody {
  return {
    entry: { kind: 'waste', source: { from: 'draw', drawEntryId: input.drawEntryId }, amount: { mg: input.mg }, method: 'denaturing_container', witnessId: input.witnessId },
    witness: { userId: input.witnessId, password: input.password, ...(input.totp ? { totp: input.totp } : {}) },
  };
}

/** A storage location and the 100 mg/mL vial product, added through the API. */
export async function catalogue(client: LedgerClient, names: readonly string[] = ['Safe A']): Promise<{ locations: LocationView[]; vial: ProductView; troche: ProductView }> {
  const locations: LocationView[] = [];
  for (const name of names) locations.push((await client.post('/api/ledger/locations', { name })).json());
  const vial = (await client.post('/api/ledger/products', VIAL_100_REQUEST)).json<ProductView>();
  const troche = (await client.post('/api/ledger/products', TROCHE_100_REQUEST)).json<ProductView>();
  return { locations, vial, troche };
}

export async function receive(client: LedgerClient, input: Parameters<typeof receiptBody>[0]): Promise<EntryView> {
  const response = await client.post('/api/ledger/entries', receiptBody(input));
  if (response.statusCode !== 201) throw new Error(`receipt refused: ${response.body}`);
  return response.json();
}
