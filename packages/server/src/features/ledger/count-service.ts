import {
  addClinicDays,
  assessLoss,
  compareCount,
  Conflict,
  countSheet,
  discrepancyDrafts,
  formatMg,
  isDuplicateCount,
  ledgerStateFrom,
  mgOf,
  NotFound,
  productLabel,
  resolutionLinkProblems,
  resolutionProblems,
  resolveCountLines,
  smallLossPattern,
  unwrapLedger,
  ledgerError,
  ValidationError,
  type CountKind,
  type CountSheetView,
  type CountView,
  type DiscrepancyRecord,
  type DiscrepancyView,
  type LedgerPolicy,
  type Reauthentication,
  type CountRecord,
  type CountRequest,
} from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/index.js';
import { transact } from '../../platform/audit/trail.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { newId } from '../../platform/ids.js';
import { clinicTime } from './clinic-time.js';
import * as counts from './count-repo.js';
import { checkCredentials, confirm, countFailedConfirmation } from './reauth.js';
import * as repo from './repo.js';
import { mgText, mlTextOf } from './views.js';

/**
 * Counts (clinical.md §6.3): the sheet shows what each container at a location should hold; two
 * people, both signed in on this device, enter what they find; differences beyond the policy's
 * tolerance become discrepancy records, resolved later with a reason (explained, adjusted by an
 * adjustment entry, or reported as a loss). A pattern of small losses is flagged by policy.
 */

async function stateAt(tx: Executor, clinicId: string, locationId: string) {
  const rows = await counts.lockContainersAt(tx, clinicId, locationId);
  const products = await repo.products(tx, clinicId);
  const lots = await repo.lots(tx, clinicId, [...new Set(rows.map((row) => row.lotId))]);
  return { rows, products, state: ledgerStateFrom({ products, lots: lots.map(repo.lotOfRow), containers: rows.map(repo.containerStateOf) }) };
}

async function requireLocation(tx: Executor, clinicId: string, locationId: string): Promise<void> {
  const known = await repo.locations(tx, clinicId);
  if (!known.some((row) => row.id === locationId)) throw new ValidationError(['locationId'], 'No such storage location');
}

export async function sheet(deps: AppDeps, ctx: AuthedContext, locationId: string): Promise<CountSheetView> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    await requireLocation(tx, clinicId, locationId);
    const { today } = await clinicTime(tx, ctx);
    const { rows, products, state } = await stateAt(tx, clinicId, locationId);
    const labels = new Map(rows.map((row) => [row.id, row.label] as const));
    const byProduct = new Map(products.map((item) => [item.id, item] as const));
    const taken = await counts.scheduledCountsOn(tx, clinicId, locationId, today);
    audit.record({ action: 'read', resourceType: 'LedgerCountSheet', resourceId: locationId });
    return {
      locationId,
      today,
      lines: countSheet(state, locationId).map((line) => {
        const item = byProduct.get(line.productId);
        return {
          containerId: line.containerId,
          label: labels.get(line.containerId) ?? '',
          productLabel: item ? productLabel(item) : '',
          lotNumber: line.lotNumber,
          form: item?.form ?? 'injection_solution',
          expectedMg: formatMg(line.expected),
          expectedMl: item ? mlTextOf(item, line.expected.hundredths) : null,
          opened: line.opened,
        };
      }),
      takenToday: taken.map((row) => row.kind).filter((kind) => kind !== 'ad_hoc'),
    };
  });
}

function discrepancyView(row: counts.DiscrepancyRow): DiscrepancyView {
  return {
    id: row.id,
    countId: row.countId,
    containerId: row.containerId,
    containerLabel: row.containerLabel,
    foundOn: row.foundOn,
    expectedMg: mgText(row.expectedHundredths),
    countedMg: mgText(row.countedHundredths),
    differenceMg: mgText(row.differenceHundredths),
    resolution: (row.resolution ?? 'unresolved') as DiscrepancyView['resolution'],
    reason: row.reason,
  };
}

