import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultEligibilityPolicy, eligibilityPolicy, type EligibilityPolicy } from '../policy.js';
import { benzodiazepineLoad } from './benzodiazepines.js';
import { medication, type Medication } from './chart.js';
import { evaluateInteractions } from './interactions.js';
import type { ContraindicationResult } from './result.js';
import type { InteractionClass } from './rule-ids.js';

const POLICY = defaultEligibilityPolicy();

function med(name: string, drugClass: Medication['drugClass'], dailyDoseMg: number | null = null): Medication {
  return medication.parse({ name, drugClass, dailyDoseMg });
}

function interaction(drugClass: InteractionClass, meds: Medication[], policy: EligibilityPolicy = POLICY): ContraindicationResult {
  const found = evaluateInteractions(meds, policy).find((result) => result.ruleId === `interaction_${drugClass}`);
  if (!found) throw new Error(`no result for ${drugClass}`);
  return found;
}

describe('benzodiazepines', () => {
  it('is a low-severity flag only at exactly 8 mg diazepam-equivalent', () => {
    expect(interaction('benzodiazepine', [med('lorazepam', 'benzodiazepine', 0.8)])).toMatchObject({
      level: 'clear',
      severity: 'low',
      evidence: ['lorazepam 0.8 mg/day ≈ 8 mg diazepam'],
    });
  });

  it('needs a prescriber plan just above 8 mg diazepam-equivalent', () => {
    expect(interaction('benzodiazepine', [med('lorazepam', 'benzodiazepine', 0.9)])).toMatchObject({
      level: 'relative',
      severity: 'moderate',
      clearance: ['Prescriber plan for the benzodiazepine dose (taper or timing)'],
    });
  });

  it('adds two benzodiazepines together', () => {
    const load = benzodiazepineLoad([med('clonazepam', 'benzodiazepine', 0.25), med('diazepam', 'benzodiazepine', 4)], POLICY);
    expect(load.diazepamEquivalentMgPerDay).toBe(9);
    expect(interaction('benzodiazepine', [med('clonazepam', 'benzodiazepine', 0.25), med('diazepam', 'benzodiazepine', 4)]).level).toBe(
      'relative',
    );
  });

  it('recognises a brand name and a product description', () => {
    expect(benzodiazepineLoad([med('Xanax XR 0.2 mg tablet', 'benzodiazepine', 0.4)], POLICY).diazepamEquivalentMgPerDay).toBe(8);
    expect(interaction('benzodiazepine', [med('Xanax', 'benzodiazepine', 0.4)]).level).toBe('clear');
  });

  it('asks for review when the dose is unknown or the drug has no equivalent in policy', () => {
    expect(interaction('benzodiazepine', [med('alprazolam', 'benzodiazepine')]).evidence).toEqual(['alprazolam: daily dose unknown']);
    expect(interaction('benzodiazepine', [med('alprazolam', 'benzodiazepine')]).level).toBe('relative');
    expect(interaction('benzodiazepine', [med('midazolam', 'benzodiazepine', 5)]).level).toBe('relative');
  });

  it('follows the clinic’s threshold and per-drug ceilings', () => {
    const higher = eligibilityPolicy.parse({ benzodiazepines: { maxDiazepamEquivalentMgPerDay: 10 } });
    expect(interaction('benzodiazepine', [med('lorazepam', 'benzodiazepine', 0.9)], higher).level).toBe('clear');
    const ceiling = eligibilityPolicy.parse({ benzodiazepines: { maxDailyMgByDrug: { alprazolam: 0.25 } } });
    expect(interaction('benzodiazepine', [med('alprazolam', 'benzodiazepine', 0.3)], ceiling).level).toBe('relative');
    expect(interaction('benzodiazepine', [med('alprazolam', 'benzodiazepine', 0.25)], ceiling).level).toBe('clear');
  });

  it('never becomes less restrictive as the dose rises', () => {
    const rank = { clear: 0, relative: 1, absolute: 2 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 400 }), (low, step) => {
        const before = interaction('benzodiazepine', [med('lorazepam', 'benzodiazepine', low / 100)]).level;
        const after = interaction('benzodiazepine', [med('lorazepam', 'benzodiazepine', (low + step) / 100)]).level;
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
      }),
    );
  });
});

describe('other interactions', () => {
  it('flags an MAOI as high severity and stimulants and opioids as moderate, each needing review', () => {
    expect(interaction('maoi', [med('phenelzine', 'maoi', 45)])).toMatchObject({
      level: 'relative',
      severity: 'high',
      evidence: ['phenelzine 45 mg/day'],
    });
    expect(interaction('psychostimulant', [med('methylphenidate', 'psychostimulant', 20)])).toMatchObject({ level: 'relative', severity: 'moderate' });
    expect(interaction('opioid', [med('tramadol', 'opioid')])).toMatchObject({ level: 'relative', severity: 'moderate', evidence: ['tramadol'] });
  });

  it('lets a clinic that will not dose alongside opioids make them absolute', () => {
    const policy = eligibilityPolicy.parse({ interactions: { opioid: { level: 'absolute', severity: 'high' } } });
    expect(interaction('opioid', [med('oxycodone', 'opioid', 10)], policy)).toMatchObject({ level: 'absolute', clearance: [] });
  });

  it('flags gabapentinoids, lamotrigine and CYP modulators without needing clearance', () => {
    expect(interaction('gabapentinoid', [med('gabapentin', 'gabapentinoid', 900)])).toMatchObject({ level: 'clear', severity: 'low' });
    expect(interaction('glutamate_release_inhibitor', [med('lamotrigine', 'glutamate_release_inhibitor', 200)]).severity).toBe('low');
    expect(interaction('cyp_modulator', [med('clarithromycin', 'cyp_modulator')]).severity).toBe('low');
  });

  it('raises nothing for a conventional antidepressant', () => {
    expect(evaluateInteractions([med('sertraline', 'antidepressant', 100)], POLICY).every((result) => result.severity === null)).toBe(true);
  });
});
