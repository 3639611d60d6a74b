import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { statedAmount, amountOfMass, resolveStatedAmount, type LedgerAmount, type StatedAmount } from './amount.js';
import { DESTRUCTION_METHODS, WASTE_METHODS, wasteSource, type LedgerEntry, type LedgerStaff } from './entry.js';
import { clinicDate, type ClinicDate } from './clinic-date.js';
import { lot, supplier } from './lot.js';
import { containerCapacity, type ControlledProduct } from './product.js';
import { ok, refuse, type LedgerResult } from './result.js';
import type { LedgerState } from './state.js';

/**
 * Ledger entries as the API receives them: amounts as stated (decimal text in mg, mL or units), a
 * witness by id (the server re-authenticates them and supplies who they are). `entryFromRequest`
 * turns one into a recorded entry through the container's product.
 */
const reference = z.string().trim().min(1, 'Give the reference').max(100);
const reason = z.string().trim().min(1, 'Give a reason').max(1000);
const note = z.string().trim().max(1000).optional();

export const ledgerEntryRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('receipt'),
    lot,
    locationId: uuid,
    invoiceNumber: reference,
    receivedOn: clinicDate,
    containerCount: z.int().min(1).max(500),
    /** What each container holds; a full container when left out. */
    perContainer: statedAmount.optional(),
    note,
  }),
  /** A whole container moves; its amount is the ledger's balance. */
  z.strictObject({ kind: z.literal('transfer'), containerId: uuid, fromLocationId: uuid, toLocationId: uuid, note }),
  z.strictObject({
    kind: z.literal('draw'),
    containerId: uuid,
    locationId: uuid,
    amount: statedAmount,
    medicineSessionId: uuid,
    administrationId: uuid,
    patientId: uuid,
    note,
  }),
  z.strictObject({
    kind: z.literal('waste'),
    source: wasteSource,
    amount: statedAmount,
    method: z.enum(WASTE_METHODS),
    methodDetail: z.string().trim().max(200).optional(),
    reason: reason.optional(),
    witnessId: uuid,
    note,
  }),
  z.strictObject({ kind: z.literal('return_to_stock'), drawEntryId: uuid, amount: statedAmount, reason: reason.optional(), witnessId: uuid.nullable(), note }),
  z.strictObject({ kind: z.literal('return_to_supplier'), containerId: uuid, locationId: uuid, amount: statedAmount, supplier, reference, note }),
  z.strictObject({
    kind: z.literal('destruction'),
    containerId: uuid,
    locationId: uuid,
    amount: statedAmount,
    method: z.enum(DESTRUCTION_METHODS),
    form41Reference: reference,
    reverseDistributor: supplier.nullable(),
    witnessId: uuid.nullable(),
    note,
  }),
  z.strictObject({
    kind: z.literal('loss_theft'),
    containerId: uuid,
    locationId: uuid,
    amount: statedAmount,
    lossKind: z.enum(['theft', 'loss']),
    discoveredOn: clinicDate,
    form106Reference: reference.nullable(),
    note,
  }),
  z.strictObject({
    kind: z.literal('adjustment'),
    containerId: uuid,
    locationId: uuid,
    direction: z.enum(['increase', 'decrease']),
    amount: statedAmount,
    reason,
    countId: uuid.nullable(),
    note,
  }),
  z.strictObject({ kind: z.literal('reversal'), reversesEntryId: uuid, reason, note }),
]);
export type LedgerEntryRequest = z.output<typeof ledgerEntryRequest>;

/** What the server knows about the request itself. */
export interface EntryMeta {
  readonly id: string;
  /** `Date.prototype.toISOString()` of the server's clock. */
  readonly at: string;
  /** The clinic-local date of `at`. */
  readonly localDate: ClinicDate;
  readonly actor: LedgerStaff;
  /** The re-authenticated witness, when the request names one. */
  readonly witness: LedgerStaff | null;
  /** Ids for new containers of a receipt. */
  readonly newId: () => string;
}

function productOfContainer(state: LedgerState, containerId: string, path: ReadonlyArray<string | number>): LedgerResult<ControlledProduct> {
  const container = state.containers.get(containerId);
  const item = container && state.products.get(container.productId);
  return item ? ok(item) : refuse('unknown_container', 'No container with this id has been received', path);
}

