import {
  ledgerTimestamp,
  LEDGER_REPORT_TITLES,
  productLabel,
  ValidationError,
  type ControlledProduct,
  type InventoryLine,
  type LedgerEntry,
  type LedgerReportKind,
} from '@lantern/core';
import type { AuditTrail } from '../../platform/audit/trail.js';
import type { Executor } from '../../platform/db/index.js';
import * as counts from './count-repo.js';
import { inventories } from './records-repo.js';
import * as repo from './repo.js';
import { changeOf, describeAmount, entrySummary, mgText } from './views.js';

/**
 * The ledger's reports for a date range (issue #6; 21 CFR 1304.22): each a titled table that the CSV
 * and PDF writers render alike. Patient names and addresses appear only in the dispensing log, whose
 * route admits only physicians, nurses, admins and auditors; each patient exported is audited.
 */

export interface ReportColumn {
  readonly label: string;
  /** Relative width in the PDF. */
  readonly width: number;
}

export interface LedgerReport {
  readonly kind: LedgerReportKind;
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface ReportRequest {
  readonly clinicId: string;
  readonly timeZone: string;
  readonly from: string;
  readonly to: string;
  readonly lotId?: string | undefined;
}

const col = (label: string, width = 1): ReportColumn => ({ label, width });

interface Context {
  readonly tx: Executor;
  readonly request: ReportRequest;
  readonly audit: AuditTrail;
  readonly products: ReadonlyMap<string, ControlledProduct>;
  readonly lots: ReadonlyMap<string, repo.LotRow>;
  readonly names: (id: string | null) => string;
  readonly containers: ReadonlyMap<string, repo.ContainerRow>;
  readonly location: (id: string) => string;
  readonly when: (iso: string) => string;
}

async function entriesOf(ctx: Context, kinds: readonly LedgerEntry['kind'][], options: { readonly lotId?: string; readonly whole?: boolean } = {}) {
  const rows = await repo.listEntryRows(ctx.tx, ctx.request.clinicId, {
    ...(options.whole ? {} : { from: ctx.request.from, to: ctx.request.to }),
    ...(options.lotId ? { lotId: options.lotId } : {}),
    kinds,
    limit: 100_000,
    order: 'oldest',
  });
  return rows.map((row) => ({ row, entry: repo.entryOfRow(row) }));
}

function productOfLot(ctx: Context, lotId: string | null): string {
  const lot = lotId ? ctx.lots.get(lotId) : undefined;
  const item = lot ? ctx.products.get(lot.productId) : undefined;
  return item ? productLabel(item) : '';
}

async function receipts(ctx: Context): Promise<LedgerReport['rows']> {
  const rows: string[][] = [];
  for (const { entry } of await entriesOf(ctx, ['receipt'])) {
    if (entry.kind !== 'receipt') continue;
    const first = entry.containers[0];
    const total = entry.containers.reduce((sum, line) => sum + line.amount.mass.hundredths, 0);
    rows.push([
      entry.receivedOn,
      entry.invoiceNumber,
      productOfLot(ctx, entry.lot.id),
      entry.lot.lotNumber,
      entry.lot.expiresOn,
      String(entry.containers.length),
      first ? describeAmount(first.amount) : '',
      mgText(total),
      `${entry.lot.supplier.name}, ${entry.lot.supplier.address}`,
      entry.lot.supplier.deaNumber,
      ctx.names(entry.actor.id),
    ]);
  }
  return rows;
}

async function dispensing(ctx: Context): Promise<LedgerReport['rows']> {
  const draws = await entriesOf(ctx, ['draw']);
  const reversed = new Map(await repo.reversalsOf(ctx.tx, draws.map((d) => d.row.id)));
  const patientIds = [...new Set(draws.map((d) => d.row.patientId).filter((id): id is string => id !== null))];
  const people = await repo.patientsForLog(ctx.tx, ctx.request.clinicId, patientIds);
  const byId = new Map(people.map((p) => [p.id, p] as const));
  for (const id of patientIds) ctx.audit.record({ action: 'export', patientId: id, resourceType: 'LedgerDispensingLog' });
  return draws.flatMap(({ row, entry }) => {
    if (entry.kind !== 'draw') return [];
    const person = byId.get(entry.patientId);
    // As a US address is written: "12 Elm St, Apt 2, Saint Paul, MN 55104".
    const address = person ? [person.line1, person.line2, person.city, [person.state, person.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '';
    return [[
      ctx.when(entry.at),
      person ? `${person.family}, ${person.given}` : '',
      address || '(no address on file)',
      productOfLot(ctx, row.lotId),
      row.lotId ? (ctx.lots.get(row.lotId)?.lotNumber ?? '') : '',
      describeAmount(entry.amount),
      ctx.names(entry.actor.id),
      reversed.has(entry.id) ? 'reversed' : '',
    ]];
  });
}

async function waste(ctx: Context): Promise<LedgerReport['rows']> {
  return (await entriesOf(ctx, ['waste'])).flatMap(({ row, entry }) => {
    if (entry.kind !== 'waste') return [];
    return [[
      ctx.when(entry.at),
      productOfLot(ctx, row.lotId),
      row.lotId ? (ctx.lots.get(row.lotId)?.lotNumber ?? '') : '',
      describeAmount(entry.amount),
      entry.source.from === 'draw' ? 'rest of a draw' : 'from stock',
      entry.method === 'other' ? (entry.methodDetail ?? 'other') : entry.method.replace('_', ' '),
      entry.reason ?? '',
      ctx.names(entry.actor.id),
      ctx.names(entry.witness.id),
    ]];
  });
}

async function countLog(ctx: Context): Promise<LedgerReport['rows']> {
  const found = await counts.counts(ctx.tx, ctx.request.clinicId, ctx.request);
  const discrepancies = await counts.discrepancies(ctx.tx, ctx.request.clinicId, { countIds: found.map((c) => c.id) });
  const rows: string[][] = [];
  for (const count of [...found].reverse()) {
    for (const line of count.lines as counts.StoredCountLine[]) {
      const discrepancy = discrepancies.find((d) => d.countId === count.id && d.containerId === line.containerId);
      rows.push([
        ctx.when(count.countedAt.toISOString()),
        count.kind.replaceAll('_', ' '),
        ctx.location(count.locationId),
        ctx.containers.get(line.containerId)?.label ?? line.containerId,
        mgText(line.expected),
        `${mgText(line.counted)}${line.estimated ? ' (est.)' : ''}`,
        mgText(line.difference),
        `${ctx.names(count.firstCounterId)} / ${ctx.names(count.secondCounterId)}`,
        discrepancy ? `${discrepancy.resolution ?? 'unresolved'}${discrepancy.reason ? `: ${discrepancy.reason}` : ''}` : '',
      ]);
    }
  }
  return rows;
}

async function inventoryLog(ctx: Context): Promise<LedgerReport['rows']> {
  const rows: string[][] = [];
  for (const inventory of (await inventories(ctx.tx, ctx.request.clinicId, ctx.request)).reverse()) {
    const lines = inventory.lines as InventoryLine[];
    const head = [inventory.takenOn, `${inventory.kind} (${inventory.timing.replaceAll('_', ' ')})`, inventory.locationId ? ctx.location(inventory.locationId) : 'all locations'];
    if (lines.length === 0) rows.push([...head, 'no controlled substances on hand (zero count)', '', '', '0', '', `${inventory.signedByName}, ${ctx.when(inventory.signedAt.toISOString())}`]);
    for (const line of lines) {
      rows.push([
        ...head,
        line.substance,
        `${line.form.replace('_', ' ')} ${line.strength}`,
        line.containerSize,
        String(line.sealedContainers),
        line.openedContainers.map((c) => `${ctx.containers.get(c.containerId)?.label ?? ''}: ${mgText(c.quantity.hundredths)} mg${c.estimated ? ' (est.)' : ''}`).join('; '),
        `${inventory.signedByName}, ${ctx.when(inventory.signedAt.toISOString())}`,
      ]);
    }
  }
  return rows;
}

async function lotHistory(ctx: Context): Promise<LedgerReport['rows']> {
  const lotId = ctx.request.lotId;
  if (!lotId || !ctx.lots.has(lotId)) throw new ValidationError(['lotId'], 'Choose the lot');
  const all = await entriesOf(ctx, ['receipt', 'transfer', 'draw', 'waste', 'return_to_stock', 'return_to_supplier', 'destruction', 'loss_theft', 'adjustment', 'reversal'], { lotId, whole: true });
  const changes = new Map<string, number>();
  let balance = 0;
  const rows: string[][] = [];
  for (const { row, entry } of all) {
    const own = changeOf(entry);
    const delta = entry.kind === 'reversal' ? -(changes.get(entry.reversesEntryId) ?? 0) : own === null ? 0 : Math.round(Number(own) * 100);
    changes.set(entry.id, delta);
    balance += delta;
    if (entry.localDate < ctx.request.from || entry.localDate > ctx.request.to) continue;
    rows.push([
      ctx.when(entry.at),
      entry.kind.replaceAll('_', ' '),
      row.containerId ? (ctx.containers.get(row.containerId)?.label ?? '') : '',
      delta === 0 ? '' : mgText(delta),
      mgText(balance),
      entrySummary(entry, { location: ctx.location }),
      ctx.names(entry.actor.id),
      ctx.names(row.witnessId),
    ]);
  }
  return rows;
}

const COLUMNS: Record<LedgerReportKind, readonly ReportColumn[]> = {
  receipts: [col('Date received'), col('Invoice / slip'), col('Substance, form, strength', 2.4), col('Lot'), col('Expires'), col('Containers', 0.7), col('Each'), col('Total mg'), col('Supplier', 2), col('Supplier DEA'), col('Received by')],
  dispensing: [col('Date and time', 1.2), col('Patient', 1.3), col('Patient address', 2), col('Substance, form, strength', 2.2), col('Lot', 0.8), col('Quantity', 1.2), col('Administered by', 1.2), col('Note', 0.6)],
  waste: [col('Date and time', 1.2), col('Substance, form, strength', 2.2), col('Lot', 0.8), col('Amount', 1.1), col('Source'), col('Method'), col('Reason', 1.4), col('Recorded by'), col('Witness')],
  counts: [col('Date and time', 1.2), col('Count'), col('Location'), col('Container'), col('Expected mg'), col('Counted mg'), col('Difference'), col('Counted by', 1.6), col('Discrepancy', 1.6)],
  inventories: [col('Date'), col('Inventory', 1.4), col('Location'), col('Substance', 1.2), col('Form, strength', 1.2), col('Container size'), col('Sealed', 0.6), col('Opened containers', 2), col('Signed', 1.6)],
  'lot-history': [col('Date and time', 1.2), col('Entry'), col('Container'), col('Change mg'), col('Balance mg'), col('Details', 3), col('By'), col('Witness')],
};

const BUILDERS: Record<LedgerReportKind, (ctx: Context) => Promise<LedgerReport['rows']>> = {
  receipts,
  dispensing,
  waste,
  counts: countLog,
  inventories: inventoryLog,
  'lot-history': lotHistory,
};

export async function buildReport(tx: Executor, audit: AuditTrail, kind: LedgerReportKind, request: ReportRequest): Promise<LedgerReport> {
  const [products, lots, locations, containers] = [
    await repo.products(tx, request.clinicId),
    await repo.lots(tx, request.clinicId),
    await repo.locations(tx, request.clinicId),
    await repo.containers(tx, request.clinicId, { includeEmpty: true }),
  ];
  const staff = await repo.clinicStaffNames(tx, request.clinicId);
  const locationNames = new Map(locations.map((row) => [row.id, row.name] as const));
  const ctx: Context = {
    tx,
    request,
    audit,
    products: new Map(products.map((item) => [item.id, item] as const)),
    lots: new Map(lots.map((lot) => [lot.id, lot] as const)),
    containers: new Map(containers.map((c) => [c.id, c] as const)),
    names: (id) => (id ? (staff.get(id) ?? 'unknown') : ''),
    location: (id) => locationNames.get(id) ?? 'unknown location',
    when: (iso) => ledgerTimestamp(new Date(iso), request.timeZone),
  };
  const rows = await BUILDERS[kind](ctx);
  const lot = request.lotId ? ctx.lots.get(request.lotId) : undefined;
  return {
    kind,
    title: LEDGER_REPORT_TITLES[kind] + (kind === 'lot-history' && lot ? `: lot ${lot.lotNumber}` : ''),
    subtitle: `${request.from} to ${request.to}`,
    columns: COLUMNS[kind],
    rows,
  };
}
