import { describe, expect, it } from 'vitest';
import {
  adjustmentFor,
  compareCount,
  countRequest,
  countSheet,
  defaultLedgerPolicy,
  discrepancyDrafts,
  emptyLedger,
  isDuplicateCount,
  mgOf,
  replay,
  resolutionProblems,
  resolveCountLines,
  shortfallOf,
  type CountRecord,
  type LedgerEntry,
  type LedgerResult,
  type LedgerState,
} from './index.js';
import { ADMIN, drawOf, LOCATION, NURSE, NURSE_2, PHYSICIAN, PRODUCTS, receiptOf, testId, discrepancyOf, THERAPIST, TODAY, TROCHE_100, VIAL_100 } from './fixtures.js';

function ledgerWith(...entries: LedgerEntry[]): LedgerState {
  const result = replay(emptyLedger(PRODUCTS), entries);
  if (!result.ok) throw new Error(`entry ${result.index} refused`);
  return result.value;
}

function value<T>(result: LedgerResult<T>): T {
  if (!result.ok) throw new Error(result.unmet.map((u) => u.code).join(', '));
  return result.value;
}

const vials = receiptOf(VIAL_100);
const troches = receiptOf(TROCHE_100);
const vial = vials.containers[0]?.containerId ?? '';
const bottle = troches.containers[0]?.containerId ?? '';
const state = ledgerWith(vials, troches, drawOf(vials, VIAL_100, 3500));
const policy = defaultLedgerPolicy();

function countOf(lines: CountRecord['lines'], overrides: Partial<CountRecord> = {}): CountRecord {
  return { id: testId(), kind: 'end_of_day', locationId: LOCATION.safeA, countedOn: TODAY, countedBy: [NURSE, NURSE_2], lines, ...overrides };
}

describe('the count sheet', () => {
  it('lists every container holding stock at the location with its book amount and volume', () => {
    const sheet = countSheet(state, LOCATION.safeA);
    expect(sheet.map((line) => [line.containerId, line.expected.hundredths, line.expectedVolume?.microlitres ?? null, line.opened]).sort()).toEqual(
      [
        [vial, 96_500, 9_650, true],
        [bottle, 300_000, null, false],
      ].sort(),
    );
    expect(countSheet(state, LOCATION.safeB)).toEqual([]);
  });
});

describe('comparing a count', () => {
  const sheet = countSheet(state, LOCATION.safeA);

  it('finds no discrepancy when every container matches', () => {
    const result = value(compareCount(sheet, countOf([{ containerId: vial, counted: mgOf(96_500), estimated: false }, { containerId: bottle, counted: mgOf(300_000), estimated: false }]), policy));
    expect(result.discrepancies).toEqual([]);
  });

  it('records a shortfall as a signed difference and resolves it by an adjustment', () => {
    const result = value(compareCount(sheet, countOf([{ containerId: vial, counted: mgOf(96_000), estimated: true }, { containerId: bottle, counted: mgOf(300_000), estimated: false }]), policy));
    expect(result.discrepancies).toEqual([{ containerId: vial, expected: mgOf(96_500), counted: mgOf(96_000), difference: mgOf(-500), estimated: true }]);
    const [draft] = discrepancyDrafts(result, { countId: testId(), foundOn: TODAY });
    expect(draft).toMatchObject({ resolution: 'unresolved', difference: mgOf(-500) });
    expect(adjustmentFor(draft!)).toEqual({ direction: 'decrease', mass: mgOf(500) });
    expect(shortfallOf(draft!)).toEqual(mgOf(500));
  });

  it('ignores differences within the policy tolerance', () => {
    const lines = [{ containerId: vial, counted: mgOf(96_000), estimated: true }, { containerId: bottle, counted: mgOf(300_000), estimated: false }];
    expect(value(compareCount(sheet, countOf(lines), { countToleranceMg: '5' })).discrepancies).toEqual([]);
    expect(value(compareCount(sheet, countOf(lines), { countToleranceMg: '4.99' })).discrepancies).toHaveLength(1);
  });

  it('refuses a count that misses a container, counts one twice, or is not two recording staff', () => {
    const codes = (count: CountRecord): string[] => {
      const result = compareCount(sheet, count, policy);
      return result.ok ? [] : result.unmet.map((u) => u.code);
    };
    const full = [{ containerId: vial, counted: mgOf(96_500), estimated: false }, { containerId: bottle, counted: mgOf(300_000), estimated: false }];
    expect(codes(countOf([full[0]!]))).toEqual(['count_incomplete']);
    expect(codes(countOf([...full, full[0]!]))).toEqual(['duplicate_line']);
    expect(codes(countOf(full, { countedBy: [NURSE, NURSE] }))).toEqual(['counters_not_distinct']);
    expect(codes(countOf(full, { countedBy: [THERAPIST, ADMIN] }))).toEqual(['counter_not_allowed']);
    expect(codes(countOf(full, { countedBy: [PHYSICIAN, ADMIN] }))).toEqual([]);
  });

  it('treats a container found but not on the sheet as stock against an expected 0', () => {
    const found = testId();
    const result = value(compareCount([], countOf([{ containerId: found, counted: mgOf(100), estimated: false }]), policy));
    expect(result.discrepancies).toEqual([{ containerId: found, expected: mgOf(0), counted: mgOf(100), difference: mgOf(100), estimated: false }]);
  });

  it('allows an initial count of nothing', () => {
    expect(value(compareCount([], countOf([], { kind: 'ad_hoc' }), policy)).lines).toEqual([]);
  });
});

