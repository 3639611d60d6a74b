import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEntry, canonicalJson, entryFromCanonical, ledgerEntry } from './index.js';
import { adjustmentOf, drawOf, lossOf, receiptOf, returnOf, reversalOf, TROCHE_100, VIAL_100 } from './fixtures.js';

function shuffledKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, i) => shuffledKeys(item, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!).reverse();
  return Object.fromEntries(rotated.map(([key, item]) => [key, shuffledKeys(item, seed + 1)]));
}

describe('canonical serialization for the hash chain', () => {
  const receipt = receiptOf(VIAL_100);
  const draw = drawOf(receipt, VIAL_100, 3500);

  it('sorts keys at every depth and is compact', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: true, y: 'x' }], c: 'é' } })).toBe('{"a":{"c":"é","d":[2,{"y":"x","z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were built in', () => {
    for (const entry of [receipt, draw, reversalOf(draw.id)]) {
      expect(canonicalEntry(shuffledKeys(entry, 3) as typeof entry)).toBe(canonicalEntry(entry));
    }
  });

  it('leaves out the chain fields, and null or missing members alike', () => {
    const chained = { ...draw, seq: 7, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
    expect(canonicalEntry(chained)).toBe(canonicalEntry(draw));
    expect(canonicalEntry({ ...draw, note: undefined })).toBe(canonicalEntry(draw));
    expect(canonicalJson({ a: null, b: 1 })).toBe(canonicalJson({ b: 1 }));
    expect(canonicalJson([null, 1])).toBe('[null,1]');
  });

  it('changes when any recorded value changes', () => {
    const edited = { ...draw, amount: { ...draw.amount, mass: { unit: 'mg' as const, hundredths: 3501 } } };
    expect(canonicalEntry(edited)).not.toBe(canonicalEntry(draw));
  });

  it('survives a JSON round trip and a schema parse unchanged', () => {
    const roundTripped = ledgerEntry.parse(JSON.parse(JSON.stringify(draw)));
    expect(canonicalEntry(roundTripped)).toBe(canonicalEntry(draw));
  });

  it('refuses values with no single JSON form', () => {
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
    expect(canonicalJson(-0)).toBe('0');
  });

  it('is a function of content alone, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat({ max: 20 }), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffledKeys(value, seed))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

describe('entries read back from canonical JSON', () => {
  it('puts back the null members canonical form leaves out, so the record parses as it was written', () => {
    const troches = receiptOf(TROCHE_100);
    const vials = receiptOf(VIAL_100);
    const entries = [
      troches,
      lossOf(troches.containers[0]?.containerId ?? '', TROCHE_100, 10_000),
      adjustmentOf(vials.containers[0]?.containerId ?? '', VIAL_100, 100),
      returnOf(drawOf(vials, VIAL_100, 1000), VIAL_100, 500),
    ];
    for (const entry of entries) expect(ledgerEntry.parse(entryFromCanonical(canonicalEntry(entry)))).toEqual(entry);
  });
});
