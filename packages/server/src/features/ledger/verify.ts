import { asc, isNull, sql } from 'drizzle-orm';
import { controlledProduct, emptyLedger, entryFromCanonical, replayer, type ControlledProduct, type DrawState, type LedgerEntry, type Replayer } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { ledgerChainHead, ledgerContainer, ledgerEntry, ledgerProduct } from '../../platform/db/schema/index.js';
import { containerOf, witnessOf } from './entry-row.js';
import { chainHasher } from './verify-hasher.js';
import { mgText } from './views.js';

/**
 * `lantern ledger verify` (issue #6): recomputes the ledger's hash chain in the application,
 * independently of the database's sealing function; checks each entry's indexed columns against its
 * record; replays every entry through the core rules (so an entry the rules would refuse, such as one
 * taking a balance below zero, is named); and compares the container and draw balances the database
 * holds with the replayed ones. The first thing that does not fit is named.
 */

export interface LedgerVerdict {
  readonly ok: boolean;
  /** Entries checked before the first bad one (all of them when intact). */
  readonly checked: number;
  readonly firstBad: { readonly seq: number; readonly entryId: string | null; readonly reason: string } | null;
}

const GENESIS = '0'.repeat(64);
/** Rows per query: small enough that a batch in flight stays in V8's young generation (a 20,000-row batch was promoted and collected as old garbage). */
const BATCH = 2_000;
/** Rows checked between turns of the event loop while the next batch arrives. */
const YIELD_EVERY = 1_000;

/** One stored entry as the verifier reads it (raw SQL: no Date objects, only the columns it checks). */
interface StoredEntry {
  readonly seq: number;
  readonly id: string;
  readonly clinicId: string;
  readonly kind: string;
  /** `at` in the canonical ISO form. */
  readonly at: string;
  readonly localDate: string;
  readonly actorId: string;
  readonly witnessId: string | null;
  readonly containerId: string | null;
  readonly patientId: string | null;
  readonly reversesEntryId: string | null;
  readonly content: string;
  readonly prevHash: string | null;
  readonly hash: string | null;
}

/** Unit separator: joins a row's indexed columns into one field (a million rows parse far faster so). */
const SEP = String.fromCharCode(31);

async function batchAfter(db: Executor, after: number, limit: number): Promise<StoredEntry[]> {
  const result = await db.execute(sql`
    SELECT seq::text || ${SEP} || id::text || ${SEP} || clinic_id::text || ${SEP} || kind || ${SEP}
             || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ${SEP} || local_date::text || ${SEP} || actor_id::text || ${SEP}
             || coalesce(witness_id::text, '') || ${SEP} || coalesce(container_id::text, '') || ${SEP} || coalesce(patient_id::text, '') || ${SEP}
             || coalesce(reverses_entry_id::text, '') || ${SEP} || coalesce(prev_hash, '') || ${SEP} || coalesce(hash, '') AS head,
           content
      FROM ledger_entry WHERE ledger_entry.seq > ${after} ORDER BY ledger_entry.seq LIMIT ${limit}`);
  return (result as unknown as { rows: Array<{ head: string; content: string }> }).rows.map(({ head, content }) => {
    const [seq = '', id = '', clinicId = '', kind = '', at = '', localDate = '', actorId = '', witnessId = '', containerId = '', patientId = '', reversesEntryId = '', prevHash = '', hash = ''] = head.split(SEP);
    return {
      seq: Number(seq),
      id,
      clinicId,
      kind,
      at,
      localDate,
      actorId,
      witnessId: witnessId || null,
      containerId: containerId || null,
      patientId: patientId || null,
      reversesEntryId: reversesEntryId || null,
      content,
      prevHash: prevHash || null,
      hash: hash || null,
    };
  });
}

/** The name of the first indexed column that disagrees with the record (checked for every row, so nothing is allocated here). */
function columnsMismatch(row: StoredEntry, entry: LedgerEntry): string | null {
  if (entry.id !== row.id) return 'its record names another entry id';
  if (row.kind !== entry.kind) return mismatch('kind');
  if (row.at !== entry.at) return mismatch('at');
  if (row.localDate !== entry.localDate) return mismatch('localDate');
  if (row.actorId !== entry.actor.id) return mismatch('actorId');
  if (row.containerId !== containerOf(entry)) return mismatch('containerId');
  if (row.patientId !== (entry.kind === 'draw' ? entry.patientId : null)) return mismatch('patientId');
  if (row.reversesEntryId !== (entry.kind === 'reversal' ? entry.reversesEntryId : null)) return mismatch('reversesEntryId');
  if (row.witnessId !== witnessOf(entry)) return mismatch('witnessId');
  return null;
}

