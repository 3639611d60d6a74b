import { controlledProduct, emptyLedger, entryFromCanonical, replayer, type ControlledProduct, type DrawState, type LedgerEntry, type Replayer } from '@lantern/core';
import { containerOf, witnessOf } from './entry-row.js';
import { mgText } from './views.js';
import { CHECK_PRIME, SEP, type ReplayCheck, type ReplayRequest, type ReplaySetup } from './verify-protocol.js';

/**
 * The replay half of `lantern ledger verify`: each stored entry's record is parsed, its indexed
 * columns are checked against it, and it is replayed through the core rules; at the end the
 * container and open-draw rows the database holds are compared with the replayed state. This is the
 * verifier's heaviest work, so for a large ledger it runs on a worker thread of its own
 * (`replayInWorker`) while the main thread reads the next rows and checks the chain.
 */

function mismatch(column: string): string {
  return `its ${column} column does not match its record (the row was edited)`;
}

/** A row's columns as they are when they agree with `entry` (the row's clinic taken as it is). */
function expectedColumns(entry: LedgerEntry, clinicId: string): string {
  const patientId = entry.kind === 'draw' ? entry.patientId : '';
  const reversesEntryId = entry.kind === 'reversal' ? entry.reversesEntryId : '';
  return `${entry.id}${SEP}${clinicId}${SEP}${entry.kind}${SEP}${entry.at}${SEP}${entry.localDate}${SEP}${entry.actor.id}${SEP}${witnessOf(entry) ?? ''}${SEP}${containerOf(entry) ?? ''}${SEP}${patientId}${SEP}${reversesEntryId}`;
}

/** The name of the first indexed column that disagrees with the record. */
function columnsMismatch(columns: readonly string[], entry: LedgerEntry): string | null {
  const [id, , kind, at, localDate, actorId, witnessId, containerId, patientId, reversesEntryId] = columns;
  if (entry.id !== id) return 'its record names another entry id';
  if (kind !== entry.kind) return mismatch('kind');
  if (at !== entry.at) return mismatch('at');
  if (localDate !== entry.localDate) return mismatch('localDate');
  if (actorId !== entry.actor.id) return mismatch('actorId');
  if ((containerId || null) !== containerOf(entry)) return mismatch('containerId');
  if ((patientId || null) !== (entry.kind === 'draw' ? entry.patientId : null)) return mismatch('patientId');
  if ((reversesEntryId || null) !== (entry.kind === 'reversal' ? entry.reversesEntryId : null)) return mismatch('reversesEntryId');
  if ((witnessId || null) !== witnessOf(entry)) return mismatch('witnessId');
  return null;
}

export function replayCheck(setup: ReplaySetup): ReplayCheck {
  const products = new Map<string, ControlledProduct[]>();
  for (const row of setup.products) products.set(row.clinicId, [...(products.get(row.clinicId) ?? []), controlledProduct.parse(row.body)]);
  const byClinic = new Map<string, Replayer>();
  const replayOf = (clinicId: string): Replayer => {
    let found = byClinic.get(clinicId);
    if (!found) {
      found = replayer(emptyLedger(products.get(clinicId) ?? []), { idsKnownUnique: setup.idsKnownUnique });
      byClinic.set(clinicId, found);
    }
    return found;
  };

  /** Why a row whose chain links fit is still refused: unreadable, columns edited, or the rules refuse it. */
  const rowFault = (line: string, content: string): string | null => {
    let entry: LedgerEntry;
    try {
      entry = entryFromCanonical(content) as LedgerEntry;
    } catch {
      return 'its record is not readable';
    }
    // The row's clinic follows its id; both are uuids, 36 characters each.
    const clinicId = line.slice(37, 73);
    if (line !== expectedColumns(entry, clinicId)) return columnsMismatch(line.split(SEP), entry) ?? 'its columns do not match its record (the row was edited)';
    const applied = replayOf(clinicId).apply(entry);
    return applied.ok ? null : `replaying it breaks a ledger rule: ${applied.unmet.map((u) => u.message).join('; ')}`;
  };

  const openDraws = (): DrawState[] => [...byClinic.values()].flatMap((replay) => [...replay.state.draws.values()]);

  return {
    rows(columns, contents) {
      for (let index = 0; index < columns.length; index += 1) {
        const reason = rowFault(columns[index] ?? '', contents[index] ?? '');
        if (reason !== null) return { index, reason };
      }
      return null;
    },
    containers(rows) {
      for (const row of rows) {
        const replayed = replayOf(row.clinicId).state.containers.get(row.id);
        if (!replayed) return `container ${row.label} (${row.id}) has no receipt in the ledger`;
        if (replayed.balance.hundredths !== row.balanceHundredths) {
          return `container ${row.label} (${row.id}) holds ${mgText(row.balanceHundredths)} mg on the books but its entries add up to ${mgText(replayed.balance.hundredths)} mg`;
        }
        if (replayed.locationId !== row.locationId) return `container ${row.label} (${row.id}) is at a location its entries do not put it`;
      }
      return null;
    },
    drawChecksum() {
      const draws = openDraws();
      let amount = 0;
      let wasted = 0;
      let returned = 0;
      for (const draw of draws) {
        const weight = Number.parseInt(draw.entryId.slice(0, 5), 16) + 1;
        amount += (weight * (draw.amount.hundredths % CHECK_PRIME)) % CHECK_PRIME;
        wasted += (weight * (draw.wasted.hundredths % CHECK_PRIME)) % CHECK_PRIME;
        returned += (weight * (draw.returned.hundredths % CHECK_PRIME)) % CHECK_PRIME;
      }
      return { count: draws.length, amount: amount % CHECK_PRIME, wasted: wasted % CHECK_PRIME, returned: returned % CHECK_PRIME };
    },
    drawLines(lines) {
      for (const line of lines) {
        const [entryId = '', clinicId = '', amount = '', wasted = '', returned = ''] = line.split(SEP);
        const replayed = replayOf(clinicId).state.draws.get(entryId);
        if (!replayed || replayed.amount.hundredths !== Number(amount) || replayed.wasted.hundredths !== Number(wasted) || replayed.returned.hundredths !== Number(returned)) {
          return `draw ${entryId} does not match its entries`;
        }
      }
      return null;
    },
  };
}

/** The worker's side: one answer per request. */
export function answer(check: ReplayCheck, request: ReplayRequest): unknown {
  switch (request.type) {
    case 'rows':
      return check.rows(request.columns, request.contents);
    case 'containers':
      return check.containers(request.rows);
    case 'drawChecksum':
      return check.drawChecksum();
    case 'drawLines':
      return check.drawLines(request.lines);
  }
}

