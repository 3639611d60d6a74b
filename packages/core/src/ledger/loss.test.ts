import { describe, expect, it } from 'vitest';
import { assessLoss, checklistStatus, defaultLedgerPolicy, mgOf, significantLossChecklist, smallLossPattern } from './index.js';
import { PHYSICIAN } from './fixtures.js';

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
