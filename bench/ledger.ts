/**
 * `npm run bench:ledger` (issue #6): 200 concurrent draw requests over HTTP, on PostgreSQL, against
 * one vial holding stock for 100 of them; then `ledger verify` over 1,000,000 entries. Prints ONE
 * JSON object on stdout (progress goes to stderr).
 *
 * PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://lantern:lantern@127.0.0.1:5432/postgres
 * (a server that allows CREATE DATABASE); the bench creates and drops a database of its own.
 *
 * The million entries are built by the bench, not through the API (that would take hours): a
 * realistic mix of receipts, draws and witnessed waste as core `LedgerEntry` records, hashed into a
 * valid chain in Node and bulk-inserted with the append-only and sealing triggers switched off for
 * the load, with the container and draw rows they imply. The verifier then runs exactly as
 * `lantern ledger verify` does, against the database. BENCH_LEDGER_ENTRIES=200000 builds fewer
 * entries (for a quicker profile with `node --cpu-prof --import tsx bench/ledger.ts`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { canonicalEntry, defaultPolicy, mgOf, type LedgerEntry, type StockView } from '@lantern/core';
import { buildApp } from '../packages/server/src/app.js';
import { depsFor } from '../packages/server/src/platform/bootstrap.js';
import { chainHash } from '../packages/server/src/platform/audit/chain.js';
import { hashPassword } from '../packages/server/src/platform/auth/passwords.js';
import { newId } from '../packages/server/src/platform/ids.js';
import { savePolicyVersion } from '../packages/server/src/platform/policy.js';
import { appUser, clinic, ledgerContainer, patient } from '../packages/server/src/platform/db/schema/index.js';
import type { Database } from '../packages/server/src/platform/db/index.js';
import { nextMrn } from '../packages/server/src/features/patients/repo.js';
import { verifyLedger } from '../packages/server/src/features/ledger/verify.js';
import { drawBody, receiptBody, SUPPLIER, VIAL_100_REQUEST } from '../packages/server/src/features/ledger/ledger-kit.js';
import { baseUrl } from './bare.js';
import { postgresDatabase } from './engines.js';

const REQUESTS = 200;
const STOCK_FOR = 100;
const DRAW_MG = 10;
/** How many entries the verify part builds: 1,000,000 unless BENCH_LEDGER_ENTRIES says otherwise (for profiling). */
const MILLION = Number(process.env.BENCH_LEDGER_ENTRIES || 1_000_000);

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (value: number, places = 1): number => Math.round(value * 10 ** places) / 10 ** places;

interface Seeded {
  readonly clinicId: string;
  readonly nurseId: string;
  readonly patientId: string;
  readonly email: string;
  readonly password: string;
}

async function seed(database: Database): Promise<Seeded> {
  const db = database.db;
  const clinicId = newId();
  const nurseId = newId();
  const patientId = newId();
  const password = 'bench-nurse-passphrase';
  const email = `nurse-${nurseId.slice(-8)}@bench.test`;
  await db.insert(clinic).values({ id: clinicId, name: 'Bench Clinic', addressLine1: '1 Bench St', city: 'Saint Paul', state: 'MN', postalCode: '55101' });
  await savePolicyVersion(db, { clinicId, policy: defaultPolicy(), note: 'bench', createdBy: null });
  await db.insert(appUser).values({ id: nurseId, clinicId, kind: 'staff', email, displayName: 'Bench Nurse, RN', passwordHash: await hashPassword(password), roles: ['nurse', 'physician'], mfaExempt: true });
  await db.insert(patient).values({ id: patientId, clinicId, mrn: await nextMrn(db), legalGivenName: 'Bench', legalFamilyName: 'Patient', dateOfBirth: '1985-06-15', status: 'active' });
  return { clinicId, nurseId, patientId, email, password };
}

