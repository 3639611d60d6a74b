import type { EligibilityPolicy } from '../policy.js';
import { benzodiazepineLoad } from './benzodiazepines.js';
import type { Medication } from './chart.js';
import type { ContraindicationResult } from './result.js';
import { INTERACTION_CLASSES, interactionRuleId, type InteractionClass } from './rule-ids.js';

/** Why each class is screened (clinical.md §2.3; Andrade 2017; SPRAVATO label; Carolinas). */
const INTERACTION_REASONS: Record<Exclude<InteractionClass, 'benzodiazepine'>, string> = {
  gabapentinoid: 'Gabapentin or pregabalin may blunt the effect of ketamine (weak evidence).',
  glutamate_release_inhibitor:
    'Lamotrigine and similar medicines may reduce the effects and side effects of ketamine; the effect on response is unknown.',
  maoi: 'MAOIs can raise blood pressure further when taken with ketamine.',
  psychostimulant: 'Stimulants can raise blood pressure further when taken with ketamine.',
  opioid: 'Opioids add to the sedation ketamine causes; some clinics will not give ketamine alongside them.',
  other_cns_depressant: 'Other sedating medicines add to the sedation ketamine causes.',
  cyp_modulator: 'CYP2B6 or CYP3A4 inducers and inhibitors can lower or raise the amount of ketamine in the body.',
};

const NO_MEDICATION = 'No medication of this kind listed.';

function benzodiazepineResult(medications: readonly Medication[], policy: EligibilityPolicy): ContraindicationResult {
  const ruleId = interactionRuleId('benzodiazepine');
  const setting = policy.interactions.benzodiazepine;
  const threshold = policy.benzodiazepines.maxDiazepamEquivalentMgPerDay;
  if (!medications.some((m) => m.drugClass === 'benzodiazepine')) {
    return { ruleId, kind: 'interaction', level: 'clear', reason: NO_MEDICATION, clearance: [], evidence: [], severity: null };
  }
  const load = benzodiazepineLoad(medications, policy);
  const total = `${Math.round(load.diazepamEquivalentMgPerDay * 100) / 100} mg diazepam-equivalent a day`;
  // Strictly above the threshold: ">8 mg" separated non-responders (Andrade 2017, clinical.md §2.3).
  const over = load.diazepamEquivalentMgPerDay > threshold || load.overDrugCeiling.length > 0;
  if (over || load.unconverted.length > 0) {
    const why = over
      ? `Benzodiazepines at ${total}, above the clinic's ${threshold} mg threshold, may blunt the antidepressant effect of ketamine and add to its sedation.`
      : `A benzodiazepine dose could not be converted to diazepam-equivalents, so it may be above the clinic's ${threshold} mg threshold; review it.`;
    return {
      ruleId,
      kind: 'interaction',
      level: setting.level,
      reason: why,
      clearance: setting.level === 'relative' ? setting.clearance : [],
      evidence: load.evidence,
      severity: setting.severity,
    };
  }
  return {
    ruleId,
    kind: 'interaction',
    level: 'clear',
    reason: `Benzodiazepines at ${total}, at or under the clinic's ${threshold} mg threshold; expect more sedation.`,
    clearance: [],
    evidence: load.evidence,
    severity: 'low',
  };
}

function classResult(
  drugClass: Exclude<InteractionClass, 'benzodiazepine'>,
  medications: readonly Medication[],
  policy: EligibilityPolicy,
): ContraindicationResult {
  const ruleId = interactionRuleId(drugClass);
  const found = medications.filter((m) => m.drugClass === drugClass);
  if (found.length === 0) {
    return { ruleId, kind: 'interaction', level: 'clear', reason: NO_MEDICATION, clearance: [], evidence: [], severity: null };
  }
  const setting = policy.interactions[drugClass];
  return {
    ruleId,
    kind: 'interaction',
    level: setting.level,
    reason: INTERACTION_REASONS[drugClass],
    clearance: setting.level === 'relative' ? setting.clearance : [],
    evidence: found.map((m) => (m.dailyDoseMg === null ? m.name : `${m.name} ${m.dailyDoseMg} mg/day`)),
    severity: setting.severity,
  };
}

/**
 * One result per interaction class (clinical.md §2.3), ready to become a FHIR DetectedIssue when
 * `severity` is set. Conventional antidepressants have no rule: they "can usually be continued".
 * Stopping interacting drugs some half-lives before dosing (Psyon) is a prescriber's plan, not a rule here.
 */
export function evaluateInteractions(medications: readonly Medication[], policy: EligibilityPolicy): ContraindicationResult[] {
  return INTERACTION_CLASSES.map((drugClass) =>
    drugClass === 'benzodiazepine' ? benzodiazepineResult(medications, policy) : classResult(drugClass, medications, policy),
  );
}