describe('entering counted amounts', () => {
  it('reads mL of a vial and whole troches, and allows an empty container', () => {
    const request = countRequest.parse({
      kind: 'end_of_day',
      locationId: LOCATION.safeA,
      secondCounterId: NURSE_2.id,
      lines: [
        { containerId: vial, counted: { mL: '9.65' } },
        { containerId: bottle, counted: { units: 29 }, estimated: false },
      ],
    });
    expect(value(resolveCountLines(state, request.lines))).toEqual([
      { containerId: vial, counted: mgOf(96_500), estimated: false },
      { containerId: bottle, counted: mgOf(290_000), estimated: false },
    ]);
    expect(value(resolveCountLines(state, [{ containerId: vial, counted: { mg: mgOf(0) }, estimated: false }]))).toHaveLength(1);
  });

  it('refuses mL for troches and unknown containers', () => {
    const result = resolveCountLines(state, [
      { containerId: bottle, counted: { mL: { unit: 'mL', microlitres: 1000 } }, estimated: false },
      { containerId: testId(), counted: { mg: mgOf(1) }, estimated: false },
    ]);
    expect(result.ok ? [] : result.unmet.map((u) => u.code)).toEqual(['unit_confusion', 'unknown_container']);
  });
});

describe('a count entered twice', () => {
  it('is refused for a scheduled count of the same location and day, but not for ad-hoc counts', () => {
    const previous = [{ kind: 'end_of_day' as const, locationId: LOCATION.safeA, countedOn: TODAY }];
    expect(isDuplicateCount(previous, { kind: 'end_of_day', locationId: LOCATION.safeA, countedOn: TODAY })).toBe(true);
    expect(isDuplicateCount(previous, { kind: 'start_of_day', locationId: LOCATION.safeA, countedOn: TODAY })).toBe(false);
    expect(isDuplicateCount(previous, { kind: 'end_of_day', locationId: LOCATION.safeB, countedOn: TODAY })).toBe(false);
    expect(isDuplicateCount([{ ...previous[0]!, kind: 'ad_hoc' }], { kind: 'ad_hoc', locationId: LOCATION.safeA, countedOn: TODAY })).toBe(false);
  });
});

describe('resolving a discrepancy', () => {
  const record = discrepancyOf(vial);

  it('needs a reason, who resolved it, and the entry it points to', () => {
    expect(resolutionProblems(record)).toEqual([]);
    expect(resolutionProblems({ ...record, resolution: 'adjusted' }).map((p) => p.code)).toEqual(['reference_required', 'reason_required', 'reference_required']);
    expect(resolutionProblems({ ...record, resolution: 'adjusted', reason: 'Residual in hub', resolvedBy: PHYSICIAN, adjustmentEntryId: testId() })).toEqual([]);
    expect(resolutionProblems({ ...record, resolution: 'reported_as_loss', reason: 'Vial missing', resolvedBy: PHYSICIAN }).map((p) => p.code)).toEqual(['reference_required']);
    expect(adjustmentFor({ difference: mgOf(0) })).toBeNull();
  });
});
