import { describe, expect, it } from 'vitest';
import {
  containerCapacity,
  controlledProduct,
  controlledProductInput,
  isExpired,
  lot,
  mgOf,
  productLabel,
  resolveStatedAmount,
  checkLedgerAmount,
  statedAmount,
  type LedgerResult,
} from './index.js';
import { lotOf, testId, TROCHE_100, VIAL_100, VIAL_50 } from './fixtures.js';

function code<T>(result: LedgerResult<T>): string | undefined {
  return result.ok ? undefined : result.unmet[0]?.code;
}

function stated(input: unknown): ReturnType<typeof statedAmount.parse> {
  return statedAmount.parse(input);
}

describe('controlled products', () => {
  it('reads a 100 mg/mL, 10 mL vial from decimal text and knows it holds 1000 mg', () => {
    const parsed = controlledProductInput.parse({
      id: testId(),
      substance: 'ketamine hydrochloride',
      ndc: '0409-2051-05',
      schedule: 'III',
      form: 'injection_solution',
      concentration: '100',
      containerVolume: '10',
    });
    expect(containerCapacity(parsed)).toEqual(mgOf(100_000));
    expect(productLabel(parsed)).toBe('ketamine hydrochloride injection 100 mg/mL, 10 mL vial');
    expect(controlledProduct.parse(parsed)).toEqual(parsed);
  });

  it('reads a compounded troche without an NDC', () => {
    const parsed = controlledProductInput.parse({
      id: testId(),
      substance: 'ketamine hydrochloride',
      ndc: null,
      schedule: 'III',
      form: 'troche',
      strength: '100',
      unitsPerContainer: 30,
    });
    expect(containerCapacity(parsed)).toEqual(mgOf(300_000));
    expect(productLabel(parsed)).toBe('ketamine hydrochloride troche 100 mg, 30 troches');
  });

  it('refuses JSON numbers, other schedules, bad NDCs and inexact container sizes', () => {
    const base = { id: testId(), substance: 'ketamine hydrochloride', ndc: null, schedule: 'III', form: 'injection_solution', concentration: '100', containerVolume: '10' };
    expect(controlledProductInput.safeParse({ ...base, concentration: 100 }).success).toBe(false);
    expect(controlledProductInput.safeParse({ ...base, schedule: 'II' }).success).toBe(false);
    expect(controlledProductInput.safeParse({ ...base, ndc: '0409205105' }).success).toBe(false);
    expect(controlledProductInput.safeParse({ ...base, concentration: '33.33', containerVolume: '0.001' }).success).toBe(false);
    expect(controlledProductInput.safeParse({ ...base, containerVolume: '0' }).success).toBe(false);
    expect(controlledProductInput.safeParse({ ...base, extra: true }).success).toBe(false);
  });
});

describe('lots', () => {
  it('need a supplier DEA number with a valid check digit', () => {
    const good = lotOf(VIAL_100);
    expect(lot.parse(good)).toEqual(good);
    expect(lot.safeParse({ ...good, supplier: { ...good.supplier, deaNumber: 'RB1234564' } }).success).toBe(false);
    expect(lot.safeParse({ ...good, supplier: { name: 'X', address: 'Y' } }).success).toBe(false);
    expect(lot.safeParse({ ...good, expiresOn: '2027-02-30' }).success).toBe(false);
  });

  it('are usable through their expiry date and expired the day after', () => {
    expect(isExpired({ expiresOn: '2025-06-30' }, '2025-06-30')).toBe(false);
    expect(isExpired({ expiresOn: '2025-06-30' }, '2025-07-01')).toBe(true);
  });
});

