import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountOfMass,
  applyEntry,
  containerCapacity,
  emptyLedger,
  holdings,
  isSolution,
  locationBalance,
  lotBalance,
  mgOf,
  remainingVolume,
  replay,
  replayer,
  addClinicDays,
  canonicalEntry,
  entryFromCanonical,
  ledgerEntry,
  type ControlledProduct,
  type LedgerAmount,
  type LedgerEntry,
  type LedgerState,
} from './index.js';
import {
  adjustmentOf,
  destructionOf,
  drawOf,
  LOCATION,
  lossOf,
  lotOf,
  NURSE,
  NURSE_2,
  PHYSICIAN,
  PRODUCTS,
  receiptOf,
  returnOf,
  returnToSupplierOf,
  reversalOf,
  testId,
  THERAPIST,
  TODAY,
  transferOf,
  wasteOfDraw,
  wasteOfStock,
} from './fixtures.js';

/**
 * Random sequences of ledger entries, valid and not, against the balance engine. Each run checks,
 * after every step, the invariants against an independent oracle that adds up the entries
 * by hand, then that replay gives the same ledger and that undoing any entry at once restores it.
 */

const LOCATIONS = [LOCATION.safeA, LOCATION.safeB] as const;

const pick = fc.nat({ max: 1000 });
/** True about one time in ten: the wrong location, a therapist, a self-witness. */
const rarely = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
/**
 * Mostly whole 0.1 mg steps (exact in µL at 50 and 100 mg/mL), sometimes any 0.01 mg; mostly doses
 * up to 200 mg, sometimes up to 1200 mg (more than a vial holds).
 */
const hundredths = fc
  .tuple(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 2_000 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 12_000 }), weight: 1 }), rarely, fc.integer({ min: 0, max: 9 }))
  .map(([n, raw, extra]) => (raw ? n * 10 + extra : n * 10));

const receive = fc.record({
  t: fc.constant('receive' as const),
  product: fc.nat({ max: 2 }),
  count: fc.integer({ min: 1, max: 3 }),
  fraction: fc.oneof(fc.constant(1000), fc.integer({ min: 0, max: 1100 })),
  expiry: fc.integer({ min: -2, max: 20 }),
  location: fc.nat({ max: 1 }),
});
const command = fc.oneof(
  receive,
  fc.record({ t: fc.constant('draw' as const), pick, amount: hundredths, wrongLocation: rarely, session: fc.nat({ max: 2 }), reuseAdministration: rarely, therapist: rarely }),
  fc.record({ t: fc.constant('wasteDraw' as const), pick, amount: hundredths, selfWitness: rarely }),
  fc.record({ t: fc.constant('wasteStock' as const), pick, amount: hundredths }),
  fc.record({ t: fc.constant('return' as const), pick, amount: hundredths }),
  fc.record({ t: fc.constant('transfer' as const), pick, partial: rarely }),
  fc.record({ t: fc.constant('out' as const), kind: fc.constantFrom('return_to_supplier' as const, 'destruction' as const, 'loss_theft' as const), pick, amount: hundredths }),
  fc.record({ t: fc.constant('adjust' as const), pick, increase: fc.boolean(), amount: hundredths, nurse: rarely }),
  fc.record({ t: fc.constant('reverse' as const), pick }),
  fc.record({ t: fc.constant('nextDay' as const), days: fc.integer({ min: 0, max: 4 }) }),
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

function productOf(state: LedgerState, containerId: string): ControlledProduct {
  const item = state.products.get(state.containers.get(containerId)?.productId ?? '');
  if (!item) throw new Error('unknown product');
  return item;
}

/** The recorded amount, or (for an inexact solution mass) one without its volume, which must be refused. */
function amountOf(item: ControlledProduct, mass: number): LedgerAmount {
  const amount = amountOfMass(item, mgOf(mass));
  return amount.ok ? amount.value : { mass: mgOf(mass), volume: null };
}

function at<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** An independent tally: each container's balance and location, from the accepted entries alone. */
class Oracle {
  readonly balance = new Map<string, number>();
  readonly location = new Map<string, string>();
  readonly byId = new Map<string, LedgerEntry>();

  private effects(entry: LedgerEntry): Array<[string, number]> {
    switch (entry.kind) {
      case 'receipt':
        return entry.containers.map((line) => [line.containerId, line.amount.mass.hundredths]);
      case 'transfer':
        return [];
      case 'draw':
      case 'return_to_supplier':
      case 'destruction':
      case 'loss_theft':
        return [[entry.containerId, -entry.amount.mass.hundredths]];
      case 'waste':
        return entry.source.from === 'stock' ? [[entry.source.containerId, -entry.amount.mass.hundredths]] : [];
      case 'return_to_stock':
        return [[entry.containerId, entry.amount.mass.hundredths]];
      case 'adjustment':
        return [[entry.containerId, (entry.direction === 'increase' ? 1 : -1) * entry.amount.mass.hundredths]];
      case 'reversal': {
        const target = this.byId.get(entry.reversesEntryId);
        return target ? this.effects(target).map(([id, delta]) => [id, -delta]) : [];
      }
    }
  }

  record(entry: LedgerEntry): void {
    for (const [id, delta] of this.effects(entry)) this.balance.set(id, (this.balance.get(id) ?? 0) + delta);
    if (entry.kind === 'receipt') for (const line of entry.containers) this.location.set(line.containerId, entry.locationId);
    if (entry.kind === 'transfer') this.location.set(entry.containerId, entry.toLocationId);
    if (entry.kind === 'reversal') {
      const target = this.byId.get(entry.reversesEntryId);
      if (target?.kind === 'transfer') this.location.set(target.containerId, target.fromLocationId);
    }
    this.byId.set(entry.id, entry);
  }
}

/** What a reversal must restore: stock in each place and the draw bookkeeping. */
function snapshot(state: LedgerState): unknown {
  const sorted = <T>(items: T[], key: (item: T) => string): T[] => items.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    holdings: holdings(state),
    draws: sorted([...state.draws.values()], (d) => d.entryId),
    administrations: sorted([...state.drawByAdministration.entries()], ([id]) => id),
  };
}

