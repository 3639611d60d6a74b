import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from '../../api/api-error';
import { containerOptionLabel, statedAmountOf, unitsFor, wholeBalanceIn } from './amount-units';
import { withoutSecrets } from './ConfirmationFields';
import { dueWords, lossChecklistOpenedNotice } from './loss-due';
import { containerNotice } from './record-and-close';
import { refusalReasons } from './refusal';
import { mayOfferReversal, oppositeChange, reversalEffect } from './reversal-effect';

const vial = { capacityMg: '1000.00', unitsPerContainer: null, form: 'injection_solution' as const };
const troches = { capacityMg: '3000.00', unitsPerContainer: 30, form: 'troche' as const };

describe('amounts as staff state them', () => {
  it('offers mg or mL for a solution and mg or units for troches', () => {
    expect(unitsFor(vial)).toEqual(['mg', 'mL']);
    expect(unitsFor(troches)).toEqual(['mg', 'units']);
    expect(unitsFor(undefined)).toEqual(['mg']);
  });

  it('sends decimal text for mg and mL and a whole number of units', () => {
    expect(statedAmountOf('mL', ' 0.35 ')).toEqual({ mL: '0.35' });
    expect(statedAmountOf('mg', '12.5')).toEqual({ mg: '12.5' });
    expect(statedAmountOf('units', '2')).toEqual({ units: 2 });
  });

  it('passes what is not a number through as typed, so the server names the field', () => {
    expect(statedAmountOf('units', 'two')).toEqual({ units: 'two' });
    expect(statedAmountOf('units', '')).toEqual({ units: '' });
  });

  it('prefills a whole container in each unit, and leaves units blank when they do not divide', () => {
    expect(wholeBalanceIn('mL', { balanceMg: '940.00', balanceMl: '9.400' }, vial)).toBe('9.400');
    expect(wholeBalanceIn('units', { balanceMg: '2800.00', balanceMl: null }, troches)).toBe('28');
    expect(wholeBalanceIn('units', { balanceMg: '2850.00', balanceMl: null }, troches)).toBe('');
  });

  it('names a container with its place, balance and expiry', () => {
    expect(containerOptionLabel({ label: 'KH2291 #3', locationName: 'Safe A', balanceMg: '940.00', balanceMl: '9.400', expired: true })).toBe('KH2291 #3, Safe A: 940.00 mg (9.400 mL), expired');
  });
});

describe('what a reversal undoes', () => {
  const entry = { kind: 'draw' as const, changeMg: '-60.00', containerLabel: 'KH2291 #1', lotNumber: 'KH2291', reversedByEntryId: null };

  it('negates the change in either direction', () => {
    expect(oppositeChange('-60.00')).toBe('+60.00');
    expect(oppositeChange('120.00')).toBe('-120.00');
  });

  it('puts a draw back into its container and closes it', () => {
    expect(reversalEffect(entry)).toEqual(['KH2291 #1: the balance changes by +60.00 mg.', 'The draw is closed. Any waste or return recorded against it must be reversed first.']);
  });

  it('says that waste of a draw moves no stock', () => {
    expect(reversalEffect({ ...entry, kind: 'waste', changeMg: null }).join(' ')).toMatch(/No container balance changes/);
  });

  it('offers no reversal of a reversal, of a reversed entry, or of an adjustment to a nurse', () => {
    expect(mayOfferReversal(entry, false)).toBe(true);
    expect(mayOfferReversal({ ...entry, kind: 'reversal' }, true)).toBe(false);
    expect(mayOfferReversal({ ...entry, reversedByEntryId: 'x' }, true)).toBe(false);
    expect(mayOfferReversal({ ...entry, kind: 'adjustment' }, false)).toBe(false);
    expect(mayOfferReversal({ ...entry, kind: 'adjustment' }, true)).toBe(true);
  });
});

describe('loss checklist due dates', () => {
  it('counts whole clinic days to the deadline, across a month end', () => {
    expect(dueWords('2026-11-30', '2026-11-30')).toBe('due today');
    expect(dueWords('2026-12-01', '2026-11-30')).toBe('due tomorrow');
    expect(dueWords('2027-01-12', '2026-11-28')).toBe('due in 45 days');
    expect(dueWords('2026-11-27', '2026-11-30')).toBe('3 days overdue');
  });
});

describe('refusal reasons', () => {
  it('lists every unmet reason of a policy refusal with the field it names', () => {
    const error = apiErrorFrom(409, {
      type: 'x',
      title: 'Conflict',
      status: 409,
      detail: 'The controlled-substance ledger refuses this',
      code: 'policy_blocked',
      unmet: [
        { code: 'insufficient_stock', message: 'The container holds 40 mg; 100 mg is more than it holds', path: ['amount'] },
        { code: 'witness_is_actor', message: 'The witness must be a different person', path: ['witness'] },
      ],
    });
    expect(refusalReasons(error)).toEqual([
      { field: 'Amount', message: 'The container holds 40 mg; 100 mg is more than it holds' },
      { field: 'Witness', message: 'The witness must be a different person' },
    ]);
  });

  it('names the field of a schema error in words', () => {
    const error = apiErrorFrom(400, {
      type: 'x',
      title: 'Bad request',
      status: 400,
      detail: 'body.entry.reverseDistributor.deaNumber: Invalid',
      code: 'validation',
      errors: [{ path: 'body.entry.reverseDistributor.deaNumber', message: 'Invalid' }],
    });
    expect(refusalReasons(error)).toEqual([{ field: 'DEA number', message: 'Invalid' }]);
  });

  it('has nothing to list for other failures', () => {
    expect(refusalReasons(new Error('boom'))).toEqual([]);
  });
});

describe('what a recorded form says', () => {
  it('names the container and what the entry did, and the witness only when there was one', () => {
    expect(containerNotice('KH2291 #3')({ summary: 'Returned 20 mg of a draw to stock', witnessName: 'Dr. Samuel Reyes' })).toBe(
      'KH2291 #3: Returned 20 mg of a draw to stock, witnessed by Dr. Samuel Reyes',
    );
    expect(containerNotice('KH2291 #3')({ summary: 'Transferred from Safe A to Safe B', witnessName: null })).toBe('KH2291 #3: Transferred from Safe A to Safe B');
  });

  it('gives the DEA Field Division deadline when a loss checklist opens', () => {
    const steps = [
      { step: 'file_dea_form_106' as const, dueOn: '2026-03-31' },
      { step: 'notify_dea_field_division' as const, dueOn: '2026-03-02' },
    ];
    expect(lossChecklistOpenedNotice({ steps })).toBe('Loss checklist opened: notify the DEA Field Division by 2 Mar 2026');
    expect(lossChecklistOpenedNotice({ steps: [] })).toBe('Loss checklist opened');
  });

  it('keeps the chosen witness but not their password or code after a refusal', () => {
    expect(withoutSecrets({ userId: 'u-1', password: 'secret', totp: '123456' })).toEqual({ userId: 'u-1', password: '', totp: '' });
  });
});
