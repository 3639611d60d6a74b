import { ledgerStateFrom, type DrawState, type LedgerEntry, type LedgerEntryRequest, type LedgerState } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import * as repo from './repo.js';

/**
 * The part of the ledger one request touches, read under row locks: the containers it moves, the
 * draws it disposes of, the entry it reverses. The core rules then run on exactly this state, and
 * no concurrent request can change it before this one commits, so no balance can go below zero.
 */
export interface RequestState {
  readonly state: LedgerState;
  /** The request, with a receipt's lot pointed at the lot already on file under that number. */
  readonly request: LedgerEntryRequest;
  /** Containers that exist already (a receipt's are new). */
  readonly known: ReadonlySet<string>;
  /** Labels of the existing containers it touches. */
  readonly labels: ReadonlyMap<string, string>;
}

function containersOfEntry(entry: LedgerEntry): string[] {
  switch (entry.kind) {
    case 'receipt':
      return entry.containers.map((line) => line.containerId);
    case 'waste':
      return entry.source.from === 'stock' ? [entry.source.containerId] : [];
    case 'reversal':
      return [];
    case 'transfer':
    case 'draw':
    case 'return_to_stock':
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
    case 'adjustment':
      return [entry.containerId];
  }
}

function drawsOfEntry(entry: LedgerEntry): string[] {
  switch (entry.kind) {
    case 'draw':
      return [entry.id];
    case 'waste':
      return entry.source.from === 'draw' ? [entry.source.drawEntryId] : [];
    case 'return_to_stock':
      return [entry.drawEntryId];
    case 'receipt':
    case 'transfer':
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
    case 'adjustment':
    case 'reversal':
      return [];
  }
}

function requestedDraws(request: LedgerEntryRequest): string[] {
  if (request.kind === 'waste' && request.source.from === 'draw') return [request.source.drawEntryId];
  if (request.kind === 'return_to_stock') return [request.drawEntryId];
  return [];
}

function requestedContainers(request: LedgerEntryRequest): string[] {
  switch (request.kind) {
    case 'receipt':
    case 'reversal':
    case 'return_to_stock':
      return [];
    case 'waste':
      return request.source.from === 'stock' ? [request.source.containerId] : [];
    case 'transfer':
    case 'draw':
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
    case 'adjustment':
      return [request.containerId];
  }
}

/** Loads and locks what `request` touches (draws first, then containers in id order). */
export async function loadRequestState(tx: Executor, clinicId: string, original: LedgerEntryRequest): Promise<RequestState> {
  let request = original;
  const products = await repo.products(tx, clinicId);
  const targets = request.kind === 'reversal' ? (await repo.entriesByIds(tx, clinicId, [request.reversesEntryId])).map(repo.entryOfRow) : [];
  const reversals = await repo.reversalsOf(tx, targets.map((entry) => entry.id));
  const drawRows = await repo.lockOpenDraws(tx, clinicId, [...requestedDraws(request), ...targets.flatMap(drawsOfEntry)]);
  const draws: DrawState[] = drawRows.map(repo.drawStateOf);
  if (request.kind === 'draw') {
    const claimed = await repo.openDrawOfAdministration(tx, clinicId, request.administrationId);
    if (claimed) draws.push(repo.drawStateOf(claimed));
  }
  const containerRows = await repo.lockContainers(tx, clinicId, [
    ...requestedContainers(request),
    ...draws.map((draw) => draw.containerId),
    ...targets.flatMap(containersOfEntry),
  ]);
  const lotIds = new Set(containerRows.map((row) => row.lotId));
  const labels = new Map(containerRows.map((row) => [row.id, row.label] as const));
  if (request.kind === 'receipt') {
    const onFile = await repo.lotByNumber(tx, clinicId, request.lot.productId, request.lot.lotNumber);
    if (onFile) {
      request = { ...request, lot: { ...request.lot, id: onFile.id } };
      lotIds.add(onFile.id);
    }
  }
  const lotRows = await repo.lots(tx, clinicId, [...lotIds]);
  return {
    state: ledgerStateFrom({
      products,
      lots: lotRows.map(repo.lotOfRow),
      containers: containerRows.map(repo.containerStateOf),
      draws,
      entries: targets,
      reversals,
    }),
    request,
    known: new Set(containerRows.map((row) => row.id)),
    labels,
  };
}

/** Labels for a receipt's new containers: "KX1234 #1", numbered after those the lot already has. */
export async function receiptLabels(tx: Executor, entry: LedgerEntry): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (entry.kind !== 'receipt') return labels;
  const already = await repo.containerCountOfLot(tx, entry.lot.id);
  entry.containers.forEach((line, index) => labels.set(line.containerId, `${entry.lot.lotNumber} #${already + index + 1}`));
  return labels;
}