function checkInvariants(state: LedgerState, oracle: Oracle): void {
  let total = 0;
  for (const container of state.containers.values()) {
    expect(container.balance.hundredths).toBeGreaterThanOrEqual(0);
    expect(container.balance.hundredths).toBe(oracle.balance.get(container.containerId) ?? 0);
    expect(container.locationId).toBe(oracle.location.get(container.containerId));
    if (isSolution(productOf(state, container.containerId))) expect(remainingVolume(state, container.containerId)).not.toBeNull();
    total += container.balance.hundredths;
  }
  expect(LOCATIONS.reduce((sum, id) => sum + locationBalance(state, id).hundredths, 0)).toBe(total);
  expect([...state.lots.keys()].reduce((sum, id) => sum + lotBalance(state, id).hundredths, 0)).toBe(total);
  for (const draw of state.draws.values()) {
    expect(draw.wasted.hundredths).toBeGreaterThanOrEqual(0);
    expect(draw.returned.hundredths).toBeGreaterThanOrEqual(0);
    expect(draw.wasted.hundredths + draw.returned.hundredths).toBeLessThanOrEqual(draw.amount.hundredths);
    expect(state.drawByAdministration.get(draw.administrationId)).toBe(draw.entryId);
  }
  expect(state.drawByAdministration.size).toBe(state.draws.size);
  for (const [target, reversal] of state.reversedBy) {
    expect(state.entries.get(target)?.kind).not.toBe('reversal');
    expect(state.entries.get(reversal)?.kind).toBe('reversal');
    const entry = oracle.byId.get(reversal);
    expect(entry?.kind === 'reversal' && entry.reversesEntryId).toBe(target);
  }
}

interface Run {
  state: LedgerState;
  readonly oracle: Oracle;
  readonly accepted: LedgerEntry[];
  readonly attempted: LedgerEntry[];
  readonly draws: Array<Extract<LedgerEntry, { kind: 'draw' }>>;
  readonly containers: string[];
  readonly administrations: string[];
  today: string;
}

