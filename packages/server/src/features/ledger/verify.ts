import { asc, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import { ledgerChainHead, ledgerContainer, ledgerEntry, ledgerProduct } from '../../platform/db/schema/index.js';
import { chainHash } from '../../platform/audit/chain.js';
import { CHECK_PRIME, replayHere, replayInWorker, SEP, type AsyncReplayCheck, type RowFault } from './verify-protocol.js';

/**
 * `lantern ledger verify` (issue #6): recomputes the ledger's hash chain in the application,
 * independently of the database's sealing function; checks each entry's indexed columns against its
 * record; replays every entry through the core rules (so an entry the rules would refuse, such as one
 * taking a balance below zero, is named); and compares the container and draw balances the database
 * holds with the replayed ones. The first thing that does not fit is named.
 *
 * For a large ledger two threads share the work: this one reads batches and checks each row's place,
 * link and hash in the chain; a worker parses, checks and replays the records (verify-replay.ts). The
 * worker's verdict on a batch is collected a few batches later, so neither waits for the other; the
 * earliest bad row is the one named either way. A small ledger is replayed on this thread.
 */

export interface LedgerVerdict {
  readonly ok: boolean;
  /** Entries checked before the first bad one (all of them when intact). */
  readonly checked: number;
  readonly firstBad: { readonly seq: number; readonly entryId: string | null; readonly reason: string } | null;
}

const GENESIS = '0'.repeat(64);
/** Rows per query: small enough that a batch in flight stays in V8's young generation. */
const BATCH = 2_000;
/** Batches handed to the replay and not yet judged: enough that neither thread waits for the other. */
const IN_FLIGHT = 4;
/** From this many entries the replay runs on a worker thread; below it, starting one (it loads the rules) costs more than it saves. */
const WORKER_FROM = 20_000;

/** The chain fields of a stored entry, which this thread checks (raw SQL: only the columns it needs). */
interface StoredLink {
  readonly seq: number;
  readonly id: string;
  readonly prevHash: string | null;
  readonly hash: string | null;
}

/** One batch as read: the chain fields, and the indexed columns and record the replay worker checks. */
interface StoredBatch {
  readonly links: StoredLink[];
  readonly columns: string[];
  readonly contents: string[];
}

async function batchAfter(db: Executor, after: number, limit: number): Promise<StoredBatch> {
  const result = await db.execute(sql`
    SELECT seq::text || ${SEP} || coalesce(prev_hash, '') || ${SEP} || coalesce(hash, '') AS link,
           id::text || ${SEP} || clinic_id::text || ${SEP} || kind || ${SEP}
             || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ${SEP} || local_date::text || ${SEP} || actor_id::text || ${SEP}
             || coalesce(witness_id::text, '') || ${SEP} || coalesce(container_id::text, '') || ${SEP} || coalesce(patient_id::text, '') || ${SEP}
             || coalesce(reverses_entry_id::text, '') AS columns,
           content
      FROM ledger_entry WHERE ledger_entry.seq > ${after} ORDER BY ledger_entry.seq LIMIT ${limit}`);
  const rows = (result as unknown as { rows: Array<{ link: string; columns: string; content: string }> }).rows;
  const batch: StoredBatch = { links: [], columns: [], contents: [] };
  for (const row of rows) {
    const [seq = '', prevHash = '', hash = ''] = row.link.split(SEP);
    // The columns begin with the id, a uuid's 36 characters.
    batch.links.push({ seq: Number(seq), id: row.columns.slice(0, 36), prevHash: prevHash || null, hash: hash || null });
    batch.columns.push(row.columns);
    batch.contents.push(row.content);
  }
  return batch;
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

/** The first row of a batch whose place, link or hash in the chain is wrong. */
interface ChainFault {
  readonly index: number;
  readonly firstBad: NonNullable<LedgerVerdict['firstBad']>;
}

/** A batch handed to the replay worker, awaiting its verdict. */
interface InFlight {
  readonly start: number;
  readonly links: readonly StoredLink[];
  readonly chainFault: ChainFault | null;
  /** Only rows before `chainFault` are replayed, so a replay fault is always the earlier one. */
  readonly replayFault: Promise<RowFault | null>;
}

/** The verdict on a batch once the replay worker has answered: its earliest bad row, or null. */
async function judged(batch: InFlight): Promise<LedgerVerdict | null> {
  const replayFault = await batch.replayFault;
  if (replayFault) {
    const link = batch.links[replayFault.index];
    return { ok: false, checked: batch.start + replayFault.index, firstBad: { seq: link?.seq ?? 0, entryId: link?.id ?? null, reason: replayFault.reason } };
  }
  return batch.chainFault && { ok: false, checked: batch.start + batch.chainFault.index, firstBad: batch.chainFault.firstBad };
}

/** Where a row breaks the chain, checked in order: its place, its link to the row before, its hash. */
function chainFaultAt(row: StoredLink, content: string, index: number, expectedSeq: number, prevHash: string): ChainFault | null {
  if (row.seq !== expectedSeq) return { index, firstBad: { seq: expectedSeq, entryId: null, reason: `entry ${expectedSeq} is missing (next is ${row.seq})` } };
  if (row.prevHash !== prevHash) {
    return { index, firstBad: { seq: row.seq, entryId: row.id, reason: 'its previous-hash does not match the entry before it (entries deleted, inserted or reordered)' } };
  }
  if (row.hash !== chainHash(prevHash, content)) return { index, firstBad: { seq: row.seq, entryId: row.id, reason: 'its content does not match its hash (the entry was edited)' } };
  return null;
}

export interface VerifyOptions {
  readonly batchSize?: number;
  /** Where the records are replayed; by default on a worker thread from WORKER_FROM entries on. */
  readonly replayOn?: 'worker' | 'here';
}

export async function verifyLedger(db: Executor, options: VerifyOptions = {}): Promise<LedgerVerdict> {
  const batchSize = options.batchSize ?? BATCH;
  const [unsealed] = await db.select({ id: ledgerEntry.id }).from(ledgerEntry).where(isNull(ledgerEntry.seq)).limit(1);
  const [size] = await db.select({ seq: ledgerChainHead.seq }).from(ledgerChainHead).limit(1);
  const idsKnownUnique = await idsUniqueInTable(db);
  const products = await db.select({ clinicId: ledgerProduct.clinicId, body: ledgerProduct.body }).from(ledgerProduct);
  const onWorker = (options.replayOn ?? ((size?.seq ?? 0) >= WORKER_FROM ? 'worker' : 'here')) === 'worker';
  const replay = onWorker ? replayInWorker({ products, idsKnownUnique }) : await replayHere({ products, idsKnownUnique });
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  try {
    const inFlight: InFlight[] = [];
    // The next batch is asked for before this one is checked; when a bad row ends the check, that
    // request is abandoned, so its failure (if any) is marked handled rather than left unhandled.
    const fetch = (after: number): Promise<StoredBatch> => {
      const request = batchAfter(db, after, batchSize);
      request.catch(() => undefined);
      return request;
    };
    let next = fetch(0);
    for (;;) {
      const batch = await next;
      const last = batch.links.at(-1);
      const full = batch.links.length === batchSize && last !== undefined;
      if (full) next = fetch(last.seq);
      let chainFault: ChainFault | null = null;
      for (const [index, row] of batch.links.entries()) {
        chainFault = chainFaultAt(row, batch.contents[index] ?? '', index, expectedSeq, prevHash);
        if (chainFault) break;
        prevHash = row.hash ?? '';
        expectedSeq += 1;
      }
      const sound = chainFault ? chainFault.index : batch.links.length;
      inFlight.push({ start: checked, links: batch.links, chainFault, replayFault: replay.rows(batch.columns.slice(0, sound), batch.contents.slice(0, sound)) });
      checked += sound;
      if (chainFault || !full) break;
      while (inFlight.length >= IN_FLIGHT) {
        const verdict = await judged(inFlight.shift() as InFlight);
        if (verdict) return verdict;
      }
    }
    for (const batch of inFlight) {
      const verdict = await judged(batch);
      if (verdict) return verdict;
    }
    if (unsealed) return { ok: false, checked, firstBad: { seq: expectedSeq, entryId: unsealed.id, reason: 'an entry has no place in the chain (inserted around the sealing trigger)' } };
    const [head] = await db.select().from(ledgerChainHead).limit(1);
    if (!head) return { ok: false, checked, firstBad: { seq: 0, entryId: null, reason: 'the chain head row is missing' } };
    if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
      return { ok: false, checked, firstBad: { seq: expectedSeq, entryId: null, reason: `the chain head expects ${head.seq} entries but ${expectedSeq - 1} are present (entries removed from the end)` } };
    }
    const projection = await projectionProblem(db, replay);
    if (projection) return { ok: false, checked, firstBad: { seq: expectedSeq - 1, entryId: null, reason: projection } };
    return { ok: true, checked, firstBad: null };
  } finally {
    await replay.close();
  }
}

/** The first container or draw whose stored balance differs from the replayed one. */
async function projectionProblem(db: Executor, replay: AsyncReplayCheck): Promise<string | null> {
  const containers = await db
    .select({ id: ledgerContainer.id, clinicId: ledgerContainer.clinicId, label: ledgerContainer.label, balanceHundredths: ledgerContainer.balanceHundredths, locationId: ledgerContainer.locationId })
    .from(ledgerContainer)
    .orderBy(asc(ledgerContainer.id));
  const container = await replay.containers(containers);
  if (container) return container;
  // Open draws: first one checksum on each side (a count and, per column, a sum weighted by each
  // draw's id, modulo a prime, so any single changed, added or removed row shows); only when they
  // differ are the rows streamed in key order to name the first that does not match.
  const [stored] = ((await db.execute(sql`
    SELECT count(*)::int AS count,
           coalesce(sum(((('x' || substr(entry_id::text, 1, 5))::bit(20)::int + 1)::bigint * (amount_hundredths % ${CHECK_PRIME})) % ${CHECK_PRIME}), 0)::text AS amount,
           coalesce(sum(((('x' || substr(entry_id::text, 1, 5))::bit(20)::int + 1)::bigint * (wasted_hundredths % ${CHECK_PRIME})) % ${CHECK_PRIME}), 0)::text AS wasted,
           coalesce(sum(((('x' || substr(entry_id::text, 1, 5))::bit(20)::int + 1)::bigint * (returned_hundredths % ${CHECK_PRIME})) % ${CHECK_PRIME}), 0)::text AS returned
      FROM ledger_draw WHERE closed_by_entry_id IS NULL`)) as unknown as { rows: Array<{ count: number; amount: string; wasted: string; returned: string }> }).rows;
  const mine = await replay.drawChecksum();
  const modPrime = (sum: string): number => Number(BigInt(sum) % BigInt(CHECK_PRIME));
  if (stored && stored.count === mine.count && modPrime(stored.amount) === mine.amount && modPrime(stored.wasted) === mine.wasted && modPrime(stored.returned) === mine.returned) {
    return null;
  }
  let streamed = 0;
  let next = openDrawsAfter(db, null);
  for (;;) {
    const lines = await next;
    const last = lines.at(-1);
    if (lines.length === DRAW_BATCH && last) next = openDrawsAfter(db, last.slice(0, last.indexOf(SEP)));
    const draw = await replay.drawLines(lines);
    if (draw) return draw;
    streamed += lines.length;
    if (lines.length < DRAW_BATCH) break;
  }
  return `${mine.count - streamed} open draws of the entries have no draw row`;
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
