import { bareChange, type LedgerChange } from './change.js';
import { canonicalJson } from './canonical.js';
import { deaNumberProblem } from './dea-number.js';
import type { AdjustmentEntry, DestructionEntry, LossTheftEntry, ReceiptEntry, ReturnToSupplierEntry, TransferEntry } from './entry.js';
import { compareClinicDates } from './clinic-date.js';
import { isExpired } from './lot.js';
import { containerCapacity } from './product.js';
import { describeQuantity, negateMg } from './quantity.js';
import { adjusterProblems, witnessProblems } from './roles.js';
import { ok, refuseAll, type LedgerResult, type LedgerUnmet } from './result.js';
import { checkedAmount, effectOn, isBlank, locate, shifted, take } from './plan-helpers.js';
import type { ContainerState, LedgerState } from './state.js';

/** Plans for the entries that move stock in, out or between locations without a medicine session. */

function deaProblems(deaNumber: string, path: ReadonlyArray<string | number>): LedgerUnmet[] {
  const problem = deaNumberProblem(deaNumber);
  return problem ? [{ code: 'invalid_dea_number', message: problem, path }] : [];
}

/** A receipt registers its lot (first time) and containers, each holding no more than a sealed container. */
export function planReceipt(state: LedgerState, entry: ReceiptEntry): LedgerResult<LedgerChange> {
  const problems: LedgerUnmet[] = [];
  const product = state.products.get(entry.lot.productId);
  if (!product) problems.push({ code: 'unknown_product', message: 'The product is not in the catalogue', path: ['lot', 'productId'] });
  problems.push(...deaProblems(entry.lot.supplier.deaNumber, ['lot', 'supplier', 'deaNumber']));
  const known = state.lots.get(entry.lot.id);
  if (known && canonicalJson(known) !== canonicalJson(entry.lot)) {
    problems.push({ code: 'lot_conflict', message: 'This lot id is already recorded with different details', path: ['lot'] });
  }
  if (isBlank(entry.invoiceNumber)) problems.push({ code: 'reference_required', message: 'Give the invoice or packing slip number', path: ['invoiceNumber'] });
  if (compareClinicDates(entry.receivedOn, entry.localDate) > 0) {
    problems.push({ code: 'received_in_future', message: 'The date received cannot be after today', path: ['receivedOn'] });
  }
  if (isExpired(entry.lot, entry.localDate)) {
    problems.push({ code: 'lot_expired', message: `Lot ${entry.lot.lotNumber} expired on ${entry.lot.expiresOn}`, path: ['lot', 'expiresOn'] });
  }
  if (entry.containers.length === 0) problems.push({ code: 'non_positive_quantity', message: 'A receipt brings in at least one container', path: ['containers'] });
  const seen = new Set<string>();
  const containers: ContainerState[] = [];
  entry.containers.forEach((line, index) => {
    const path = ['containers', index];
    if (seen.has(line.containerId)) problems.push({ code: 'duplicate_line', message: 'Each container once', path: [...path, 'containerId'] });
    seen.add(line.containerId);
    if (state.containers.has(line.containerId)) {
      problems.push({ code: 'container_exists', message: 'This container id was already received', path: [...path, 'containerId'] });
    }
    if (!product) return;
    const amount = checkedAmount(problems, product, line.amount, [...path, 'amount']);
    if (!amount) return;
    const capacity = containerCapacity(product);
    if (amount.mass.hundredths > capacity.hundredths) {
      problems.push({
        code: 'exceeds_container_size',
        message: `${describeQuantity(amount.mass)} is more than one container holds (${describeQuantity(capacity)})`,
        path: [...path, 'amount'],
      });
    }
    containers.push({ containerId: line.containerId, lotId: entry.lot.id, productId: entry.lot.productId, locationId: entry.locationId, balance: amount.mass, opened: false });
  });
  if (problems.length > 0) return refuseAll(problems);
  return ok({
    ...bareChange(entry),
    effects: containers.map((c) => effectOn(c, c.balance)),
    containers,
    newLot: known ? null : entry.lot,
  });
}

