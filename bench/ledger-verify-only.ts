/**
 * Times `verifyLedger` in this process against an existing database (BENCH_DATABASE_URL), e.g. one
 * kept by `BENCH_KEEP_DATABASE=1 npm run bench:ledger`, so the verifier can be profiled without
 * loading a million entries each time. Run it as the `lantern` command does:
 *   BENCH_DATABASE_URL=postgres://… node --max-semi-space-size=64 --import tsx bench/ledger-verify-only.ts
 * Prints one JSON object: the verdict, wall seconds and the process's CPU seconds.
 */
import os from 'node:os';
import { openDatabase } from '../packages/server/src/platform/db/index.js';
import { verifyLedger } from '../packages/server/src/features/ledger/verify.js';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('Set BENCH_DATABASE_URL to the PostgreSQL database to verify');
const database = await openDatabase({ databaseUrl: url, dataDir: null });
try {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const verdict = await verifyLedger(database.db);
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ...verdict, seconds: Math.round(performance.now() - started) / 1000, cpu_s: Math.round((used.user + used.system) / 1000) / 1000, load_average_1m: os.loadavg()[0] }));
} finally {
  await database.close();
}