/** The HTTP part: 200 simultaneous draws of 10 mg against a vial holding 1000 mg. */
async function concurrentDraws(database: Database, config: Parameters<typeof depsFor>[0], seeded: Seeded) {
  const app = await buildApp(depsFor(config, database));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = baseUrl(app);
  try {
    const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: seeded.email, password: seeded.password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const post = async (url: string, body: unknown) => fetch(`${origin}${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const location = (await (await post('/api/ledger/locations', { name: 'Safe A' })).json()) as { id: string };
    const product = (await (await post('/api/ledger/products', VIAL_100_REQUEST)).json()) as { id: string };
    const stockOf = async (): Promise<StockView> => (await (await fetch(`${origin}/api/ledger/stock?includeEmpty=true`, { headers })).json()) as StockView;
    const today = (await stockOf()).today;
    const received = await post('/api/ledger/entries', receiptBody({ productId: product.id, locationId: location.id, receivedOn: today }));
    if (received.status !== 201) throw new Error(`receipt refused: ${await received.text()}`);
    const vial = (await stockOf()).containers[0]?.id ?? '';
    log(`http: ${REQUESTS} concurrent draws of ${DRAW_MG} mg against a vial of ${STOCK_FOR * DRAW_MG} mg`);
    const latencies: number[] = [];
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: REQUESTS }, async () => {
        const t0 = performance.now();
        const response = await post('/api/ledger/entries', drawBody({ containerId: vial, locationId: location.id, patientId: seeded.patientId, amount: { mg: String(DRAW_MG) } }));
        const body = (await response.json()) as { unmet?: Array<{ code: string }> };
        latencies.push(performance.now() - t0);
        return { status: response.status, code: body.unmet?.[0]?.code ?? null };
      }),
    );
    const elapsed = performance.now() - started;
    const balance = (await stockOf()).containers.find((c) => c.id === vial)?.balanceMg ?? null;
    latencies.sort((a, b) => a - b);
    return {
      requests: REQUESTS,
      succeeded: outcomes.filter((o) => o.status === 201).length,
      refused: outcomes.filter((o) => o.status === 409 && o.code === 'insufficient_stock').length,
      other: outcomes.filter((o) => o.status !== 201 && !(o.status === 409 && o.code === 'insufficient_stock')).length,
      final_balance: balance === null ? null : Number(balance),
      throughput_rps: round(REQUESTS / (elapsed / 1000)),
      p50_ms: round(percentile(latencies, 50)),
      p99_ms: round(percentile(latencies, 99)),
      wall_ms: round(elapsed),
    };
  } finally {
    await app.close();
  }
}

const PER_RECEIPT = 10;
const DRAWS_PER_VIAL = 90;

/**
 * Bulk-loads ledger entries after the ones already there until the chain holds `target`: receipts of
 * ten 1000 mg vials, 90 draws of 10 mg per vial, a witnessed waste of 1 mg after every tenth draw.
 */
async function bulkLoad(database: Database, seeded: Seeded, target: number): Promise<number> {
  const db = database.db;
  const headRow = ((await db.execute(sql`SELECT seq, hash FROM ledger_chain_head WHERE id = 'ledger'`)) as unknown as { rows: Array<{ seq: string | number; hash: string }> }).rows[0];
  let seq = Number(headRow?.seq ?? 0);
  let prevHash = headRow?.hash ?? '0'.repeat(64);
  const [locationRow] = ((await db.execute(sql`SELECT id FROM ledger_location LIMIT 1`)) as unknown as { rows: Array<{ id: string }> }).rows;
  const [productRow] = ((await db.execute(sql`SELECT id FROM ledger_product LIMIT 1`)) as unknown as { rows: Array<{ id: string }> }).rows;
  const locationId = locationRow?.id ?? '';
  const productId = productRow?.id ?? '';
  const actor = { id: seeded.nurseId, roles: ['nurse' as const, 'physician' as const] };
  const witness = { id: newId(), roles: ['nurse' as const] };
  await db.insert(appUser).values({ id: witness.id, clinicId: seeded.clinicId, kind: 'staff', email: `witness-${witness.id.slice(-8)}@bench.test`, displayName: 'Bench Witness, RN', passwordHash: null, roles: ['nurse'] });
  const vial = (hundredths: number) => ({ mass: mgOf(hundredths), volume: { unit: 'mL' as const, microlitres: hundredths / 10 } });
  await database.exec('ALTER TABLE ledger_entry DISABLE TRIGGER USER; ALTER TABLE ledger_draw DISABLE TRIGGER USER; ALTER TABLE ledger_container DISABLE TRIGGER USER; ALTER TABLE ledger_lot DISABLE TRIGGER USER');
  let entries: Array<Record<string, unknown>> = [];
  let containers: Array<Record<string, unknown>> = [];
  let draws: Array<Record<string, unknown>> = [];
  const flush = async (): Promise<void> => {
    if (entries.length) await insertUnnest(database, 'ledger_entry', entries);
    if (containers.length) await insertUnnest(database, 'ledger_container', containers);
    if (draws.length) await insertUnnest(database, 'ledger_draw', draws);
    entries = [];
    containers = [];
    draws = [];
  };
  const at0 = Date.parse('2024-01-02T15:00:00.000Z');
  let loaded = 0;
  const append = (entry: LedgerEntry, extra: Record<string, unknown>): void => {
    const content = canonicalEntry(entry);
    seq += 1;
    const hash = chainHash(prevHash, content);
    entries.push({ id: entry.id, seq, clinic_id: seeded.clinicId, kind: entry.kind, at: entry.at, local_date: entry.localDate, actor_id: entry.actor.id, content, prev_hash: prevHash, hash, ...extra });
    prevHash = hash;
    loaded += 1;
  };
  let receiptNo = 0;
  while (seq < target) {
    receiptNo += 1;
    const lotId = newId();
    const lotNumber = `BULK${receiptNo}`;
    const day = new Date(at0 + receiptNo * 3_600_000);
    const at = day.toISOString();
    const localDate = at.slice(0, 10);
    await db.execute(sql`INSERT INTO ledger_lot (id, clinic_id, product_id, lot_number, expires_on, supplier_name, supplier_address, supplier_dea_number) VALUES (${lotId}, ${seeded.clinicId}, ${productId}, ${lotNumber}, '2099-12-31', ${SUPPLIER.name}, ${SUPPLIER.address}, ${SUPPLIER.deaNumber})`);
    const lines = Array.from({ length: PER_RECEIPT }, () => ({ containerId: newId(), amount: vial(100_000) }));
    const receipt: LedgerEntry = {
      id: newId(), at, localDate, actor, kind: 'receipt', locationId, invoiceNumber: `INV-${receiptNo}`, receivedOn: localDate,
      lot: { id: lotId, productId, lotNumber, expiresOn: '2099-12-31', supplier: { ...SUPPLIER } },
      containers: lines,
    };
    append(receipt, { lot_id: lotId, source_type: 'invoice', source_id: receipt.kind === 'receipt' ? receipt.invoiceNumber : null });
    for (const [index, line] of lines.entries()) {
      let balance = 100_000;
      for (let d = 0; d < DRAWS_PER_VIAL && seq < target; d += 1) {
        const draw: LedgerEntry = {
          id: newId(), at, localDate, actor, kind: 'draw', containerId: line.containerId, locationId, amount: vial(1_000),
          medicineSessionId: newId(), administrationId: newId(), patientId: seeded.patientId,
        };
        balance -= 1_000;
        append(draw, { container_id: line.containerId, lot_id: lotId, patient_id: seeded.patientId, source_type: 'medicine_session', source_id: draw.medicineSessionId });
        let wasted = 0;
        if (d % 10 === 9 && seq < target) {
          const waste: LedgerEntry = {
            id: newId(), at, localDate, actor, kind: 'waste', source: { from: 'draw', drawEntryId: draw.id }, amount: vial(100), method: 'denaturing_container', witness,
          };
          wasted = 100;
          append(waste, { lot_id: lotId, witness_id: witness.id, source_type: 'draw', source_id: draw.id });
        }
        draws.push({ entry_id: draw.id, clinic_id: seeded.clinicId, medicine_session_id: draw.medicineSessionId, administration_id: draw.administrationId, patient_id: seeded.patientId, container_id: line.containerId, amount_hundredths: 1_000, wasted_hundredths: wasted, returned_hundredths: 0 });
      }
      containers.push({ id: line.containerId, clinic_id: seeded.clinicId, lot_id: lotId, product_id: productId, location_id: locationId, label: `${lotNumber} #${index + 1}`, balance_hundredths: balance, opened: balance < 100_000, receipt_entry_id: receipt.id });
    }
    if (entries.length >= 20_000) {
      await flush();
      if (receiptNo % 50 === 0) log(`bulk: ${seq} entries`);
    }
  }
  await flush();
  await db.execute(sql`UPDATE ledger_chain_head SET seq = ${seq}, hash = ${prevHash}, prev_hash = ${prevHash} WHERE id = 'ledger'`);
  await database.exec('ALTER TABLE ledger_entry ENABLE TRIGGER USER; ALTER TABLE ledger_draw ENABLE TRIGGER USER; ALTER TABLE ledger_container ENABLE TRIGGER USER; ALTER TABLE ledger_lot ENABLE TRIGGER USER');
  return loaded;
}

