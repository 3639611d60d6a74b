import { describe, expect, it } from 'vitest';
import { assessLoss, checklistStatus, defaultLedgerPolicy, lossReportEntries, mgOf, reportedLossReversal, significantLossChecklist, smallLossPattern, type LedgerEntry, type LossReportEntriesInput } from './index.js';
import { adjustmentOf, lossOf, PHYSICIAN, testId, TROCHE_100, VIAL_100 } from './fixtures.js';

const policy = defaultLedgerPolicy();

describe('a pattern of small losses', () => {
  it('is flagged at the policy count of shortfalls within the window', () => {
    const shortfalls = [
      { on: '2025-05-10', amount: mgOf(50) },
      { on: '2025-05-20', amount: mgOf(50) },
      { on: '2025-06-01', amount: mgOf(50) },
    ];
    expect(smallLossPattern(shortfalls, '2025-06-01', policy)).toMatchObject({ flagged: true, count: 3, total: mgOf(150), windowStart: '2025-05-03' });
    expect(smallLossPattern(shortfalls.slice(1), '2025-06-01', policy).flagged).toBe(false);
  });

  it('counts only the window, both ends included, and ignores overages', () => {
    const shortfalls = [
      { on: '2025-05-02', amount: mgOf(50) },
      { on: '2025-05-03', amount: mgOf(50) },
      { on: '2025-06-01', amount: mgOf(50) },
      { on: '2025-06-02', amount: mgOf(50) },
      { on: '2025-05-30', amount: mgOf(0) },
    ];
    expect(smallLossPattern(shortfalls, '2025-06-01', policy)).toMatchObject({ count: 2, flagged: false });
  });

  it('is flagged when the shortfalls add up to the policy total', () => {
    const pattern = smallLossPattern([{ on: '2025-05-20', amount: mgOf(2500) }, { on: '2025-05-25', amount: mgOf(2500) }], '2025-06-01', policy);
    expect(pattern.flagged).toBe(true);
    expect(pattern.reasons[0]).toContain('50 mg short in 30 days');
    expect(smallLossPattern([{ on: '2025-05-20', amount: mgOf(4999) }], '2025-06-01', policy).flagged).toBe(false);
  });
});

describe('assessing a loss', () => {
  it('always treats theft as significant', () => {
    expect(assessLoss({ on: '2025-06-02', amount: mgOf(1), theft: true }, [], policy)).toMatchObject({ significant: true });
  });

  it('treats a single shortfall at the policy amount as significant, and one just under as minor', () => {
    expect(assessLoss({ on: '2025-06-02', amount: mgOf(10_000), theft: false }, [], policy).significant).toBe(true);
    expect(assessLoss({ on: '2025-06-02', amount: mgOf(9_999), theft: false }, [], policy)).toEqual({
      significant: true,
      reasons: ['Pattern of small losses: 99.99 mg short in 30 days (policy: 50 mg)'],
    });
    expect(assessLoss({ on: '2025-06-02', amount: mgOf(100), theft: false }, [], policy)).toEqual({ significant: false, reasons: [] });
  });

  it('counts the new shortfall into the pattern', () => {
    const history = [
      { on: '2025-05-20', amount: mgOf(100) },
      { on: '2025-05-28', amount: mgOf(100) },
    ];
    expect(assessLoss({ on: '2025-06-02', amount: mgOf(100), theft: false }, history, policy).significant).toBe(true);
  });
});

describe('the significant-loss checklist', () => {
  it('is due at the DEA one business day after a Friday discovery, on the Monday', () => {
    const steps = significantLossChecklist({ discoveredOn: '2025-06-06', lossKind: 'loss' }, policy);
    expect(steps.map((s) => [s.step, s.dueOn])).toEqual([
      ['notify_dea_field_division', '2025-06-09'],
      ['file_dea_form_106', '2025-07-21'],
      ['notify_state_board', '2025-06-09'],
    ]);
  });

  it('skips a holiday Monday and adds the police for a theft', () => {
    const steps = significantLossChecklist({ discoveredOn: '2025-08-29', lossKind: 'theft', holidays: ['2025-09-01'] }, policy);
    expect(steps.find((s) => s.step === 'notify_dea_field_division')?.dueOn).toBe('2025-09-02');
    expect(steps.find((s) => s.step === 'notify_police')?.dueOn).toBe('2025-09-02');
    expect(significantLossChecklist({ discoveredOn: '2025-08-29', lossKind: 'theft' }, { ...policy, notifyPoliceOnTheft: false }).map((s) => s.step)).not.toContain(
      'notify_police',
    );
  });

  it('is due on the next business day after a weekend discovery', () => {
    const steps = significantLossChecklist({ discoveredOn: '2025-06-07', lossKind: 'loss' }, policy);
    expect(steps[0]?.dueOn).toBe('2025-06-09');
  });

  it('tracks each step as open, overdue, done or done late', () => {
    const [dea, form106, board] = significantLossChecklist({ discoveredOn: '2025-06-06', lossKind: 'loss' }, policy);
    const steps = [
      { ...dea!, completedOn: '2025-06-09', reference: 'Letter 1', completedBy: PHYSICIAN },
      { ...form106! },
      { ...board!, completedOn: '2025-06-10', reference: null, completedBy: PHYSICIAN },
    ];
    expect(checklistStatus(steps, '2025-06-10').map((s) => s.status)).toEqual(['done', 'open', 'done_late']);
    expect(checklistStatus(steps, '2025-07-22').map((s) => s.status)).toEqual(['done', 'overdue', 'done_late']);
  });
});

