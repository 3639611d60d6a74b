import type { InteractionSeverity } from '../policy.js';
import type { ContraindicationRuleId } from './rule-ids.js';

/** What one rule concluded: a hard stop, a stop until cleared, or nothing found. */
export type ContraindicationLevel = 'absolute' | 'relative' | 'clear';

const LEVEL_RANK: Record<ContraindicationLevel, number> = { clear: 0, relative: 1, absolute: 2 };

/** Orders levels: clear < relative < absolute. */
export function levelRank(level: ContraindicationLevel): number {
  return LEVEL_RANK[level];
}

/** The most restrictive level among `levels` ('clear' when empty). */
export function worstLevel(levels: Iterable<ContraindicationLevel>): ContraindicationLevel {
  let worst: ContraindicationLevel = 'clear';
  for (const level of levels) if (LEVEL_RANK[level] > LEVEL_RANK[worst]) worst = level;
  return worst;
}

/** One rule's result. Every rule yields one, clear or not, so a reviewer sees what was screened. */
export interface ContraindicationResult {
  readonly ruleId: ContraindicationRuleId;
  readonly kind: 'age' | 'condition' | 'interaction';
  readonly level: ContraindicationLevel;
  /** Plain language, for the chart and for the clinician explaining it to the person. */
  readonly reason: string;
  /** What a relative contraindication needs before dosing (from policy); empty otherwise. */
  readonly clearance: readonly string[];
  /** The facts that triggered the rule (diagnosis codes, findings, readings, medications). */
  readonly evidence: readonly string[];
  /** Interactions only: the DetectedIssue severity when a medication was found; otherwise null. */
  readonly severity: InteractionSeverity | null;
}