const COLUMN_TYPES: Record<string, string> = {
  id: 'uuid', seq: 'bigint', clinic_id: 'uuid', kind: 'text', at: 'timestamptz', local_date: 'date', actor_id: 'uuid', witness_id: 'uuid', container_id: 'uuid', lot_id: 'uuid',
  patient_id: 'uuid', source_type: 'text', source_id: 'text', reverses_entry_id: 'uuid', content: 'text', prev_hash: 'text', hash: 'text', product_id: 'uuid', location_id: 'uuid',
  label: 'text', balance_hundredths: 'bigint', opened: 'boolean', receipt_entry_id: 'uuid', entry_id: 'uuid', medicine_session_id: 'uuid', administration_id: 'uuid',
  amount_hundredths: 'bigint', wasted_hundredths: 'bigint', returned_hundredths: 'bigint',
};

/** One INSERT … SELECT FROM unnest(arrays): a few round trips for tens of thousands of rows. */
async function insertUnnest(database: Database, table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const arrays = columns.map((column) => rows.map((row) => row[column] ?? null));
  const select = columns.map((column, i) => sql`${sql.param(arrays[i])}::${sql.raw(COLUMN_TYPES[column] ?? 'text')}[]`);
  await database.db.execute(sql`INSERT INTO ${sql.raw(table)} (${sql.raw(columns.join(', '))}) SELECT * FROM unnest(${sql.join(select, sql`, `)})`);
}

