/**
 * Where the audited read's time goes, for when bench/read-path.ts disappoints: the statements each
 * request sends and their time (sequential), the ratio with one client and with many, how busy the
 * server's event loop is, and (PostgreSQL) what the database backends wait on under load.
 *
 *   npx tsx bench/read-path-profile.ts        (BENCH_DATABASE_URL=postgres://… for PostgreSQL too)
 *
 * Prints one JSON object on stdout; see bench/README.md.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../packages/server/src/platform/db/index.js';
import { pgliteDatabase, postgresDatabase, type BenchDatabase } from './engines.js';
import { loadOptionsFrom, measure, warmUp, type LoadOptions } from './load.js';
import { labelOf, tapQueries, type TappedQuery } from './query-tap.js';
import { LADDER, ladderRoutes } from './ladder.js';
import { startReadPath, type ReadPathServers } from './read-path-setup.js';

const SEQUENTIAL_REQUESTS = 100;
const round = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places;

function log(line: string): void {
  process.stderr.write(`[profile] ${line}\n`);
}

/** The statements one request sends, averaged over sequential requests, and its wall time. */
async function census(url: string, headers: Readonly<Record<string, string>>): Promise<Record<string, unknown>> {
  const tapped: TappedQuery[] = [];
  const untap = tapQueries(tapped);
  const started = performance.now();
  try {
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
      const response = await fetch(url, { headers });
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      await response.arrayBuffer();
    }
  } finally {
    untap();
  }
  const groups = new Map<string, number[]>();
  for (const query of tapped) groups.set(query.label, [...(groups.get(query.label) ?? []), query.ms]);
  const byLabel: Record<string, { per_request: number; mean_ms: number }> = {};
  for (const [label, times] of groups) {
    byLabel[label] = { per_request: round(times.length / SEQUENTIAL_REQUESTS), mean_ms: round(times.reduce((sum, ms) => sum + ms, 0) / times.length, 3) };
  }
  return {
    request_ms: round((performance.now() - started) / SEQUENTIAL_REQUESTS, 3),
    db_ms_per_request: round(tapped.reduce((sum, q) => sum + q.ms, 0) / SEQUENTIAL_REQUESTS, 3),
    statements_per_request: round(tapped.length / SEQUENTIAL_REQUESTS),
    statements: byLabel,
  };
}

/** Throughput under load, with the share of time the server's event loop was busy. */
async function underLoad(url: string, headers: Readonly<Record<string, string>>, load: LoadOptions): Promise<Record<string, number>> {
  await warmUp(url, headers, load);
  const before = performance.eventLoopUtilization();
  const result = await measure(url, headers, load);
  const elu = performance.eventLoopUtilization(before);
  return { rps: result.rps, p50_ms: result.p50_ms, p99_ms: result.p99_ms, event_loop_busy: round(elu.utilization), loop_ms_per_request: round(elu.active / result.requests, 3) };
}

/** Samples pg_stat_activity while `work` runs: what the bench database's backends are doing. */
async function sampleBackends(database: Database, work: Promise<unknown>): Promise<Record<string, number>> {
  const counts = new Map<string, number>();
  let samples = 0;
  let done = false;
  void work.finally(() => {
    done = true;
  });
  while (!done) {
    const result = await database.db.execute(sql`
      SELECT coalesce(state, '?') AS state, coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS wait, query
        FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
    for (const row of (result as unknown as { rows: { state: string; wait: string; query: string }[] }).rows) {
      const what = row.state === 'active' ? `active, ${row.wait}: ${labelOf(row.query)}` : `${row.state} (${row.wait})`;
      counts.set(what, (counts.get(what) ?? 0) + 1);
    }
    samples += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await work;
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => [what, round(n / samples)]));
}

/** rps of each rung of the ladder, cheapest first. */
async function climbLadder(servers: ReadPathServers, load: LoadOptions): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const rung of LADDER) {
    const measured = await underLoad(`${servers.appOrigin}/api/bench/${rung.path}/${servers.patientId}`, rung.cookie ? servers.headers : {}, load);
    result[rung.rung] = measured.rps ?? 0;
  }
  return result;
}

async function profileEngine(open: () => Promise<BenchDatabase>, load: LoadOptions): Promise<Record<string, unknown>> {
  const bench = await open();
  const servers = await startReadPath(bench, ladderRoutes);
  try {
    log(`${bench.engine}: statement census over ${SEQUENTIAL_REQUESTS} sequential requests each`);
    await warmUp(servers.auditedUrl, servers.headers, load);
    const sequential = { audited: await census(servers.auditedUrl, servers.headers), bare: await census(servers.bareUrl, {}) };
    log(`${bench.engine}: one client`);
    const single = { ...load, connections: 1 };
    const one = { audited: await underLoad(servers.auditedUrl, servers.headers, single), bare: await underLoad(servers.bareUrl, {}, single) };
    log(`${bench.engine}: ${load.connections} clients`);
    const many = { audited: await underLoad(servers.auditedUrl, servers.headers, load), bare: await underLoad(servers.bareUrl, {}, load) };
    log(`${bench.engine}: decomposition ladder (${load.connections} clients)`);
    const ladder = await climbLadder(servers, load);
    let backends: Record<string, number> | null = null;
    if (bench.config.databaseUrl) {
      log(`${bench.engine}: sampling pg_stat_activity under the audited load (mean backends per state)`);
      const sampler = await openDatabase({ databaseUrl: bench.config.databaseUrl, dataDir: null, poolSize: 1 });
      try {
        backends = await sampleBackends(sampler, measure(servers.auditedUrl, servers.headers, load));
      } finally {
        await sampler.close();
      }
    }
    const ratioOf = (pair: { audited: Record<string, number>; bare: Record<string, number> }): number => round((pair.audited.rps ?? 0) / (pair.bare.rps ?? 1), 3);
    return {
      sequential,
      one_client: { ...one, ratio: ratioOf(one) },
      many_clients: { ...many, ratio: ratioOf(many) },
      ladder: { bare: many.bare.rps, ...ladder, 'real route (+ scope, care team, schema)': many.audited.rps },
      backends_under_audited_load: backends,
    };
  } finally {
    await servers.close();
    await bench.dispose();
  }
}

async function main(): Promise<void> {
  console.log = console.error;
  const load = loadOptionsFrom({ BENCH_DURATION: '3', ...process.env });
  const result: Record<string, unknown> = { pglite: await profileEngine(pgliteDatabase, load) };
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) result.postgres = await profileEngine(() => postgresDatabase(serverUrl), load);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