function build(run: Run, cmd: Command): LedgerEntry | null {
  const { state } = run;
  const dated = <E extends LedgerEntry>(entry: E): E => ({ ...entry, localDate: run.today });
  switch (cmd.t) {
    case 'nextDay':
      run.today = addClinicDays(run.today, cmd.days);
      return null;
    case 'receive': {
      const item = PRODUCTS[cmd.product] ?? PRODUCTS[0]!;
      const each = amountOf(item, Math.floor((containerCapacity(item).hundredths * cmd.fraction) / 1000));
      const lot = lotOf(item, { expiresOn: addClinicDays(run.today, cmd.expiry) });
      const containers = Array.from({ length: cmd.count }, () => ({ containerId: testId(), amount: each }));
      return dated(receiptOf(item, { lot, containers, locationId: LOCATIONS[cmd.location] ?? LOCATION.safeA, receivedOn: run.today }));
    }
    case 'draw': {
      const containerId = at(run.containers, cmd.pick);
      if (!containerId) return null;
      const container = state.containers.get(containerId);
      const item = productOf(state, containerId);
      const locationId = cmd.wrongLocation ? LOCATIONS.find((l) => l !== container?.locationId) : container?.locationId;
      const administrationId = (cmd.reuseAdministration && at(run.administrations, cmd.pick)) || testId();
      const draw = drawOf(receiptOf(item), item, 10, {
        containerId,
        locationId: locationId ?? LOCATION.safeA,
        amount: amountOf(item, cmd.amount),
        medicineSessionId: `00000000-0000-4000-8000-00000000000${cmd.session}`,
        administrationId,
        actor: cmd.therapist ? THERAPIST : NURSE,
      });
      return dated(draw);
    }
    case 'wasteDraw': {
      const draw = at(run.draws, cmd.pick);
      if (!draw) return null;
      const item = productOf(state, draw.containerId);
      return dated({ ...wasteOfDraw(draw, item, 10), amount: amountOf(item, cmd.amount), witness: cmd.selfWitness ? NURSE : NURSE_2 });
    }
    case 'wasteStock': {
      const containerId = at(run.containers, cmd.pick);
      if (!containerId) return null;
      const item = productOf(state, containerId);
      const locationId = state.containers.get(containerId)?.locationId ?? LOCATION.safeA;
      return dated({ ...wasteOfStock(containerId, item, 10), source: { from: 'stock', containerId, locationId }, amount: amountOf(item, cmd.amount) });
    }
    case 'return': {
      const draw = at(run.draws, cmd.pick);
      if (!draw) return null;
      const item = productOf(state, draw.containerId);
      const locationId = state.containers.get(draw.containerId)?.locationId ?? LOCATION.safeA;
      return dated({ ...returnOf(draw, item, 10), locationId, amount: amountOf(item, cmd.amount) });
    }
    case 'transfer': {
      const containerId = at(run.containers, cmd.pick);
      const container = containerId ? state.containers.get(containerId) : undefined;
      if (!containerId || !container) return null;
      const item = productOf(state, containerId);
      const mass = cmd.partial ? Math.floor(container.balance.hundredths / 20) * 10 : container.balance.hundredths;
      const to = LOCATIONS.find((l) => l !== container.locationId) ?? LOCATION.safeB;
      return dated({ ...transferOf(containerId, item, 10), fromLocationId: container.locationId, toLocationId: to, amount: amountOf(item, mass) });
    }
    case 'out': {
      const containerId = at(run.containers, cmd.pick);
      if (!containerId) return null;
      const item = productOf(state, containerId);
      const base = { locationId: state.containers.get(containerId)?.locationId ?? LOCATION.safeA, amount: amountOf(item, cmd.amount) };
      switch (cmd.kind) {
        case 'return_to_supplier':
          return dated({ ...returnToSupplierOf(containerId, item, 10), ...base });
        case 'destruction':
          return dated({ ...destructionOf(containerId, item, 10), ...base });
        case 'loss_theft':
          return dated({ ...lossOf(containerId, item, 10, { discoveredOn: run.today }), ...base });
      }
      return null;
    }
    case 'adjust': {
      const containerId = at(run.containers, cmd.pick);
      if (!containerId) return null;
      const item = productOf(state, containerId);
      return dated({
        ...adjustmentOf(containerId, item, 10),
        locationId: state.containers.get(containerId)?.locationId ?? LOCATION.safeA,
        direction: cmd.increase ? 'increase' : 'decrease',
        amount: amountOf(item, cmd.amount),
        actor: cmd.nurse ? NURSE : PHYSICIAN,
      });
    }
    case 'reverse': {
      const target = at(run.accepted, cmd.pick);
      return target ? dated(reversalOf(target.id)) : null;
    }
  }
}

