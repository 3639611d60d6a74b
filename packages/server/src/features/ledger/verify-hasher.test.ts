import { afterAll, describe, expect, it } from 'vitest';
import { chainHash } from '../../platform/audit/chain.js';
import { chainHasher } from './verify-hasher.js';

const GENESIS = '0'.repeat(64);

/** A valid chain of `n` rows as the ledger stores them. */
function chainOf(n: number, prevHash = GENESIS): Array<{ content: string; hash: string | null }> {
  const rows: Array<{ content: string; hash: string | null }> = [];
  let prev = prevHash;
  for (let i = 0; i < n; i += 1) {
    const content = `{"id":"entry-${i}","note":"Łódź ${i}"}`;
    prev = chainHash(prev, content);
    rows.push({ content, hash: prev });
  }
  return rows;
}

const hasher = chainHasher();
afterAll(async () => hasher.close());

describe('the ledger verifier hashing worker', () => {
  it('finds no mismatch in a chain hashed the way chainHash hashes it, non-ASCII content included', async () => {
    expect(await hasher.firstMismatch(GENESIS, chainOf(50))).toBe(-1);
    expect(await hasher.firstMismatch(GENESIS, [])).toBe(-1);
  });

  it('names the first row whose content, hash or starting hash does not fit', async () => {
    const rows = chainOf(10);
    expect(await hasher.firstMismatch('f'.repeat(64), rows)).toBe(0);
    const edited = rows.map((row, i) => (i === 6 || i === 8 ? { ...row, content: row.content.replace('entry', 'Entry') } : row));
    expect(await hasher.firstMismatch(GENESIS, edited)).toBe(6);
    expect(await hasher.firstMismatch(GENESIS, rows.map((row, i) => (i === 9 ? { ...row, hash: null } : row)))).toBe(9);
  });

  it('answers batches in the order they were sent', async () => {
    const first = chainOf(200);
    const second = chainOf(3, first.at(-1)?.hash ?? '');
    const broken = second.map((row, i) => (i === 1 ? { ...row, content: `${row.content} ` } : row));
    expect(await Promise.all([hasher.firstMismatch(GENESIS, first), hasher.firstMismatch(first.at(-1)?.hash ?? '', broken), hasher.firstMismatch(first.at(-1)?.hash ?? '', second)])).toEqual([-1, 1, -1]);
  });
});