function mismatch(column: string): string {
  return `its ${column} column does not match its record (the row was edited)`;
}

/**
 * Whether the database itself keeps entry ids unique: a valid, unconditional unique index on
 * exactly `ledger_entry.id` (the primary key). Each record's id is checked against its row's, so the
 * replay can then leave out its own duplicate-id lookup; without the index (dropped by someone with
 * the owner's rights) the replay checks every id itself.
 */
async function idsUniqueInTable(db: Executor): Promise<boolean> {
  const result = await db.execute(sql`
    SELECT EXISTS (
      SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
       WHERE i.indrelid = to_regclass('ledger_entry') AND i.indisunique AND i.indisvalid AND i.indnatts = 1
         AND i.indpred IS NULL AND i.indexprs IS NULL AND a.attname = 'id'
    ) AS present`);
  return (result as unknown as { rows: Array<{ present: boolean }> }).rows[0]?.present === true;
}

async function replayers(db: Executor): Promise<(clinicId: string) => Replayer> {
  const idsKnownUnique = await idsUniqueInTable(db);
  const rows = await db.select({ clinicId: ledgerProduct.clinicId, body: ledgerProduct.body }).from(ledgerProduct);
  const products = new Map<string, ControlledProduct[]>();
  for (const row of rows) products.set(row.clinicId, [...(products.get(row.clinicId) ?? []), controlledProduct.parse(row.body)]);
  const byClinic = new Map<string, Replayer>();
  return (clinicId) => {
    let found = byClinic.get(clinicId);
    if (!found) {
      found = replayer(emptyLedger(products.get(clinicId) ?? []), { idsKnownUnique });
      byClinic.set(clinicId, found);
    }
    return found;
  };
}

/** Why an entry whose chain links fit is still refused: unreadable, columns edited, or the rules refuse it. */
function replayProblem(row: StoredEntry, replayOf: (clinicId: string) => Replayer): string | null {
  let entry: LedgerEntry;
  try {
    entry = entryFromCanonical(row.content) as LedgerEntry;
  } catch {
    return 'its record is not readable';
  }
  const mismatch = columnsMismatch(row, entry);
  if (mismatch) return mismatch;
  const applied = replayOf(row.clinicId).apply(entry);
  return applied.ok ? null : `replaying it breaks a ledger rule: ${applied.unmet.map((u) => u.message).join('; ')}`;
}

/** What is wrong with one row, checked in chain order: its place, its link, then its record and replay. */
function rowProblem(row: StoredEntry, index: number, expectedSeq: number, prevHash: string, replayOf: (clinicId: string) => Replayer): RowProblem | null {
  if (row.seq !== expectedSeq) {
    return { index, beforeHash: true, firstBad: { seq: expectedSeq, entryId: null, reason: `entry ${expectedSeq} is missing (next is ${row.seq})` } };
  }
  if (row.prevHash !== prevHash) {
    return { index, beforeHash: true, firstBad: { seq: row.seq, entryId: row.id, reason: 'its previous-hash does not match the entry before it (entries deleted, inserted or reordered)' } };
  }
  const reason = replayProblem(row, replayOf);
  return reason === null ? null : { index, beforeHash: false, firstBad: { seq: row.seq, entryId: row.id, reason } };
}

/** The first row of a batch that does not fit, by its index in the batch; `beforeHash` when it is found before the hash would be checked. */
interface RowProblem {
  readonly index: number;
  readonly beforeHash: boolean;
  readonly firstBad: NonNullable<LedgerVerdict['firstBad']>;
}

/** A batch whose hashes the worker is checking: the index of its first bad hash, or -1. */
interface HashedBatch {
  readonly start: number;
  readonly rows: readonly StoredEntry[];
  readonly hashBad: Promise<number>;
}

/** The verdict on a batch once its hashes are in: the earlier of its first bad hash and `problem`, or null when both are clear. */
async function hashVerdict(batch: HashedBatch, problem: RowProblem | null, expectedSeq: number): Promise<LedgerVerdict | null> {
  const hashBad = await batch.hashBad;
  if (hashBad >= 0 && (!problem || hashBad < problem.index || (hashBad === problem.index && !problem.beforeHash))) {
    const row = batch.rows[hashBad];
    return { ok: false, checked: batch.start + hashBad, firstBad: { seq: row?.seq ?? expectedSeq, entryId: row?.id ?? null, reason: 'its content does not match its hash (the entry was edited)' } };
  }
  return problem ? { ok: false, checked: batch.start + problem.index, firstBad: problem.firstBad } : null;
}

