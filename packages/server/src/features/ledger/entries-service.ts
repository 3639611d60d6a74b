import {
  canonicalEntry,
  Conflict,
  entryFromRequest,
  planEntry,
  reportedLossReversal,
  unwrapLedger,
  ValidationError,
  type EntryView,
  type LedgerEntry,
  type LedgerEntryRequest,
  type LedgerState,
  type RecordEntryRequest,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/ids.js';
import { getPatientWithin } from '../patients/service.js';
import { clinicTime } from './clinic-time.js';
import { containerOf } from './entry-row.js';
import { loadRequestState, receiptLabels } from './entry-state.js';
import { checkCredentials, confirm, countFailedConfirmation } from './reauth.js';
import * as records from './records-repo.js';
import * as repo from './repo.js';
import { entryView } from './views.js';

/** The witness an entry request names, if any (waste, return to stock, destruction). */
function witnessIdOf(request: LedgerEntryRequest): string | null {
  return 'witnessId' in request ? request.witnessId : null;
}

/** The lot an entry is about: a receipt's, the container's it moves, or (waste of a draw) the one drawn from. */
function lotIdOf(entry: LedgerEntry, state: LedgerState, moved: string | null): string | null {
  if (entry.kind === 'receipt') return entry.lot.id;
  if (moved) return moved;
  if (entry.kind === 'waste' && entry.source.from === 'draw') {
    const draw = state.draws.get(entry.source.drawEntryId);
    return draw ? (state.containers.get(draw.containerId)?.lotId ?? null) : null;
  }
  return null;
}

/**
 * Records one ledger entry (issue #6). The witness, when the entry names one, confirms with their
 * own password and code on this device; the rows the entry touches are locked, the core rules decide
 * on exactly that state, and the entry, its effects and the audit fact commit together or not at
 * all. The database seals the entry into the ledger's hash chain as it commits.
 */
export async function recordEntry(deps: AppDeps, ctx: AuthedContext, body: RecordEntryRequest): Promise<EntryView> {
  const clinicId = ctx.auth.user.clinicId;
  const named = witnessIdOf(body.entry);
  if (body.witness && body.witness.userId !== named) {
    throw new ValidationError(['witness', 'userId'], named ? 'The person confirming is not the witness the entry names' : 'This entry takes no witness');
  }
  const checked = body.witness ? await checkCredentials(deps, clinicId, body.witness, ctx.now) : null;
  try {
    return await transact(deps.db, ctx, async (tx, audit) => {
      const { today } = await clinicTime(tx, ctx);
      const witness = checked ? await confirm(tx, { checked, clinicId, purpose: 'witness', audit, now: ctx.now }) : null;
      if (body.entry.kind === 'draw') await getPatientWithin(tx, ctx, audit, body.entry.patientId);
      const locationNames = new Map((await repo.locations(tx, clinicId)).map((row) => [row.id, row.name] as const));
      // From here the rows the entry touches are locked until commit: keep the round trips few.
      const loaded = await loadRequestState(tx, clinicId, body.entry);
      const request = loaded.request;
      if (request.kind === 'reversal') {
        // Checked under the container lock a loss report also takes, so a report and a reversal of the same loss cannot both commit.
        const reported = await records.reportsCovering(tx, clinicId, [request.reversesEntryId]);
        unwrapLedger(reportedLossReversal(request.reversesEntryId, reported.get(request.reversesEntryId)));
      }
      const actor = { id: ctx.auth.user.id, roles: [...ctx.auth.user.roles] };
      const entry = unwrapLedger(
        entryFromRequest(loaded.state, request, {
          id: newId(),
          at: ctx.now.toISOString(),
          localDate: today,
          actor,
          witness: witness ? { id: witness.id, roles: witness.roles } : null,
          newId,
        }),
      );
      const change = unwrapLedger(planEntry(loaded.state, entry));
      const labels = await receiptLabels(tx, entry);
      await repo.writeChange(tx, {
        clinicId,
        change,
        content: canonicalEntry(entry),
        labels,
        known: loaded.known,
        patientId: entry.kind === 'draw' ? entry.patientId : null,
        lotId: lotIdOf(entry, loaded.state, change.containers[0]?.lotId ?? null),
      });
      audit.record({
        action: 'create',
        resourceType: 'LedgerEntry',
        resourceId: entry.id,
        patientId: entry.kind === 'draw' ? entry.patientId : null,
        detail: { kind: entry.kind },
      });
      const containerId = containerOf(entry) ?? change.containers[0]?.containerId ?? null;
      const lot = entry.kind === 'receipt' ? entry.lot : change.containers[0] ? loaded.state.lots.get(change.containers[0].lotId) : undefined;
      return entryView({
        entry,
        seq: null,
        actorName: ctx.auth.user.displayName,
        witnessName: witness?.name ?? null,
        containerId,
        containerLabel: containerId ? (loaded.labels.get(containerId) ?? labels.get(containerId) ?? null) : null,
        lotNumber: lot?.lotNumber ?? null,
        reversedByEntryId: null,
        location: (id) => locationNames.get(id) ?? 'an unknown location',
      });
    });
  } catch (error) {
    await countFailedConfirmation(deps, error, ctx.now);
    if (isUniqueViolation(error)) {
      // Two requests raced for the same administration, reversal or lot: the loser changes nothing.
      throw new Conflict('Another entry was recorded for this at the same moment; reload and check the ledger', 'ledger_conflict');
    }
    throw error;
  }
}
