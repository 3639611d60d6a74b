import type { RuleChange } from '../intake/contraindications/reassess.js';
import type { EligibilityOutcome } from '../intake/eligibility-decision.js';
import type { EligibilityStatus } from '../schemas/eligibility.js';

export interface EligibilityFacts {
  /** The latest decision, and whether new information has re-opened it. */
  readonly decision: { readonly outcome: EligibilityOutcome; readonly reopened: boolean } | null;
  readonly evaluationSigned: boolean;
  readonly examSigned: boolean;
  /** Any evaluation note exists, draft or signed. */
  readonly anyNote: boolean;
}

/** Where a patient stands on eligibility, for the chart header (program.md phase 1). */
export function eligibilityStatusOf(facts: EligibilityFacts): EligibilityStatus {
  if (facts.decision) return facts.decision.reopened ? 'reopened' : facts.decision.outcome;
  if (facts.evaluationSigned && facts.examSigned) return 'ready_for_decision';
  return facts.anyNote || facts.evaluationSigned || facts.examSigned ? 'in_evaluation' : 'not_started';
}

/**
 * The gate before any medicine session: only a standing decision of eligible, or eligible with
 * conditions, lets a course go on (clinical.md §8.2: "no medicine session until the eligibility
 * determination is signed"). Re-opened, not eligible and undecided all stop it.
 */
export function eligibilityAllowsTreatment(status: EligibilityStatus): boolean {
  return status === 'eligible' || status === 'eligible_with_conditions';
}

const LEVEL_WORDS = { absolute: 'a hard stop', relative: 'needs clearance', clear: 'clear' } as const;

/**
 * Why a decision was re-opened, in words for the physician: each rule that became more restrictive
 * or gained new evidence, with the evidence. Bounded to 2,000 characters.
 */
export function reopenReason(changes: readonly RuleChange[]): string {
  const lines = changes
    .filter((change) => change.reopens)
    .map((change) => {
      const evidence = change.newEvidence.length > 0 ? ` New: ${change.newEvidence.join('; ')}.` : '';
      const moved = change.from === change.to ? `still ${LEVEL_WORDS[change.to]}` : `was ${LEVEL_WORDS[change.from]}, now ${LEVEL_WORDS[change.to]}`;
      return `${change.reason} (${change.ruleId}: ${moved}).${evidence}`;
    });
  const text = `New information on the chart re-opened the eligibility decision. ${lines.join(' ')}`;
  return text.length > 2000 ? `${text.slice(0, 1997)}...` : text;
}