export async function verifyLedger(db: Executor, options: { readonly batchSize?: number } = {}): Promise<LedgerVerdict> {
  const batchSize = options.batchSize ?? BATCH;
  const [unsealed] = await db.select({ id: ledgerEntry.id }).from(ledgerEntry).where(isNull(ledgerEntry.seq)).limit(1);
  const replayOf = await replayers(db);
  const clinics = new Set<string>();
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  // The hashes of a batch are recomputed on a worker thread while the main thread checks the links,
  // the columns and the replay of the same rows, and the next batch is fetched meanwhile. A batch's
  // hash verdict is collected after the next batch is replayed (it is ready by then), unless a row
  // fails first; either way the earliest bad row is the one named.
  const hasher = chainHasher();
  let pending: HashedBatch | null = null;
  let lastProblem: RowProblem | null = null;
  try {
    // A batch is asked for before the one in hand is checked; when a bad row ends the check, that
    // request is abandoned, so its failure (if any) is marked handled rather than left unhandled.
    const fetch = (after: number): Promise<StoredEntry[]> => {
      const request = batchAfter(db, after, batchSize);
      request.catch(() => undefined);
      return request;
    };
    let next = fetch(0);
    for (;;) {
      const rows = await next;
      const last = rows.at(-1);
      if (rows.length === batchSize && last) next = fetch(last.seq);
      const batch: HashedBatch = { start: checked, rows, hashBad: hasher.firstMismatch(prevHash, rows) };
      let problem: RowProblem | null = null;
      for (let index = 0; index < rows.length; index += 1) {
        // Let the event loop take in the next batch meanwhile, so the database keeps sending.
        if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        const row = rows[index];
        if (!row) break;
        problem = rowProblem(row, index, expectedSeq, prevHash, replayOf);
        if (problem) break;
        clinics.add(row.clinicId);
        prevHash = row.hash ?? '';
        expectedSeq += 1;
      }
      const earlier = pending && (await hashVerdict(pending, null, expectedSeq));
      if (earlier) return earlier;
      pending = batch;
      lastProblem = problem;
      checked += problem ? problem.index : rows.length;
      if (problem || rows.length < batchSize) break;
    }
    const verdict = pending && (await hashVerdict(pending, lastProblem, expectedSeq));
    if (verdict) return verdict;
  } finally {
    await hasher.close();
  }
  if (unsealed) return { ok: false, checked, firstBad: { seq: expectedSeq, entryId: unsealed.id, reason: 'an entry has no place in the chain (inserted around the sealing trigger)' } };
  const [head] = await db.select().from(ledgerChainHead).limit(1);
  if (!head) return { ok: false, checked, firstBad: { seq: 0, entryId: null, reason: 'the chain head row is missing' } };
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return { ok: false, checked, firstBad: { seq: expectedSeq, entryId: null, reason: `the chain head expects ${head.seq} entries but ${expectedSeq - 1} are present (entries removed from the end)` } };
  }
  const projection = await projectionProblem(db, replayOf, [...clinics]);
  if (projection) return { ok: false, checked, firstBad: { seq: expectedSeq - 1, entryId: null, reason: projection } };
  return { ok: true, checked, firstBad: null };
}