function execute(commands: readonly Command[], onAccepted?: (before: LedgerState, after: LedgerState, entry: LedgerEntry) => void): Run {
  const run: Run = { state: emptyLedger(PRODUCTS), oracle: new Oracle(), accepted: [], attempted: [], draws: [], containers: [], administrations: [], today: TODAY };
  for (const cmd of commands) {
    const entry = build(run, cmd);
    if (!entry) continue;
    run.attempted.push(entry);
    const before = run.state;
    const frozen = JSON.stringify(snapshot(before));
    const result = applyEntry(before, entry);
    // Refused or not, the state handed in is never changed.
    expect(JSON.stringify(snapshot(before))).toBe(frozen);
    if (!result.ok) {
      expect(result.unmet.length).toBeGreaterThan(0);
      continue;
    }
    run.state = result.value;
    run.accepted.push(entry);
    run.oracle.record(entry);
    if (entry.kind === 'receipt') run.containers.push(...entry.containers.map((c) => c.containerId));
    if (entry.kind === 'draw') {
      run.draws.push(entry);
      run.administrations.push(entry.administrationId);
    }
    checkInvariants(run.state, run.oracle);
    onAccepted?.(before, run.state, entry);
  }
  return run;
}

/** A delivery or two first, then anything, up to 80 steps. */
const sequences = fc
  .tuple(fc.array(receive, { minLength: 1, maxLength: 3 }), fc.array(command, { maxLength: 80, size: 'max' }))
  .map(([first, rest]): Command[] => [...first, ...rest]);

describe('the balance engine under random sequences of entries', () => {
  it('never lets a balance go negative or drift from the sum of its entries', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        execute(commands);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same ledger by replay as by applying entries one at a time', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const run = execute(commands);
        const replayed = replay(emptyLedger(PRODUCTS), run.accepted);
        expect(replayed.ok).toBe(true);
        if (!replayed.ok) return;
        expect([...replayed.value.containers.values()]).toEqual([...run.state.containers.values()]);
        expect(snapshot(replayed.value)).toEqual(snapshot(run.state));
        expect([...replayed.value.reversedBy]).toEqual([...run.state.reversedBy]);
        expect([...replayed.value.lots.keys()]).toEqual([...run.state.lots.keys()]);
        // Replaying everything that was attempted stops exactly at the first refused entry.
        const firstRefused = run.attempted.findIndex((entry, index) => run.accepted[index]?.id !== entry.id);
        const all = replay(emptyLedger(PRODUCTS), run.attempted);
        if (firstRefused === -1) expect(all.ok).toBe(true);
        else expect(all.ok ? -1 : all.index).toBe(firstRefused);
      }),
      { numRuns: 100 },
    );
  });

  it('reads every accepted entry back from its stored canonical form unchanged, and replays it incrementally to the same ledger', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const run = execute(commands);
        const stored = run.accepted.map((entry) => ledgerEntry.parse(entryFromCanonical(canonicalEntry(entry))));
        expect(stored).toEqual(run.accepted);
        const incremental = replayer(emptyLedger(PRODUCTS));
        for (const entry of stored) expect(incremental.apply(entry).ok).toBe(true);
        expect(snapshot(incremental.state)).toEqual(snapshot(run.state));
      }),
      { numRuns: 100 },
    );
  });

  it('restores the prior balances when any entry is reversed straight after it', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        execute(commands, (before, after, entry) => {
          if (entry.kind === 'reversal') return;
          const undone = applyEntry(after, { ...reversalOf(entry.id), localDate: entry.localDate });
          expect(undone.ok ? [] : undone.unmet.map((u) => u.code)).toEqual([]);
          if (undone.ok) expect(snapshot(undone.value)).toEqual(snapshot(before));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('accepts a meaningful share of random entries (the generators reach the interesting states)', () => {
    const counts = { attempted: 0, accepted: 0, kinds: new Set<string>() };
    fc.assert(
      fc.property(sequences, (commands) => {
        const run = execute(commands);
        counts.attempted += run.attempted.length;
        counts.accepted += run.accepted.length;
        for (const entry of run.accepted) counts.kinds.add(entry.kind === 'waste' ? `waste_${entry.source.from}` : entry.kind);
      }),
      { numRuns: 100, seed: 6 },
    );
    expect(counts.accepted / counts.attempted).toBeGreaterThan(0.2);
    expect([...counts.kinds].sort()).toEqual(
      ['adjustment', 'destruction', 'draw', 'loss_theft', 'receipt', 'return_to_stock', 'return_to_supplier', 'reversal', 'transfer', 'waste_draw', 'waste_stock'].sort(),
    );
  });
});