/** The small-loss pattern and significance of a count's shortfall, judged on the policy. */
async function lossJudgement(tx: Executor, clinicId: string, today: string, shortfall: number, policy: LedgerPolicy) {
  const history = (await counts.shortfallsBetween(tx, clinicId, addClinicDays(today, -(policy.smallLossWindowDays - 1)), today)).map((s) => ({ on: s.on, amount: mgOf(s.hundredths) }));
  const pattern = smallLossPattern(history, today, policy);
  const significance = shortfall > 0 ? assessLoss({ on: today, amount: mgOf(shortfall), theft: false }, [], policy) : { significant: false, reasons: [] };
  return {
    smallLossPattern: { flagged: pattern.flagged, count: pattern.count, totalMg: formatMg(pattern.total), reasons: [...pattern.reasons] },
    significantLoss: { significant: significance.significant || pattern.flagged, reasons: [...significance.reasons, ...pattern.reasons.map((r) => `Pattern of small losses: ${r}`)] },
  };
}

async function countViewOf(tx: Executor, clinicId: string, row: counts.CountRow, policy: LedgerPolicy): Promise<CountView> {
  const lines = row.lines as counts.StoredCountLine[];
  const containers = new Map((await repo.containersByIds(tx, lines.map((l) => l.containerId))).map((c) => [c.id, c.label] as const));
  const names = await repo.staffNames(tx, [row.firstCounterId, row.secondCounterId]);
  const found = await counts.discrepancies(tx, clinicId, { countIds: [row.id] });
  const shortfall = found.reduce((sum, d) => sum + Math.max(0, -d.differenceHundredths), 0);
  return {
    id: row.id,
    kind: row.kind as CountKind,
    locationId: row.locationId,
    countedOn: row.countedOn,
    countedAt: row.countedAt.toISOString(),
    counters: [names.get(row.firstCounterId) ?? 'unknown', names.get(row.secondCounterId) ?? 'unknown'],
    lines: lines.map((line) => ({
      containerId: line.containerId,
      containerLabel: containers.get(line.containerId) ?? '',
      expectedMg: mgText(line.expected),
      countedMg: mgText(line.counted),
      differenceMg: mgText(line.difference),
      estimated: line.estimated,
    })),
    discrepancies: found.map(discrepancyView),
    ...(await lossJudgement(tx, clinicId, row.countedOn, shortfall, policy)),
  };
}

/** Records a count by the caller and a second person who confirms on this device. */
export async function recordCount(deps: AppDeps, ctx: AuthedContext, body: { readonly count: CountRequest; readonly secondCounter: Reauthentication }): Promise<CountView> {
  const clinicId = ctx.auth.user.clinicId;
  if (body.secondCounter.userId !== body.count.secondCounterId) {
    throw new ValidationError(['secondCounter', 'userId'], 'The person confirming is not the second counter the count names');
  }
  const checked = await checkCredentials(deps, clinicId, body.secondCounter, ctx.now);
  try {
    return await transact(deps.db, ctx, async (tx, audit) => {
      const { policy } = await deps.policies.current(clinicId, tx);
      const { today } = await clinicTime(tx, ctx);
      await requireLocation(tx, clinicId, body.count.locationId);
      const second = await confirm(tx, { checked, clinicId, purpose: 'second_counter', audit, now: ctx.now });
      const id = newId();
      if (isDuplicateCount(await counts.scheduledCountsOn(tx, clinicId, body.count.locationId, today), { kind: body.count.kind, locationId: body.count.locationId, countedOn: today })) {
        throw new Conflict('This count has already been taken today at this location', 'count_already_taken');
      }
      const { state } = await stateAt(tx, clinicId, body.count.locationId);
      const lines = unwrapLedger(resolveCountLines(state, body.count.lines));
      const outside = lines.findIndex((line) => state.containers.get(line.containerId)?.locationId !== body.count.locationId);
      if (outside >= 0) throw new ValidationError(['count', 'lines', outside, 'containerId'], 'This container is not kept at the location being counted');
      const record: CountRecord = {
        id,
        kind: body.count.kind,
        locationId: body.count.locationId,
        countedOn: today,
        countedBy: [{ id: ctx.auth.user.id, roles: [...ctx.auth.user.roles] }, { id: second.id, roles: second.roles }],
        lines,
      };
      const compared = compareCount(countSheet(state, body.count.locationId), record, policy.ledger);
      if (!compared.ok) throw ledgerError(compared.unmet);
      const drafts = discrepancyDrafts(compared.value, { countId: id, foundOn: today }).map((draft) => ({ ...draft, id: newId() }));
      const row = {
        id,
        clinicId,
        kind: record.kind,
        locationId: record.locationId,
        countedOn: today,
        countedAt: ctx.now,
        firstCounterId: ctx.auth.user.id,
        secondCounterId: second.id,
        lines: compared.value.lines.map(counts.storedLine),
      };
      await counts.insertCount(tx, row, drafts);
      audit.record({ action: 'create', resourceType: 'LedgerCount', resourceId: id, detail: { kind: record.kind, discrepancies: drafts.length } });
      return countViewOf(tx, clinicId, row, policy.ledger);
    });
  } catch (error) {
    await countFailedConfirmation(deps, error, ctx.now);
    if (isUniqueViolation(error)) throw new Conflict('This count has already been taken today at this location', 'count_already_taken');
    throw error;
  }
}

