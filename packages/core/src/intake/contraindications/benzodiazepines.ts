import type { EligibilityPolicy } from '../policy.js';
import type { Medication } from './chart.js';

/** US brand names for the benzodiazepines in the default equivalence table. */
const BRAND_TO_GENERIC: Record<string, string> = {
  xanax: 'alprazolam',
  librium: 'chlordiazepoxide',
  onfi: 'clobazam',
  klonopin: 'clonazepam',
  tranxene: 'clorazepate',
  valium: 'diazepam',
  ativan: 'lorazepam',
  restoril: 'temazepam',
  halcion: 'triazolam',
};

/** The generic name in `name` that the policy's equivalence table knows, if any ('Xanax XR 1 mg' → 'alprazolam'). */
export function benzodiazepineGeneric(name: string, policy: EligibilityPolicy): string | null {
  const table = policy.benzodiazepines.diazepamEquivalentMg;
  for (const word of name.toLowerCase().split(/[^a-z-]+/)) {
    const generic = BRAND_TO_GENERIC[word] ?? word;
    if (table[generic] !== undefined) return generic;
  }
  return null;
}

export interface BenzodiazepineLoad {
  /** Sum of the daily doses that could be converted, in mg diazepam-equivalent (to 6 decimals, so float noise cannot tip a dose exactly at the threshold over it). */
  readonly diazepamEquivalentMgPerDay: number;
  /** One line per medication, for the result's evidence. */
  readonly evidence: readonly string[];
  /** Medications whose dose is unknown or whose drug is not in the equivalence table. */
  readonly unconverted: readonly string[];
  /** Medications above their own per-drug ceiling (policy `maxDailyMgByDrug`). */
  readonly overDrugCeiling: readonly string[];
}

function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Converts each benzodiazepine's daily dose to diazepam-equivalents (dose × 10 / mg-equal-to-10-mg
 * diazepam) and sums them, so two benzodiazepines are judged together against the threshold.
 */
export function benzodiazepineLoad(medications: readonly Medication[], policy: EligibilityPolicy): BenzodiazepineLoad {
  const { diazepamEquivalentMg, maxDailyMgByDrug } = policy.benzodiazepines;
  let total = 0;
  const evidence: string[] = [];
  const unconverted: string[] = [];
  const overDrugCeiling: string[] = [];
  for (const med of medications.filter((m) => m.drugClass === 'benzodiazepine')) {
    const generic = benzodiazepineGeneric(med.name, policy);
    const equivalent = generic === null ? undefined : diazepamEquivalentMg[generic];
    if (med.dailyDoseMg === null || equivalent === undefined) {
      unconverted.push(med.name);
      evidence.push(`${med.name}: ${med.dailyDoseMg === null ? 'daily dose unknown' : 'no diazepam equivalent in policy'}`);
      continue;
    }
    const asDiazepam = (med.dailyDoseMg * 10) / equivalent;
    total += asDiazepam;
    evidence.push(`${med.name} ${med.dailyDoseMg} mg/day ≈ ${round(asDiazepam)} mg diazepam`);
    const ceiling = generic === null ? undefined : maxDailyMgByDrug[generic];
    if (ceiling !== undefined && med.dailyDoseMg > ceiling) {
      overDrugCeiling.push(med.name);
      evidence.push(`${med.name} above the clinic's ${ceiling} mg/day ceiling for ${generic}`);
    }
  }
  return { diazepamEquivalentMgPerDay: round(total, 6), evidence, unconverted, overDrugCeiling };
}
