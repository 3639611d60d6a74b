import { asc, isNull, sql } from 'drizzle-orm';
import { controlledProduct, emptyLedger, entryFromCanonical, replayer, type ControlledProduct, type LedgerEntry, type Replayer } from '@lantern/core';
import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/db/index.js';
import { ledgerChainHead, ledgerContainer, ledgerDraw, ledgerEntry, ledgerProduct } from '../../platform/db/schema/index.js';
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
const BATCH = 20_000;

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

async function batchAfter(db: Executor, after: number): Promise<StoredEntry[]> {
  const result = await db.execute(sql`
    SELECT seq::text || ${SEP} || id::text || ${SEP} || clinic_id::text || ${SEP} || kind || ${SEP}
             || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ${SEP} || local_date::text || ${SEP} || actor_id::text || ${SEP}
             || coalesce(witness_id::text, '') || ${SEP} || coalesce(container_id::text, '') || ${SEP} || coalesce(patient_id::text, '') || ${SEP}
             || coalesce(reverses_entry_id::text, '') || ${SEP} || coalesce(prev_hash, '') || ${SEP} || coalesce(hash, '') AS head,
           content
      FROM ledger_entry WHERE ledger_entry.seq > ${after} ORDER BY ledger_entry.seq LIMIT ${BATCH}`);
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

async function replayers(db: Executor): Promise<(clinicId: string) => Replayer> {
  const rows = await db.select({ clinicId: ledgerProduct.clinicId, body: ledgerProduct.body }).from(ledgerProduct);
  const products = new Map<string, ControlledProduct[]>();
  for (const row of rows) products.set(row.clinicId, [...(products.get(row.clinicId) ?? []), controlledProduct.parse(row.body)]);
  const byClinic = new Map<string, Replayer>();
  return (clinicId) => {
    let found = byClinic.get(clinicId);
    if (!found) {
      found = replayer(emptyLedger(products.get(clinicId) ?? []));
      byClinic.set(clinicId, found);
    }
    return found;
  };
}

/** Why an entry whose chain links fit is still refused: unreadable, columns edited, or the rules refuse it. */
function replayProblem(row: StoredEntry, replayOf: (clinicId: string) => Replayer, bad: (reason: string) => RowProblem): RowProblem | null {
  let entry: LedgerEntry;
  try {
    entry = entryFromCanonical(row.content) as LedgerEntry;
  } catch {
    return bad('its record is not readable');
  }
  const mismatch = columnsMismatch(row, entry);
  if (mismatch) return bad(mismatch);
  const applied = replayOf(row.clinicId).apply(entry);
  if (!applied.ok) return bad(`replaying it breaks a ledger rule: ${applied.unmet.map((u) => u.message).join('; ')}`);
  return null;
}

/** The first row of a batch that does not fit, by its index in the batch; `beforeHash` when it is found before the hash would be checked. */
interface RowProblem {
  readonly index: number;
  readonly beforeHash: boolean;
  readonly firstBad: NonNullable<LedgerVerdict['firstBad']>;
}

export async function verifyLedger(db: Executor): Promise<LedgerVerdict> {
  const [unsealed] = await db.select({ id: ledgerEntry.id }).from(ledgerEntry).where(isNull(ledgerEntry.seq)).limit(1);
  const replayOf = await replayers(db);
  const clinics = new Set<string>();
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  // The hashes of a batch are recomputed on a worker thread while the main thread checks the links,
  // the columns and the replay of the same rows, and the next batch is fetched meanwhile.
  const hasher = chainHasher();
  try {
    let next = batchAfter(db, 0);
    for (;;) {
      const rows = await next;
      const last = rows.at(-1);
      if (rows.length === BATCH && last) next = batchAfter(db, last.seq);
      const hashed = hasher.firstMismatch(prevHash, rows);
      let problem: RowProblem | null = null;
      for (const [index, row] of rows.entries()) {
        const seq = row.seq;
        const bad = (beforeHash: boolean, reason: string): RowProblem => ({ index, beforeHash, firstBad: { seq, entryId: row.id, reason } });
        if (seq !== expectedSeq) {
          problem = { index, beforeHash: true, firstBad: { seq: expectedSeq, entryId: null, reason: `entry ${expectedSeq} is missing (next is ${seq})` } };
          break;
        }
        if (row.prevHash !== prevHash) {
          problem = bad(true, 'its previous-hash does not match the entry before it (entries deleted, inserted or reordered)');
          break;
        }
        problem = replayProblem(row, replayOf, (reason) => bad(false, reason));
        if (problem) break;
        clinics.add(row.clinicId);
        prevHash = row.hash ?? '';
        expectedSeq += 1;
      }
      const hashBad = await hashed;
      const start = checked;
      if (hashBad >= 0 && (!problem || hashBad < problem.index || (hashBad === problem.index && !problem.beforeHash))) {
        const row = rows[hashBad];
        return { ok: false, checked: start + hashBad, firstBad: { seq: row?.seq ?? expectedSeq, entryId: row?.id ?? null, reason: 'its content does not match its hash (the entry was edited)' } };
      }
      if (problem) return { ok: false, checked: start + problem.index, firstBad: problem.firstBad };
      checked += rows.length;
      if (rows.length < BATCH) break;
    }
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
  // Open draws compared as one digest (a million rows are cheaper to hash than to ship); a mismatch
  // is then looked for row by row, to name it.
  const [digest] = (
    (await db.execute(sql`
      SELECT count(*)::text AS n, coalesce(md5(string_agg(entry_id::text || ':' || amount_hundredths || ':' || wasted_hundredths || ':' || returned_hundredths, ',' ORDER BY entry_id)), '') AS md5
        FROM ledger_draw WHERE closed_by_entry_id IS NULL`)) as unknown as { rows: Array<{ n: string; md5: string }> }
  ).rows;
  const replayed = clinicIds.flatMap((clinicId) => [...replayOf(clinicId).state.draws.values()]).sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
  const text = replayed.map((d) => `${d.entryId}:${d.amount.hundredths}:${d.wasted.hundredths}:${d.returned.hundredths}`).join(',');
  const md5 = replayed.length ? createHash('md5').update(text).digest('hex') : '';
  if (Number(digest?.n ?? 0) === replayed.length && digest?.md5 === md5) return null;
  const draws = await db.select().from(ledgerDraw).where(isNull(ledgerDraw.closedByEntryId)).orderBy(asc(ledgerDraw.entryId));
  for (const row of draws) {
    const replayedDraw = replayOf(row.clinicId).state.draws.get(row.entryId);
    if (!replayedDraw || replayedDraw.wasted.hundredths !== row.wastedHundredths || replayedDraw.returned.hundredths !== row.returnedHundredths || replayedDraw.amount.hundredths !== row.amountHundredths) {
      return `draw ${row.entryId} does not match its entries`;
    }
  }
  return `${replayed.length - draws.length} open draws of the entries have no draw row`;
}