function amountFor(state: LedgerState, containerId: string, input: StatedAmount): LedgerResult<LedgerAmount> {
  const item = productOfContainer(state, containerId, ['containerId']);
  return item.ok ? resolveStatedAmount(item.value, input) : item;
}

function witnessFor(meta: EntryMeta, witnessId: string | null): LedgerResult<LedgerStaff | null> {
  if (witnessId === null) return ok(null);
  if (!meta.witness || meta.witness.id !== witnessId) return refuse('witness_required', 'The witness has not confirmed with their own sign-in', ['witnessId']);
  return ok(meta.witness);
}

/**
 * The recorded entry for a request: amounts resolved exactly through the product, containers and
 * locations filled in from the ledger where the request leaves them implied. Stock rules are not
 * checked here; `planEntry` does that on the result.
 */
export function entryFromRequest(state: LedgerState, request: LedgerEntryRequest, meta: EntryMeta): LedgerResult<LedgerEntry> {
  const base = { id: meta.id, at: meta.at, localDate: meta.localDate, actor: meta.actor, ...(request.note ? { note: request.note } : {}) };
  switch (request.kind) {
    case 'receipt': {
      const item = state.products.get(request.lot.productId);
      if (!item) return refuse('unknown_product', 'The product is not in the catalogue', ['lot', 'productId']);
      const each = request.perContainer ? resolveStatedAmount(item, request.perContainer, { path: ['perContainer'] }) : amountOfMass(item, containerCapacity(item));
      if (!each.ok) return each;
      const containers = Array.from({ length: request.containerCount }, () => ({ containerId: meta.newId(), amount: each.value }));
      const { containerCount: _count, perContainer: _each, note: _note, ...rest } = request;
      return ok({ ...base, ...rest, containers });
    }
    case 'transfer': {
      const container = state.containers.get(request.containerId);
      const item = container && state.products.get(container.productId);
      if (!container || !item) return refuse('unknown_container', 'No container with this id has been received', ['containerId']);
      const whole = amountOfMass(item, container.balance);
      if (!whole.ok) return whole;
      const { note: _note, ...rest } = request;
      return ok({ ...base, ...rest, amount: whole.value });
    }
    case 'waste': {
      const containerId = request.source.from === 'stock' ? request.source.containerId : state.draws.get(request.source.drawEntryId)?.containerId;
      if (containerId === undefined) return refuse('unknown_draw', 'No open draw with this id', ['source', 'drawEntryId']);
      const amount = amountFor(state, containerId, request.amount);
      const witness = witnessFor(meta, request.witnessId);
      if (!amount.ok) return amount;
      if (!witness.ok) return witness;
      if (!witness.value) return refuse('witness_required', 'A second licensed staff member must witness waste', ['witnessId']);
      const { witnessId: _w, note: _note, ...rest } = request;
      return ok({ ...base, ...rest, amount: amount.value, witness: witness.value });
    }
    case 'return_to_stock': {
      const draw = state.draws.get(request.drawEntryId);
      const container = draw && state.containers.get(draw.containerId);
      if (!draw || !container) return refuse('unknown_draw', 'No open draw with this id', ['drawEntryId']);
      const amount = amountFor(state, draw.containerId, request.amount);
      const witness = witnessFor(meta, request.witnessId);
      if (!amount.ok) return amount;
      if (!witness.ok) return witness;
      const { witnessId: _w, note: _note, ...rest } = request;
      return ok({ ...base, ...rest, containerId: draw.containerId, locationId: container.locationId, amount: amount.value, witness: witness.value });
    }
    case 'destruction': {
      const amount = amountFor(state, request.containerId, request.amount);
      const witness = witnessFor(meta, request.witnessId);
      if (!amount.ok) return amount;
      if (!witness.ok) return witness;
      const { witnessId: _w, note: _note, ...rest } = request;
      return ok({ ...base, ...rest, amount: amount.value, witness: witness.value });
    }
    case 'draw':
    case 'return_to_supplier':
    case 'loss_theft':
    case 'adjustment': {
      const amount = amountFor(state, request.containerId, request.amount);
      if (!amount.ok) return amount;
      const { note: _note, ...rest } = request;
      return ok({ ...base, ...rest, amount: amount.value });
    }
    case 'reversal': {
      const { note: _note, ...rest } = request;
      return ok({ ...base, ...rest });
    }
  }
}