export async function listCounts(deps: AppDeps, ctx: AuthedContext, range: { readonly from: string; readonly to: string }): Promise<CountView[]> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const { policy } = await deps.policies.current(clinicId, tx);
    const rows = await counts.counts(tx, clinicId, range);
    audit.record({ action: 'query', resourceType: 'LedgerCount', detail: { returned: rows.length } });
    const views: CountView[] = [];
    for (const row of rows) views.push(await countViewOf(tx, clinicId, row, policy.ledger));
    return views;
  });
}

export async function openDiscrepancies(deps: AppDeps, ctx: AuthedContext): Promise<DiscrepancyView[]> {
  const clinicId = ctx.auth.user.clinicId;
  return transact(deps.db, ctx, async (tx, audit) => {
    const rows = await counts.discrepancies(tx, clinicId, { unresolvedOnly: true });
    audit.record({ action: 'query', resourceType: 'LedgerDiscrepancy', detail: { returned: rows.length } });
    return rows.map(discrepancyView);
  });
}

/**
 * Resolves a discrepancy once: explained, adjusted (by an adjustment entry), or reported as a loss (by
 * a loss/theft entry); a linked entry is of the discrepancy's container and not reversed.
 */
export async function resolveDiscrepancy(
  deps: AppDeps,
  ctx: AuthedContext,
  id: string,
  input: { readonly resolution: 'explained' | 'adjusted' | 'reported_as_loss'; readonly reason: string; readonly adjustmentEntryId: string | null; readonly lossEntryId: string | null },
): Promise<DiscrepancyView> {
  const clinicId = ctx.auth.user.clinicId;
  try {
    return await transact(deps.db, ctx, async (tx, audit) => {
      const [found] = await counts.discrepancies(tx, clinicId, { id });
      if (!found) throw new NotFound('No such discrepancy');
      if (found.resolution) throw new Conflict('This discrepancy is already resolved', 'already_resolved');
      const record: DiscrepancyRecord = {
        id,
        countId: found.countId,
        containerId: found.containerId,
        foundOn: found.foundOn,
        expected: mgOf(found.expectedHundredths),
        counted: mgOf(found.countedHundredths),
        difference: mgOf(found.differenceHundredths),
        reason: input.reason,
        resolution: input.resolution,
        adjustmentEntryId: input.adjustmentEntryId,
        lossEntryId: input.lossEntryId,
        resolvedBy: { id: ctx.auth.user.id, roles: [...ctx.auth.user.roles] },
      };
      const linked = [input.adjustmentEntryId, input.lossEntryId].filter((entryId): entryId is string => entryId !== null);
      // The container's lock orders this against a reversal of the linked entry (which locks it too),
      // so an entry reversed meanwhile is seen as reversed here, and against another resolution
      // linking the same entry (which must be of this container), so only one of them takes it.
      await repo.lockContainers(tx, clinicId, [found.containerId]);
      const lookup = {
        entries: new Map((await repo.entriesByIds(tx, clinicId, linked)).map((row) => [row.id, repo.entryOfRow(row)] as const)),
        reversedBy: new Map(await repo.reversalsOf(tx, linked)),
        linkedTo: new Map(await counts.resolutionsLinking(tx, linked)),
      };
      const problems = [...resolutionProblems(record), ...resolutionLinkProblems(record, lookup)];
      if (problems.length > 0) throw ledgerError(problems);
      await counts.insertResolution(tx, {
        discrepancyId: id,
        resolution: input.resolution,
        reason: input.reason,
        adjustmentEntryId: input.adjustmentEntryId,
        lossEntryId: input.lossEntryId,
        resolvedBy: ctx.auth.user.id,
        resolvedAt: ctx.now,
      });
      audit.record({ action: 'update', resourceType: 'LedgerDiscrepancy', resourceId: id, detail: { resolution: input.resolution } });
      return discrepancyView({ ...found, resolution: input.resolution, reason: input.reason });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('This discrepancy is already resolved', 'already_resolved');
    throw error;
  }
}
