import type { ContraindicationAssessment } from '../intake/contraindications/assess.js';
import type { ContraindicationResult } from '../intake/contraindications/result.js';
import type { ContraindicationRuleId } from '../intake/contraindications/rule-ids.js';
import type { AbsoluteOverride, Clearance, Signer } from '../intake/eligibility-decision.js';

/**
 * A clearance (of a relative contraindication) or a medical-director override (of an absolute one),
 * as documented on the chart. It records the evidence it was given against: if the rule later gains
 * evidence that was not there (a second cardiac diagnosis after the cardiology letter), the old
 * clearance no longer covers it and must be given again (clinical.md §2.2; the same reasoning as
 * `compareAssessments` in ../intake/contraindications/reassess.ts).
 */
export interface RuleResolution {
  readonly id: string;
  readonly ruleId: ContraindicationRuleId;
  readonly kind: 'clearance' | 'override';
  /** The clearance note, or the override's reason. */
  readonly text: string;
  readonly evidence: readonly string[];
  readonly approvedBy: readonly Signer[];
  /** ISO instant; the latest resolution of a rule is the one that counts. */
  readonly at: string;
}

/** The kind of resolution a result at this level takes, or null for a clear rule. */
export function resolutionKindFor(result: ContraindicationResult): RuleResolution['kind'] | null {
  if (result.level === 'absolute') return 'override';
  if (result.level === 'relative') return 'clearance';
  return null;
}

/** Whether `resolution` covers `result` as it stands: the right kind, and no evidence it did not weigh. */
export function resolutionCovers(result: ContraindicationResult, resolution: RuleResolution): boolean {
  if (resolution.ruleId !== result.ruleId || resolution.kind !== resolutionKindFor(result)) return false;
  const weighed = new Set(resolution.evidence);
  return result.evidence.every((item) => weighed.has(item));
}

/** The latest resolution recorded for each rule. */
export function latestResolutions(resolutions: readonly RuleResolution[]): Map<ContraindicationRuleId, RuleResolution> {
  const latest = new Map<ContraindicationRuleId, RuleResolution>();
  for (const resolution of resolutions) {
    const seen = latest.get(resolution.ruleId);
    if (!seen || seen.at < resolution.at || (seen.at === resolution.at && seen.id < resolution.id)) latest.set(resolution.ruleId, resolution);
  }
  return latest;
}

/**
 * The overrides and clearances an eligibility decision may rely on now: for each standing absolute or
 * relative result, the latest resolution of its rule, if it still covers the result.
 */
export function applicableResolutions(
  assessment: ContraindicationAssessment,
  resolutions: readonly RuleResolution[],
): { overrides: AbsoluteOverride[]; clearances: Clearance[] } {
  const latest = latestResolutions(resolutions);
  const overrides: AbsoluteOverride[] = [];
  const clearances: Clearance[] = [];
  for (const result of [...assessment.absolute, ...assessment.relative]) {
    const resolution = latest.get(result.ruleId);
    if (!resolution || !resolutionCovers(result, resolution)) continue;
    if (resolution.kind === 'override') overrides.push({ ruleId: result.ruleId, reason: resolution.text, approvedBy: resolution.approvedBy });
    else clearances.push({ ruleId: result.ruleId, note: resolution.text });
  }
  return { overrides, clearances };
}