interface CliVerdict {
  readonly ok: boolean;
  readonly entries: number;
  readonly firstBad: unknown;
  readonly seconds: number;
}

/** How many times the command is timed; the median run is reported, and every run's time. */
const VERIFY_RUNS = 3;

/** Runs `lantern ledger verify --json` against `databaseUrl` VERIFY_RUNS times, timing each from the outside. */
function verifyByCli(databaseUrl: string): { wallSeconds: number; build: string; verdict: CliVerdict; runs: number[] } {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const env = { ...process.env, DATABASE_URL: databaseUrl, LANTERN_DATA_DIR: '' };
  // Build first (incremental), so the command timed is the current code, compiled as shipped.
  const built = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b', `${root}packages/core`, `${root}packages/server`], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the server does not build');
  const build = existsSync(`${root}packages/server/dist/cli.js`) ? 'compiled CLI' : 'CLI from source via tsx';
  const runs = Array.from({ length: VERIFY_RUNS }, () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [`${root}packages/server/bin/lantern.js`, 'ledger', 'verify', '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 20 });
    const wallSeconds = (performance.now() - started) / 1000;
    if (run.status !== 0 && run.status !== 1) throw new Error(`lantern ledger verify exited ${run.status}: ${run.stderr}`);
    const verdict = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as CliVerdict;
    log(`verify: ${wallSeconds.toFixed(2)} s (${verdict.seconds} s in the command), ok ${verdict.ok}`);
    return { wallSeconds, verdict };
  });
  // The median run: on a shared 2-vCPU machine one run can be a second or two off either way.
  const median = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds)[Math.floor(runs.length / 2)] ?? runs[0];
  if (!median) throw new Error('no verify run');
  return { ...median, build, runs: runs.map((run) => run.wallSeconds) };
}

async function main(): Promise<void> {
  console.log = console.error;
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://lantern:lantern@127.0.0.1:5432/postgres';
  log('postgres: a fresh database on the bench server');
  const bench = await postgresDatabase(serverUrl);
  try {
    const seeded = await seed(bench.database);
    const http = await concurrentDraws(bench.database, bench.config, seeded);
    const small = await verifyLedger(bench.database.db);
    log(`verify after the draws: ${JSON.stringify(small)}`);
    log(`bulk: loading ledger entries up to ${MILLION}`);
    const loadStarted = performance.now();
    const loaded = await bulkLoad(bench.database, seeded, MILLION);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    // A ledger that grew over years has been vacuumed: hint bits set and statistics current, as here.
    await bench.database.exec('VACUUM (ANALYZE) ledger_entry, ledger_container, ledger_draw');
    // Write out the gigabyte the load and the vacuum dirtied now, rather than while verify reads
    // (a CHECKPOINT needs a superuser or pg_checkpoint; without either, the timing includes it).
    await bench.database.exec('CHECKPOINT').catch((error: unknown) => log(`bulk: no CHECKPOINT (${error instanceof Error ? error.message : String(error)})`));
    log(`bulk: ${loaded} entries in ${round(loadSeconds)} s; verifying`);
    // The real command, as an operator runs it: `lantern ledger verify --json` against this database.
    const cli = verifyByCli(bench.config.databaseUrl ?? '');
    const big = cli.verdict;
    const [containers] = ((await bench.database.db.execute(sql`SELECT count(*) AS n FROM ${ledgerContainer}`)) as unknown as { rows: Array<{ n: string }> }).rows;
    const result = {
      ...http,
      verify_ok: small.ok,
      verify_1m_entries_s: round(cli.wallSeconds, 2),
      verify_1m_runs_s: cli.runs.map((seconds) => round(seconds, 2)),
      verify_1m_in_command_s: big.seconds,
      verify_1m_ok: big.ok,
      verify_1m_entries: big.entries,
      verify_1m_first_bad: big.firstBad,
      verify_1m_method: `bulk SQL insert of generated entries (receipts, draws, witnessed waste) with hashes computed in Node, then \`lantern ledger verify --json\` (${cli.build}) against PostgreSQL, ${VERIFY_RUNS} runs, the median reported; wall time includes starting the command`,
      bulk_load_s: round(loadSeconds, 1),
      containers: Number(containers?.n ?? 0),
      engine: 'postgres',
      settings: { cpus: os.availableParallelism(), load_average_1m: round(os.loadavg()[0] ?? 0, 2), node: process.version },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await bench.dispose();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