describe('the entries a loss report covers', () => {
  const bottle = testId();
  const vial = testId();
  const theft = lossOf(bottle, TROCHE_100, 20_000, { lossKind: 'theft', localDate: '2025-06-02' });
  const spill = lossOf(vial, VIAL_100, 5_000);
  const adjustment = adjustmentOf(vial, VIAL_100, 500);
  const ledger = (...entries: LedgerEntry[]): ReadonlyMap<string, LedgerEntry> => new Map(entries.map((entry) => [entry.id, entry] as const));
  const input = (overrides: Partial<LossReportEntriesInput> = {}): LossReportEntriesInput => ({
    requested: [theft.id, spill.id],
    entries: ledger(theft, spill, adjustment),
    reversedBy: new Map(),
    reportedIn: new Map(),
    ...overrides,
  });
  const codes = (overrides: Partial<LossReportEntriesInput>): Array<[string, string | undefined, ReadonlyArray<string | number> | undefined]> => {
    const result = lossReportEntries(input(overrides));
    return result.ok ? [] : result.unmet.map((u) => [u.code, u.entryId, u.path]);
  };

  it('takes loss/theft entries that stand and are on no report, each once, in the order named', () => {
    expect(lossReportEntries(input())).toEqual({ ok: true, value: [theft, spill] });
    expect(lossReportEntries(input({ requested: [spill.id, theft.id, spill.id] }))).toEqual({ ok: true, value: [spill, theft] });
  });

  it('refuses an entry already on a report, naming it and the report', () => {
    const result = lossReportEntries(input({ reportedIn: new Map([[spill.id, { reportId: testId(), discoveredOn: '2025-06-01' }]]) }));
    expect(result).toMatchObject({ ok: false, unmet: [{ code: 'loss_already_reported', entryId: spill.id, path: ['lossEntryIds', 1] }] });
    if (!result.ok) expect(result.unmet[0]?.message).toBe(`The loss of 50 mg recorded on 2025-06-02 (entry ${spill.id}) is already on the loss report discovered on 2025-06-01: work through that report's checklist`);
  });

  it('refuses an entry that was reversed, naming the reversal', () => {
    const reversal = testId();
    const result = lossReportEntries(input({ reversedBy: new Map([[theft.id, reversal]]) }));
    expect(result).toMatchObject({ ok: false, unmet: [{ code: 'entry_reversed', entryId: theft.id, path: ['lossEntryIds', 0] }] });
    if (!result.ok) expect(result.unmet[0]?.message).toContain(`The theft of 200 mg recorded on 2025-06-02 (entry ${theft.id}) was reversed by entry ${reversal}`);
  });

  it('names every offending entry at once, and an entry both reported and reversed for each reason', () => {
    const reported = new Map([[theft.id, { reportId: testId(), discoveredOn: '2025-06-02' }]]);
    expect(codes({ reportedIn: reported, reversedBy: new Map([[theft.id, testId()], [spill.id, testId()]]) })).toEqual([
      ['entry_reversed', theft.id, ['lossEntryIds', 0]],
      ['loss_already_reported', theft.id, ['lossEntryIds', 0]],
      ['entry_reversed', spill.id, ['lossEntryIds', 1]],
    ]);
  });

  it('refuses an unknown entry and one that is not a loss or theft', () => {
    const unknown = testId();
    expect(codes({ requested: [unknown, adjustment.id, spill.id] })).toEqual([
      ['unknown_entry', unknown, ['lossEntryIds', 0]],
      ['wrong_entry_kind', adjustment.id, ['lossEntryIds', 1]],
    ]);
    const result = lossReportEntries(input({ requested: [adjustment.id] }));
    if (!result.ok) expect(result.unmet[0]?.message).toBe(`Entry ${adjustment.id} is not a loss or theft (it is an adjustment entry)`);
  });

  it('does not mind a reversal or a report of some other entry', () => {
    const other = testId();
    expect(lossReportEntries(input({ reversedBy: new Map([[other, testId()]]), reportedIn: new Map([[other, { reportId: testId(), discoveredOn: '2025-06-01' }]]) })).ok).toBe(true);
  });
});

describe('reversing a reported loss', () => {
  it('lets an unreported loss be reversed', () => {
    expect(reportedLossReversal(testId(), undefined)).toEqual({ ok: true, value: null });
  });

  it('refuses a loss on a report, naming the entry, the report and what to do instead', () => {
    const entryId = testId();
    const result = reportedLossReversal(entryId, { discoveredOn: '2026-11-02' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unmet).toEqual([
      {
        code: 'loss_already_reported',
        entryId,
        path: ['reversesEntryId'],
        message: `Entry ${entryId} is on the loss report discovered on 2026-11-02, so it cannot be reversed; record drug found again as an adjustment after a count`,
      },
    ]);
  });
});
