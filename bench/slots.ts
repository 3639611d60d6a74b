/**
 * Slot-finding benchmark (issue #5): `npx tsx bench/slots.ts` (npm script `bench:slots`).
 * Prints exactly one JSON object on stdout; progress goes to stderr. Not a timed test: the
 * numbers describe this machine, and the targets (p95 < 20 ms and < 50 ms) are reported beside them.
 */
import { loadavg } from 'node:os';
import { exampleClinic } from '../packages/core/src/scheduling/example-clinic.js';
import { availabilityMap, defaultSchedulingPolicy, findSlots, localTimeToInstant } from '../packages/core/src/scheduling/index.js';
import type { Slot, SlotQuery } from '../packages/core/src/scheduling/index.js';
import { naivePerMinuteScan } from '../packages/core/src/scheduling/naive-scan.js';

const SEED = 2026;
const ZONE = 'America/Chicago';
const START = '2026-03-02';
const DAYS = 90;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 10);
const TARGETS = { first10_p95_ms: 20, map30_p95_ms: 50 } as const;

const built = performance.now();
const clinic = exampleClinic({ seed: SEED, timeZone: ZONE, startDate: START, days: DAYS, staffCount: 20, roomCount: 6, bookingCount: 2000 });
const setupMs = performance.now() - built;
const policy = defaultSchedulingPolicy();
const lastDate = addDays(START, DAYS - 1);

/** Run i searches from one of the first four weeks, for a rotating pair of care-team therapists. */
function medicineQuery(i: number): SlotQuery {
  const from = addDays(START, i % 28);
  const now = localTimeToInstant(from, '07:00', ZONE);
  const t = clinic.therapists;
  return {
    clinic: clinic.clinic,
    policy,
    appointmentType: clinic.types.medicine_oral,
    staff: clinic.staff,
    rooms: clinic.rooms,
    bookings: clinic.bookings,
    patientIds: ['patient-bench'],
    careTeam: [t[i % t.length] as string, t[(i + 5) % t.length] as string],
    courses: [{ patientId: 'patient-bench', medicineGatesOpenFrom: now, medicineSessions: [] }],
    now,
    range: { from, to: lastDate },
  };
}

/** Run i maps 30 days of preparation slots for one therapist. */
function mapQuery(i: number): SlotQuery {
  const base = medicineQuery(i);
  return {
    ...base,
    appointmentType: clinic.types.preparation,
    careTeam: [clinic.therapists[i % clinic.therapists.length] as string],
    range: { from: base.range.from, to: addDays(base.range.from, 29) },
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function time<T>(run: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

/** Nearest-rank percentile. */
function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

for (let i = 0; i < WARMUP; i++) {
  findSlots(medicineQuery(i), 10);
  availabilityMap(mapQuery(i));
}

const first10: number[] = [];
const map30: number[] = [];
const fastResults: Slot[][] = [];
let slotsFound = 0;
for (let i = 0; i < RUNS; i++) {
  const a = time(() => findSlots(medicineQuery(i), 10));
  first10.push(a.ms);
  slotsFound += a.result.length;
  if (i < NAIVE_RUNS) fastResults.push(a.result);
  map30.push(time(() => availabilityMap(mapQuery(i))).ms);
}
process.stderr.write(`fast: ${RUNS} runs done; naive baseline: ${NAIVE_RUNS} runs…\n`);

const naive: number[] = [];
let naiveAgrees = true;
for (let i = 0; i < NAIVE_RUNS; i++) {
  const run = time(() => naivePerMinuteScan(medicineQuery(i), 10));
  naive.push(run.ms);
  naiveAgrees &&= JSON.stringify(run.result) === JSON.stringify(fastResults[i]);
  process.stderr.write(`  naive run ${i + 1}/${NAIVE_RUNS}: ${Math.round(run.ms)} ms\n`);
}

const first10P95 = percentile(first10, 95);
const map30P95 = percentile(map30, 95);
const naiveP95 = percentile(naive, 95);
const sameQueries = naive.map((ms, i) => ms / (first10[i] as number));

process.stdout.write(
  `${JSON.stringify({
    benchmark: 'slots',
    setup:
      `Generated clinic (seed ${SEED}, ${ZONE}): 20 staff (12 therapists, 4 nurses, 4 physicians) with weekday templates, ` +
      `a date override and 3 days off each; 6 rooms (3 dosing, 2 therapy, 1 group); clinic hours Mon-Fri 07:30-20:00, ` +
      `Sat 09:00-13:00, one holiday; ${DAYS} days from ${START} (across the 2026-03-08 DST change); 2,000 bookings. ` +
      `(a) first 10 oral medicine-session slots (care-team therapist + nurse/physician + dosing room, 180 min, ` +
      `15/30 min buffers, 15-min grid) over the rest of the 90 days, rotating care teams and start dates; ` +
      `(b) 30-day availability map of 60-min preparation slots for one therapist. In process, after ${WARMUP} warm-up runs. ` +
      `Baseline: naive per-minute scan of query (a) on the first ${NAIVE_RUNS} of the same queries.`,
    runs: RUNS,
    warmup_runs: WARMUP,
    first10_p50_ms: round(percentile(first10, 50)),
    first10_p95_ms: round(first10P95),
    map30_p50_ms: round(percentile(map30, 50)),
    map30_p95_ms: round(map30P95),
    naive_runs: NAIVE_RUNS,
    naive_p50_ms: round(percentile(naive, 50)),
    naive_p95_ms: round(naiveP95),
    naive_ratio: Math.round((naiveP95 / first10P95) * 10) / 10,
    naive_ratio_same_queries_p50: Math.round(percentile(sameQueries, 50) * 10) / 10,
    naive_agrees: naiveAgrees,
    avg_slots_found: slotsFound / RUNS,
    targets: TARGETS,
    meets_targets: first10P95 < TARGETS.first10_p95_ms && map30P95 < TARGETS.map30_p95_ms,
    clinic_setup_ms: Math.round(setupMs),
    load_average_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
  })}\n`,
);
