import { z } from 'zod';
import { uuid } from '../schemas/common.js';
import { statedAmount, resolveStatedAmount } from './amount.js';
import { ledgerStaff } from './entry.js';
import { clinicDate } from './clinic-date.js';
import { policyMg, type LedgerPolicy } from './policy.js';
import { mgValue } from './quantity-schema.js';
import { subtractMg, type Mg, type Ml } from './quantity.js';
import { ok, refuseAll, type LedgerResult, type LedgerUnmet } from './result.js';
import { LEDGER_RECORDER_ROLES } from './roles.js';
import { remainingVolume, type LedgerState } from './state.js';

/**
 * Counts (clinical.md §6.3): the system shows what each container should hold, two staff count it,
 * and every difference becomes a discrepancy record. Counts never change a balance themselves; an
 * adjustment entry does that, citing the count.
 */
export const COUNT_KINDS = ['start_of_day', 'end_of_day', 'shift_change', 'ad_hoc'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

/** One line of the count sheet: the book amount of a container. */
export interface CountSheetLine {
  readonly containerId: string;
  readonly lotId: string;
  readonly lotNumber: string;
  readonly productId: string;
  readonly locationId: string;
  readonly expected: Mg;
  readonly expectedVolume: Ml | null;
  readonly opened: boolean;
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the counters should find at a location (or everywhere): every container holding stock. */
export function countSheet(state: LedgerState, locationId: string | null): CountSheetLine[] {
  return [...state.containers.values()]
    .filter((c) => c.balance.hundredths > 0 && (locationId === null || c.locationId === locationId))
    .map((c) => ({
      containerId: c.containerId,
      lotId: c.lotId,
      lotNumber: state.lots.get(c.lotId)?.lotNumber ?? '',
      productId: c.productId,
      locationId: c.locationId,
      expected: c.balance,
      expectedVolume: remainingVolume(state, c.containerId),
      opened: c.opened,
    }))
    .sort((a, b) => compareText(a.productId, b.productId) || compareText(a.lotNumber, b.lotNumber) || compareText(a.containerId, b.containerId));
}

const nonNegativeMg = mgValue.refine((mass) => mass.hundredths >= 0, 'A counted amount is 0 or more');

/** One counted container. `estimated` marks a judged (not measured) amount in an opened container. */
export const countedLine = z.strictObject({ containerId: uuid, counted: nonNegativeMg, estimated: z.boolean() });
export type CountedLine = z.output<typeof countedLine>;

/** A count as recorded: two people, both signed in, count together. */
export const countRecord = z.strictObject({
  id: uuid,
  kind: z.enum(COUNT_KINDS),
  locationId: uuid,
  countedOn: clinicDate,
  countedBy: z.tuple([ledgerStaff, ledgerStaff]),
  lines: z.array(countedLine).max(2000),
});
export type CountRecord = z.output<typeof countRecord>;

/** A count as the API receives it; the server adds the id, date and both counters. */
export const countRequest = z.strictObject({
  kind: z.enum(COUNT_KINDS),
  locationId: uuid,
  secondCounterId: uuid,
  lines: z
    .array(z.strictObject({ containerId: uuid, counted: statedAmount, estimated: z.boolean().default(false) }))
    .max(2000),
});
export type CountRequest = z.output<typeof countRequest>;

/** Counted amounts in mg, through each container's product (mL of a solution, whole troches). */
export function resolveCountLines(state: LedgerState, lines: CountRequest['lines']): LedgerResult<CountedLine[]> {
  const problems: LedgerUnmet[] = [];
  const resolved: CountedLine[] = [];
  lines.forEach((line, index) => {
    const container = state.containers.get(line.containerId);
    const item = container && state.products.get(container.productId);
    if (!item) {
      problems.push({ code: 'unknown_container', message: 'No container with this id has been received', path: ['lines', index, 'containerId'] });
      return;
    }
    const amount = resolveStatedAmount(item, line.counted, { path: ['lines', index, 'counted'], allowZero: true });
    if (!amount.ok) problems.push(...amount.unmet);
    else resolved.push({ containerId: line.containerId, counted: amount.value.mass, estimated: line.estimated });
  });
  return problems.length > 0 ? refuseAll(problems) : ok(resolved);
}

/** A scheduled count is taken once per location per day; ad-hoc counts may repeat. */
export function isDuplicateCount(previous: Iterable<Pick<CountRecord, 'kind' | 'locationId' | 'countedOn'>>, next: Pick<CountRecord, 'kind' | 'locationId' | 'countedOn'>): boolean {
  if (next.kind === 'ad_hoc') return false;
  for (const count of previous) {
    if (count.kind === next.kind && count.locationId === next.locationId && count.countedOn === next.countedOn) return true;
  }
  return false;
}

export interface CountLineResult {
  readonly containerId: string;
  readonly expected: Mg;
  readonly counted: Mg;
  /** counted - expected: negative is a shortfall. */
  readonly difference: Mg;
  readonly estimated: boolean;
}

export interface CountComparison {
  readonly lines: readonly CountLineResult[];
  /** Lines whose difference is beyond the policy's tolerance. */
  readonly discrepancies: readonly CountLineResult[];
}

function counterProblems(count: CountRecord): LedgerUnmet[] {
  const [first, second] = count.countedBy;
  const problems: LedgerUnmet[] = [];
  if (first.id === second.id) problems.push({ code: 'counters_not_distinct', message: 'Two different people count together', path: ['countedBy'] });
  count.countedBy.forEach((person, index) => {
    if (!person.roles.some((role) => LEDGER_RECORDER_ROLES.includes(role))) {
      problems.push({ code: 'counter_not_allowed', message: 'Counters are physicians, nurses or administrators', path: ['countedBy', index] });
    }
  });
  return problems;
}

/**
 * Expected vs counted for every container on the sheet. Refused if a sheet line is not counted, a
 * container is counted twice, or the counters are not two different recording staff. A container
 * counted but not on the sheet is a discrepancy against an expected 0.
 */
export function compareCount(sheet: readonly CountSheetLine[], count: CountRecord, policy: Pick<LedgerPolicy, 'countToleranceMg'>): LedgerResult<CountComparison> {
  const problems = counterProblems(count);
  const counted = new Map<string, CountedLine>();
  count.lines.forEach((line, index) => {
    if (counted.has(line.containerId)) problems.push({ code: 'duplicate_line', message: 'This container is counted twice', path: ['lines', index, 'containerId'] });
    counted.set(line.containerId, line);
  });
  for (const line of sheet) {
    if (!counted.has(line.containerId)) {
      problems.push({ code: 'count_incomplete', message: `Container of lot ${line.lotNumber} is on the sheet but not counted`, path: ['lines'] });
    }
  }
  if (problems.length > 0) return refuseAll(problems);
  const tolerance = policyMg(policy.countToleranceMg).hundredths;
  const expectedById = new Map(sheet.map((line) => [line.containerId, line.expected] as const));
  const lines = count.lines.map((line) => {
    const expected = expectedById.get(line.containerId) ?? { unit: 'mg' as const, hundredths: 0 };
    return { containerId: line.containerId, expected, counted: line.counted, difference: subtractMg(line.counted, expected), estimated: line.estimated };
  });
  return ok({ lines, discrepancies: lines.filter((line) => Math.abs(line.difference.hundredths) > tolerance) });
}
