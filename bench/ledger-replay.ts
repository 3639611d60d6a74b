/**
 * The replay half of `ledger verify`, without the database: N canonical entries shaped like the
 * bench's bulk load (receipts of ten 1000 mg vials, 90 draws of 10 mg per vial, a witnessed waste
 * after every tenth draw) parsed and replayed through the core rules. Prints one JSON object.
 * BENCH_LEDGER_ENTRIES (default 1,000,000).
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { canonicalEntry, emptyLedger, entryFromCanonical, replayer, type LedgerEntry } from '../packages/core/src/index.js';
import { drawOf, PRODUCTS, receiptOf, VIAL_100, wasteOfDraw } from '../packages/core/src/ledger/fixtures.js';

const N = Number(process.env.BENCH_LEDGER_ENTRIES || 1_000_000);
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

const texts: string[] = [];
while (texts.length < N) {
  const receipt = receiptOf(VIAL_100, { count: 10, id: randomUUID() });
  texts.push(canonicalEntry(receipt));
  for (const line of receipt.containers) {
    for (let d = 0; d < 90 && texts.length < N; d += 1) {
      const draw = drawOf(receipt, VIAL_100, 1_000, { id: randomUUID(), containerId: line.containerId, administrationId: randomUUID(), medicineSessionId: randomUUID() });
      texts.push(canonicalEntry(draw));
      if (d % 10 === 9 && texts.length < N) texts.push(canonicalEntry(wasteOfDraw(draw, VIAL_100, 100, { id: randomUUID() })));
    }
  }
}
global.gc?.();
gcMs = 0;
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const cpu = process.cpuUsage();
let parseMs = 0;
const replay = replayer(emptyLedger(PRODUCTS));
for (const text of texts) {
  const t0 = performance.now();
  const entry = entryFromCanonical(text) as LedgerEntry;
  parseMs += performance.now() - t0;
  const applied = replay.apply(entry);
  if (!applied.ok) throw new Error(JSON.stringify(applied.unmet));
}
const totalMs = performance.now() - started;
const cpuUsed = process.cpuUsage(cpu);
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
console.log(JSON.stringify({ texts: texts.length, draws: replay.state.draws.size, entries: N, total_s: +(totalMs / 1000).toFixed(2), cpu_s: +((cpuUsed.user + cpuUsed.system) / 1e6).toFixed(2), parse_s: +(parseMs / 1000).toFixed(2), gc_s: +(gcMs / 1000).toFixed(2), retained_mb: Math.round((heapAfter - heapBefore) / 1e6) }));
