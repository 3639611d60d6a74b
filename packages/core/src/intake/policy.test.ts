import { describe, expect, it } from 'vitest';
import { defaultEligibilityPolicy, eligibilityPolicy } from './policy.js';

describe('eligibilityPolicy', () => {
  it('gives a new clinic the defaults from clinical.md', () => {
    const policy = eligibilityPolicy.parse(undefined);
    expect(policy).toEqual(defaultEligibilityPolicy());
    expect(policy.minimumAge).toBe(18);
    expect(policy.benzodiazepines.maxDiazepamEquivalentMgPerDay).toBe(8);
    expect(policy.uncontrolledHypertension).toEqual({ systolicMmHg: 160, diastolicMmHg: 100 });
    expect(policy.safety.urgentCssrsLevels).toEqual(['moderate', 'high']);
    expect(policy.duplicates.likelyDuplicateScore).toBe(0.7);
  });

  it('treats the likely-absolute list of clinical.md §2.2 as absolute by default and the rest as relative', () => {
    const { conditions } = defaultEligibilityPolicy();
    const absolute = Object.entries(conditions)
      .filter(([, rule]) => rule.level === 'absolute')
      .map(([id]) => id);
    expect(absolute).toEqual([
      'primary_psychotic_disorder',
      'bipolar_psychotic_mania',
      'current_manic_or_mixed_episode',
      'dissociative_disorder',
      'pregnancy',
      'breastfeeding',
      'ketamine_allergy',
      'aneurysmal_vascular_disease',
      'arteriovenous_malformation',
      'intracranial_hemorrhage',
      'acute_suicidality_with_intent',
    ]);
    expect(conditions.heart_disease).toEqual({ level: 'relative', clearance: ['EKG', 'Cardiology clearance letter'] });
  });

  it('lets the medical director change one rule and keeps the defaults of the others', () => {
    const policy = eligibilityPolicy.parse({ conditions: { breastfeeding: { level: 'relative' } } });
    expect(policy.conditions.breastfeeding.level).toBe('relative');
    expect(policy.conditions.pregnancy.level).toBe('absolute');
    expect(policy.interactions.maoi).toEqual(defaultEligibilityPolicy().interactions.maoi);
  });

  it('rejects a minimum age under 18, unknown keys, and a C-SSRS setting that would not make high risk urgent', () => {
    expect(eligibilityPolicy.safeParse({ minimumAge: 17 }).success).toBe(false);
    expect(eligibilityPolicy.safeParse({ minimumAgee: 21 }).success).toBe(false);
    expect(eligibilityPolicy.safeParse({ conditions: { pregnancy: { level: 'ignore' } } }).success).toBe(false);
    expect(eligibilityPolicy.safeParse({ safety: { urgentCssrsLevels: ['moderate'] } }).success).toBe(false);
    expect(eligibilityPolicy.safeParse({ safety: { urgentCssrsLevels: ['none', 'high'] } }).success).toBe(false);
    expect(eligibilityPolicy.safeParse({ safety: { urgentCssrsLevels: ['high'] } }).success).toBe(true);
  });

  it('returns a fresh object each time, so one clinic cannot edit another clinic’s defaults', () => {
    const first = defaultEligibilityPolicy();
    first.benzodiazepines.diazepamEquivalentMg.lorazepam = 99;
    expect(defaultEligibilityPolicy().benzodiazepines.diazepamEquivalentMg.lorazepam).toBe(1);
  });
});
