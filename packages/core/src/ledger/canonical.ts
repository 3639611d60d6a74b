import type { LedgerEntry } from './entry.js';

/**
 * The canonical text of a ledger entry, which the server hashes into the ledger's chain the way the
 * audit trail is chained: hash(n) = SHA-256(hash(n-1) ‖ canonicalEntry(n)). Equal content always
 * gives the same text, whatever order the keys were built or stored in.
 */

/** Fields the chain adds to a stored entry; they are not part of what is hashed. */
export const CHAIN_FIELDS = ['seq', 'prevHash', 'hash'] as const;
export type ChainField = (typeof CHAIN_FIELDS)[number];

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth. An object member that is null
 * or undefined is left out, so "absent" and "null" hash alike after a database round trip; array
 * items are kept as they are. Non-finite numbers, bigints and non-plain objects (Date, Map) are
 * refused: they have no single JSON form.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for a non-finite number');
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item)).join(',')}]`;
      if (!isPlainObject(value)) throw new TypeError('canonical JSON takes plain objects only');
      const members = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined && item !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${members.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
    }
    case 'bigint':
    case 'symbol':
    case 'function':
    case 'undefined':
      break;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
}

/** The hashed content of an entry: everything but the chain fields. */
export function canonicalEntry(entry: LedgerEntry & Partial<Record<ChainField, unknown>>): string {
  const content: Record<string, unknown> = { ...entry };
  for (const field of CHAIN_FIELDS) delete content[field];
  return canonicalJson(content);
}

/** Members that are null in a recorded entry of each kind; canonical JSON leaves them out. */
const NULLABLE: Partial<Record<LedgerEntry['kind'], readonly string[]>> = {
  return_to_stock: ['witness'],
  destruction: ['reverseDistributor', 'witness'],
  loss_theft: ['form106Reference'],
  adjustment: ['countId'],
};

/**
 * An entry read back from its canonical JSON, with the null members canonical form left out put back
 * (not validated: the server parses it with the `ledgerEntry` schema, the verifier replays it).
 */
export function entryFromCanonical(text: string): unknown {
  const value = JSON.parse(text) as Record<string, unknown>;
  for (const key of NULLABLE[value.kind as LedgerEntry['kind']] ?? []) {
    if (!(key in value)) value[key] = null;
  }
  restoreVolumes(value);
  return value;
}

/** A troche's or tablet's amount has a null volume (amount.ts): put it back where amounts are. */
function restoreVolumes(value: Record<string, unknown>): void {
  const amount = value.amount as Record<string, unknown> | undefined;
  if (amount && !('volume' in amount)) amount.volume = null;
  if (value.kind === 'receipt' && Array.isArray(value.containers)) {
    for (const line of value.containers as Array<{ amount?: Record<string, unknown> }>) {
      if (line.amount && !('volume' in line.amount)) line.amount.volume = null;
    }
  }
}