/** A transfer moves a whole container: its entire balance leaves one location and arrives at another. */
export function planTransfer(state: LedgerState, entry: TransferEntry): LedgerResult<LedgerChange> {
  const problems: LedgerUnmet[] = [];
  if (entry.fromLocationId === entry.toLocationId) {
    problems.push({ code: 'same_location', message: 'A transfer goes to a different location', path: ['toLocationId'] });
  }
  const found = take(problems, locate(state, entry.containerId, entry.fromLocationId));
  const amount = found && checkedAmount(problems, found.product, entry.amount);
  if (found && amount && amount.mass.hundredths !== found.container.balance.hundredths) {
    problems.push({
      code: 'partial_transfer',
      message: `A transfer moves the whole container, which holds ${describeQuantity(found.container.balance)}`,
      path: ['amount'],
    });
  }
  if (!found || problems.length > 0) return refuseAll(problems);
  const { container } = found;
  const moved = { ...container, locationId: entry.toLocationId };
  return ok({
    ...bareChange(entry),
    effects: [effectOn(container, negateMg(container.balance), entry.fromLocationId), effectOn(moved, container.balance, entry.toLocationId)],
    containers: [moved],
  });
}

type StockOut = ReturnToSupplierEntry | DestructionEntry | LossTheftEntry;

/** Entry-kind rules for stock leaving the clinic other than by administration. */
function stockOutProblems(entry: StockOut): LedgerUnmet[] {
  switch (entry.kind) {
    case 'return_to_supplier':
      return [
        ...deaProblems(entry.supplier.deaNumber, ['supplier', 'deaNumber']),
        ...(isBlank(entry.reference) ? [{ code: 'reference_required', message: 'Give the return authorisation or invoice number', path: ['reference'] } as const] : []),
      ];
    case 'destruction': {
      const problems: LedgerUnmet[] = [];
      if (isBlank(entry.form41Reference)) problems.push({ code: 'reference_required', message: 'Give the DEA Form 41 reference', path: ['form41Reference'] });
      if (entry.method === 'reverse_distributor') {
        if (!entry.reverseDistributor) {
          problems.push({ code: 'reference_required', message: 'Name the reverse distributor and its DEA number', path: ['reverseDistributor'] });
        } else {
          problems.push(...deaProblems(entry.reverseDistributor.deaNumber, ['reverseDistributor', 'deaNumber']));
        }
      }
      // On-site destruction is witnessed by two authorised employees (21 CFR 1317.95).
      problems.push(...witnessProblems(entry.actor, entry.witness, entry.method === 'on_site'));
      return problems;
    }
    case 'loss_theft':
      return compareClinicDates(entry.discoveredOn, entry.localDate) > 0
        ? [{ code: 'invalid_date', message: 'The loss cannot be discovered after today', path: ['discoveredOn'] }]
        : [];
  }
}

/** Return to supplier, destruction (Form 41) and loss or theft (Form 106): stock out of a container. */
export function planStockOut(state: LedgerState, entry: StockOut): LedgerResult<LedgerChange> {
  const problems = stockOutProblems(entry);
  const found = take(problems, locate(state, entry.containerId, entry.locationId));
  const amount = found && checkedAmount(problems, found.product, entry.amount);
  const after = found && amount && take(problems, shifted(found.container, negateMg(amount.mass)));
  if (!after || problems.length > 0) return refuseAll(problems);
  return ok({ ...bareChange(entry), effects: [effectOn(after, negateMg(entry.amount.mass))], containers: [after] });
}

/** An adjustment after a count: by a physician or administrator, with a reason; never below zero. */
export function planAdjustment(state: LedgerState, entry: AdjustmentEntry): LedgerResult<LedgerChange> {
  const problems = adjusterProblems(entry.actor);
  if (isBlank(entry.reason)) problems.push({ code: 'reason_required', message: 'Give the reason for the adjustment', path: ['reason'] });
  const found = take(problems, locate(state, entry.containerId, entry.locationId));
  const amount = found && checkedAmount(problems, found.product, entry.amount);
  const delta = amount && (entry.direction === 'increase' ? amount.mass : negateMg(amount.mass));
  const after = found && delta && take(problems, shifted(found.container, delta));
  if (!after || !delta || problems.length > 0) return refuseAll(problems);
  return ok({ ...bareChange(entry), effects: [effectOn(after, delta)], containers: [after] });
}