/** The first container or draw whose stored balance differs from the replayed one. */
async function projectionProblem(db: Executor, replayOf: (clinicId: string) => Replayer, clinicIds: readonly string[]): Promise<string | null> {
  const containers = await db.select().from(ledgerContainer).orderBy(asc(ledgerContainer.id));
  for (const row of containers) {
    const replayed = replayOf(row.clinicId).state.containers.get(row.id);
    if (!replayed) return `container ${row.label} (${row.id}) has no receipt in the ledger`;
    if (replayed.balance.hundredths !== row.balanceHundredths) {
      return `container ${row.label} (${row.id}) holds ${mgText(row.balanceHundredths)} mg on the books but its entries add up to ${mgText(replayed.balance.hundredths)} mg`;
    }
    if (replayed.locationId !== row.locationId) return `container ${row.label} (${row.id}) is at a location its entries do not put it`;
  }
  // Open draws: first one checksum on each side (a count and, per column, a sum weighted by each
  // draw's id, modulo a prime, so any single changed, added or removed row shows); only when they
  // differ are the rows streamed in key order to name the first that does not match.
  const replayedDraws = clinicIds.flatMap((clinicId) => [...replayOf(clinicId).state.draws.values()]);
  const [stored] = ((await db.execute(sql`
    SELECT count(*)::int AS n,
           coalesce(sum(((('x' || substr(entry_id::text, 1, 5))::bit(20)::int + 1)::bigint * (amount_hundredths % ${CHECK_PRIME})) % ${CHECK_PRIME}), 0)::text AS amount,
           coalesce(sum(((('x' || substr(entry_id::text, 1, 5))::bit(20)::int + 1)::bigint * (wasted_hundredths % ${CHECK_PRIME})) % ${CHECK_PRIME}), 0)::text AS wasted,
           coalesce(sum(((('x' || substr(entry_id::text, 1, 5))::bit(20)::int + 1)::bigint * (returned_hundredths % ${CHECK_PRIME})) % ${CHECK_PRIME}), 0)::text AS returned
      FROM ledger_draw WHERE closed_by_entry_id IS NULL`)) as unknown as { rows: Array<{ n: number; amount: string; wasted: string; returned: string }> }).rows;
  const mine = drawChecksum(replayedDraws);
  if (stored && stored.n === replayedDraws.length && Number(BigInt(stored.amount) % BigInt(CHECK_PRIME)) === mine.amount
    && Number(BigInt(stored.wasted) % BigInt(CHECK_PRIME)) === mine.wasted && Number(BigInt(stored.returned) % BigInt(CHECK_PRIME)) === mine.returned) {
    return null;
  }
  let streamed = 0;
  let next = openDrawsAfter(db, null);
  for (;;) {
    const rows = await next;
    const last = rows.at(-1);
    if (rows.length === DRAW_BATCH && last) next = openDrawsAfter(db, last.slice(0, last.indexOf(SEP)));
    for (const row of rows) {
      const [entryId = '', clinicId = '', amount = '', wasted = '', returned = ''] = row.split(SEP);
      const replayed = replayOf(clinicId).state.draws.get(entryId);
      if (!replayed || replayed.amount.hundredths !== Number(amount) || replayed.wasted.hundredths !== Number(wasted) || replayed.returned.hundredths !== Number(returned)) {
        return `draw ${entryId} does not match its entries`;
      }
    }
    streamed += rows.length;
    if (rows.length < DRAW_BATCH) break;
  }
  return `${replayedDraws.length - streamed} open draws of the entries have no draw row`;
}

/** 2^31 - 1: each weighted term stays below 2^51, so the JavaScript sums are exact. */
const CHECK_PRIME = 2_147_483_647;

/** The weighted sums the SQL above computes, over the replayed open draws. */
function drawChecksum(draws: readonly DrawState[]): { amount: number; wasted: number; returned: number } {
  let amount = 0;
  let wasted = 0;
  let returned = 0;
  for (const draw of draws) {
    const weight = Number.parseInt(draw.entryId.slice(0, 5), 16) + 1;
    amount += (weight * (draw.amount.hundredths % CHECK_PRIME)) % CHECK_PRIME;
    wasted += (weight * (draw.wasted.hundredths % CHECK_PRIME)) % CHECK_PRIME;
    returned += (weight * (draw.returned.hundredths % CHECK_PRIME)) % CHECK_PRIME;
  }
  return { amount: amount % CHECK_PRIME, wasted: wasted % CHECK_PRIME, returned: returned % CHECK_PRIME };
}

const DRAW_BATCH = 50_000;

/** Open draw rows after `after` in entry id order, each as one SEP-joined line: id, clinic, amount, wasted, returned. */
async function openDrawsAfter(db: Executor, after: string | null): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT entry_id::text || ${SEP} || clinic_id::text || ${SEP} || amount_hundredths || ${SEP} || wasted_hundredths || ${SEP} || returned_hundredths AS line
      FROM ledger_draw
     WHERE closed_by_entry_id IS NULL ${after === null ? sql`` : sql`AND entry_id > ${after}::uuid`}
     ORDER BY entry_id LIMIT ${DRAW_BATCH}`);
  return (result as unknown as { rows: Array<{ line: string }> }).rows.map((row) => row.line);
}
