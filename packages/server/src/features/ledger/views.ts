import {
  containerCapacity,
  containerSizeLabel,
  describeQuantity,
  formatMg,
  formatMgPerMl,
  formatMl,
  isExpired,
  isSolution,
  mgOf,
  mgToMl,
  productLabel,
  strengthLabel,
  type ContainerView,
  type ControlledProduct,
  type EntryView,
  type LedgerAmount,
  type LedgerEntry,
  type ProductView,
} from '@lantern/core';
import type { ContainerRow, LotRow } from './repo.js';

/** Rows to the API's views. Quantities leave as exact decimal text. */

export function mgText(hundredths: number): string {
  return formatMg(mgOf(hundredths));
}

/** The remaining volume of a solution container, or null. */
export function mlTextOf(item: ControlledProduct, hundredths: number): string | null {
  if (!isSolution(item)) return null;
  const volume = mgToMl(mgOf(hundredths), item.concentration);
  return volume.ok ? formatMl(volume.value) : null;
}

export function productView(item: ControlledProduct): ProductView {
  return {
    id: item.id,
    label: productLabel(item),
    substance: item.substance,
    form: item.form,
    strength: strengthLabel(item),
    containerSize: containerSizeLabel(item),
    ndc: item.ndc,
    schedule: item.schedule,
    capacityMg: formatMg(containerCapacity(item)),
    concentrationMgPerMl: isSolution(item) ? formatMgPerMl(item.concentration) : null,
    unitsPerContainer: isSolution(item) ? null : item.unitsPerContainer,
  };
}

export function containerView(row: ContainerRow, lot: LotRow, item: ControlledProduct, locationName: string, today: string): ContainerView {
  return {
    id: row.id,
    label: row.label,
    productId: row.productId,
    lotId: row.lotId,
    lotNumber: lot.lotNumber,
    expiresOn: lot.expiresOn,
    expired: isExpired(lot, today),
    supplierName: lot.supplierName,
    locationId: row.locationId,
    locationName,
    balanceMg: mgText(row.balanceHundredths),
    balanceMl: mlTextOf(item, row.balanceHundredths),
    opened: row.opened,
  };
}

/** "35 mg (0.35 mL)". */
export function describeAmount(amount: LedgerAmount): string {
  return amount.volume ? `${describeQuantity(amount.mass)} (${describeQuantity(amount.volume)})` : describeQuantity(amount.mass);
}

const WASTE_METHOD_WORDS = { denaturing_container: 'denaturing container', sharps_container: 'sharps container', other: 'other method' } as const;

/** One line for people about an entry. Never names a patient. */
export function entrySummary(entry: LedgerEntry, names: { readonly location: (id: string) => string }): string {
  switch (entry.kind) {
    case 'receipt': {
      const first = entry.containers[0];
      return `Received ${entry.containers.length} container${entry.containers.length === 1 ? '' : 's'} of lot ${entry.lot.lotNumber}${first ? `, ${describeAmount(first.amount)} each` : ''}, from ${entry.lot.supplier.name} (invoice ${entry.invoiceNumber})`;
    }
    case 'transfer':
      return `Moved ${describeAmount(entry.amount)} from ${names.location(entry.fromLocationId)} to ${names.location(entry.toLocationId)}`;
    case 'draw':
      return `Drawn ${describeAmount(entry.amount)} for a medicine session`;
    case 'waste':
      return `Wasted ${describeAmount(entry.amount)} ${entry.source.from === 'draw' ? 'of a draw' : 'from stock'} (${entry.method === 'other' ? (entry.methodDetail ?? 'other') : WASTE_METHOD_WORDS[entry.method]})`;
    case 'return_to_stock':
      return `Returned ${describeAmount(entry.amount)} of a draw to stock`;
    case 'return_to_supplier':
      return `Returned ${describeAmount(entry.amount)} to ${entry.supplier.name} (${entry.reference})`;
    case 'destruction':
      return `Destroyed ${describeAmount(entry.amount)} ${entry.method === 'on_site' ? 'on site' : 'via reverse distributor'} (DEA Form 41 ${entry.form41Reference})`;
    case 'loss_theft':
      return `${entry.lossKind === 'theft' ? 'Theft' : 'Loss'} of ${describeAmount(entry.amount)} discovered ${entry.discoveredOn} (DEA Form 106 ${entry.form106Reference ?? 'not yet filed'})`;
    case 'adjustment':
      return `Adjusted ${entry.direction === 'increase' ? 'up' : 'down'} by ${describeAmount(entry.amount)}: ${entry.reason}`;
    case 'reversal':
      return `Reversal of an earlier entry: ${entry.reason}`;
  }
}

/** The entry's signed effect on its container's stock, in mg; null when it moves none or depends on its target. */
export function changeOf(entry: LedgerEntry): string | null {
  switch (entry.kind) {
    case 'receipt':
      return mgText(entry.containers.reduce((sum, line) => sum + line.amount.mass.hundredths, 0));
    case 'draw':
    case 'return_to_supplier':
    case 'destruction':
    case 'loss_theft':
      return mgText(-entry.amount.mass.hundredths);
    case 'waste':
      return entry.source.from === 'stock' ? mgText(-entry.amount.mass.hundredths) : null;
    case 'return_to_stock':
      return mgText(entry.amount.mass.hundredths);
    case 'adjustment':
      return mgText(entry.direction === 'increase' ? entry.amount.mass.hundredths : -entry.amount.mass.hundredths);
    case 'transfer':
    case 'reversal':
      return null;
  }
}

export interface EntryViewInput {
  readonly entry: LedgerEntry;
  readonly seq: number | null;
  readonly actorName: string;
  readonly witnessName: string | null;
  readonly containerId: string | null;
  readonly containerLabel: string | null;
  readonly lotNumber: string | null;
  readonly reversedByEntryId: string | null;
  readonly location: (id: string) => string;
}

export function entryView(input: EntryViewInput): EntryView {
  const { entry } = input;
  return {
    id: entry.id,
    seq: input.seq,
    kind: entry.kind,
    at: entry.at,
    localDate: entry.localDate,
    actorName: input.actorName,
    witnessName: input.witnessName,
    containerId: input.containerId,
    containerLabel: input.containerLabel,
    lotNumber: input.lotNumber,
    changeMg: changeOf(entry),
    summary: entrySummary(entry, { location: input.location }),
    reversesEntryId: entry.kind === 'reversal' ? entry.reversesEntryId : null,
    reversedByEntryId: input.reversedByEntryId,
  };
}