describe('stated amounts', () => {
  it('derive the volume of a solution from mg, and the mg from mL', () => {
    expect(resolveStatedAmount(VIAL_100, stated({ mg: '35' }))).toEqual({ ok: true, value: { mass: mgOf(3500), volume: { unit: 'mL', microlitres: 350 } } });
    expect(resolveStatedAmount(VIAL_100, stated({ mL: '0.35' }))).toEqual({ ok: true, value: { mass: mgOf(3500), volume: { unit: 'mL', microlitres: 350 } } });
    expect(resolveStatedAmount(VIAL_50, stated({ mL: '0.7', mg: '35' })).ok).toBe(true);
  });

  it('refuse mg and mL that disagree at the concentration (unit confusion)', () => {
    // 0.35 mL of the 50 mg/mL product is 17.5 mg, not 35 mg.
    const result = resolveStatedAmount(VIAL_50, stated({ mL: '0.35', mg: '35' }));
    expect(code(result)).toBe('unit_confusion');
    expect(result.ok ? '' : result.unmet[0]?.message).toContain('17.5 mg');
  });

  it('refuse mL for a troche and units for a solution', () => {
    expect(code(resolveStatedAmount(TROCHE_100, stated({ mL: '1' })))).toBe('unit_confusion');
    expect(code(resolveStatedAmount(VIAL_100, stated({ units: 1 })))).toBe('unit_confusion');
  });

  it('count troches in whole units, agreeing with any mg given', () => {
    expect(resolveStatedAmount(TROCHE_100, stated({ units: 2 }))).toEqual({ ok: true, value: { mass: mgOf(20_000), volume: null } });
    expect(resolveStatedAmount(TROCHE_100, stated({ units: 2, mg: '200' })).ok).toBe(true);
    expect(code(resolveStatedAmount(TROCHE_100, stated({ units: 2, mg: '150' })))).toBe('unit_confusion');
    expect(resolveStatedAmount(TROCHE_100, stated({ mg: '50' })).ok).toBe(true);
  });

  it('refuse a volume that is not a whole number of 0.01 mg at an awkward concentration', () => {
    const awkward = controlledProduct.parse({ ...VIAL_100, id: testId(), concentration: { unit: 'mg/mL', hundredths: 3333 } });
    expect(code(resolveStatedAmount(awkward, stated({ mL: '0.35' })))).toBe('inexact_conversion');
    expect(resolveStatedAmount(awkward, stated({ mL: '1' }))).toEqual({ ok: true, value: { mass: mgOf(3333), volume: { unit: 'mL', microlitres: 1000 } } });
  });

  it('refuse a mass that is not a whole number of microlitres, and zero', () => {
    expect(code(resolveStatedAmount(VIAL_100, stated({ mg: '35.01' })))).toBe('inexact_conversion');
    expect(code(resolveStatedAmount(VIAL_100, stated({ mg: '0' })))).toBe('non_positive_quantity');
    expect(resolveStatedAmount(VIAL_100, stated({ mg: '0' }), { allowZero: true }).ok).toBe(true);
  });

  it('must name a unit and use decimal text', () => {
    expect(statedAmount.safeParse({}).success).toBe(false);
    expect(statedAmount.safeParse({ mg: 35 }).success).toBe(false);
    expect(statedAmount.safeParse({ mg: '35.001' }).success).toBe(false);
    expect(statedAmount.safeParse({ mg: '-1' }).success).toBe(false);
  });

  it('check recorded amounts read back from storage', () => {
    expect(code(checkLedgerAmount(VIAL_100, { mass: mgOf(3500), volume: { unit: 'mL', microlitres: 351 } }))).toBe('unit_confusion');
    expect(code(checkLedgerAmount(VIAL_100, { mass: mgOf(3500), volume: null }))).toBe('unit_confusion');
    expect(code(checkLedgerAmount(TROCHE_100, { mass: mgOf(3500), volume: { unit: 'mL', microlitres: 35 } }))).toBe('unit_confusion');
    expect(code(checkLedgerAmount(TROCHE_100, { mass: mgOf(-1), volume: null }))).toBe('non_positive_quantity');
  });
});
