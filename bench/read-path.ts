/**
 * The read-path benchmark: what access control and the hash-chained audit cost on the hottest
 * path, GET /api/patients/:id as a signed-in therapist on the patient's care team (session lookup,
 * care-team scope, the row, and an audit row in the same transaction), against a bare Fastify
 * route doing the same SELECT on the same database. Also the server's cold and warm start.
 *
 * Prints one JSON object on stdout; progress goes to stderr. See bench/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyAuditChain } from '../packages/server/src/platform/audit/chain.js';
import { pgliteDatabase, postgresDatabase, type BenchDatabase } from './engines.js';
import { loadOptionsFrom, measure, warmUp, type LoadOptions, type LoadResult } from './load.js';
import { startReadPath } from './read-path-setup.js';
import { timeToHealthy } from './start-time.js';

interface EngineResult {
  readonly audited: LoadResult;
  readonly bare: LoadResult;
  /** audited rps / bare rps: the share of bare throughput left after auth, scope and audit. */
  readonly ratio: number;
  /** Audit rows written per measured audited request (expected: 1), and whether the chain verified after. */
  readonly audit_rows_per_request: number;
  readonly audit_chain_ok: boolean;
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places;

async function benchEngine(open: () => Promise<BenchDatabase>, load: LoadOptions): Promise<EngineResult> {
  const bench = await open();
  try {
    const servers = await startReadPath(bench);
    try {
      log(`${bench.engine}: audited GET /api/patients/:id, ${load.connections} connections, ${load.warmupSeconds}s warm-up + ${load.durationSeconds}s`);
      await warmUp(servers.auditedUrl, servers.headers, load);
      const before = await servers.auditRows();
      const audited = await measure(servers.auditedUrl, servers.headers, load);
      const written = (await servers.auditRows()) - before;
      log(`${bench.engine}: bare GET /bare/patients/:id`);
      await warmUp(servers.bareUrl, {}, load);
      const bare = await measure(servers.bareUrl, {}, load);
      return {
        audited,
        bare,
        ratio: round(audited.rps / bare.rps, 3),
        audit_rows_per_request: round(written / audited.requests, 2),
        audit_chain_ok: (await verifyAuditChain(bench.database.db)).ok,
      };
    } finally {
      await servers.close();
    }
  } finally {
    await bench.dispose();
  }
}

async function startTimes(): Promise<{ cold: number; warm: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lantern-start-'));
  try {
    const dataDir = path.join(dir, 'data');
    log('cold start: node packages/server/dist/main.js on an empty data dir');
    const cold = await timeToHealthy(dataDir);
    log('warm start: the same data dir again');
    const warm = await timeToHealthy(dataDir);
    return { cold, warm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // stdout carries the one JSON result; anything a library prints goes to stderr instead.
  console.log = console.error;
  const load = loadOptionsFrom(process.env);
  const engines: { pglite?: EngineResult; postgres?: EngineResult } = {};
  // BENCH_ENGINES=postgres (or pglite) runs one engine only, for quick comparisons while tuning.
  const only = process.env.BENCH_ENGINES?.split(',');
  if (!only || only.includes('pglite')) {
    log('pglite: temporary data dir');
    engines.pglite = await benchEngine(pgliteDatabase, load);
  }
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl && (!only || only.includes('postgres'))) {
    log('postgres: a fresh database on the BENCH_DATABASE_URL / DATABASE_URL server');
    engines.postgres = await benchEngine(() => postgresDatabase(serverUrl), load);
  } else {
    log('postgres: skipped (set BENCH_DATABASE_URL to a server that allows CREATE DATABASE)');
  }
  const start = process.env.BENCH_START === '0' ? { cold: null, warm: null } : await startTimes();
  const result = {
    engines,
    cold_start_ms: start.cold,
    warm_start_ms: start.warm,
    ratio: (engines.postgres ?? engines.pglite)?.ratio ?? null,
    // Other work on the machine skews throughput; the load average says how busy it was.
    settings: { ...load, cpus: os.availableParallelism(), load_average_1m: round(os.loadavg()[0] ?? 0, 2), node: process.version },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
