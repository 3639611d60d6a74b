import { z } from 'zod';
import { PolicyBlocked, type Unmet } from '../errors.js';
import type { StaffRole } from '../roles.js';
import type { ContraindicationAssessment } from './contraindications/assess.js';
import type { ContraindicationRuleId } from './contraindications/rule-ids.js';
import type { EligibilityPolicy } from './policy.js';

/** The physician's determination at the end of the evaluation phase (clinical.md §2.4 item 13). */
export const eligibilityOutcome = z.enum(['eligible', 'eligible_with_conditions', 'not_eligible']);
export type EligibilityOutcome = z.infer<typeof eligibilityOutcome>;

/** A staff member who signs, decides or approves. */
export interface Signer {
  readonly userId: string;
  readonly roles: readonly StaffRole[];
}

/**
 * A medical-director override of one absolute contraindication (clinical.md §2.2: "a hard stop unless
 * the medical director overrides"). It needs a reason and approval by the admin and physician roles.
 */
export interface AbsoluteOverride {
  readonly ruleId: ContraindicationRuleId;
  readonly reason: string;
  readonly approvedBy: readonly Signer[];
}

/** A physician's note that a relative contraindication has been cleared (e.g. "EKG normal, cardiology letter on file"). */
export interface Clearance {
  readonly ruleId: ContraindicationRuleId;
  readonly note: string;
}

export interface EligibilityDecisionInput {
  readonly outcome: EligibilityOutcome;
  /** Required, and only allowed, for eligible_with_conditions. */
  readonly conditions: readonly string[];
  /** Who signed the therapist's evaluation; null while unsigned. */
  readonly therapistEvaluationSignedBy: Signer | null;
  /** Who signed the physician's exam; null while unsigned. */
  readonly physicianExamSignedBy: Signer | null;
  /** Who is recording the decision. */
  readonly decidedBy: Signer;
  /** The contraindication assessment of the chart as signed. */
  readonly assessment: ContraindicationAssessment;
  readonly overrides: readonly AbsoluteOverride[];
  readonly clearances: readonly Clearance[];
}

const hasRole = (signer: Signer, role: StaffRole): boolean => signer.roles.includes(role);

/** What an override still lacks; empty when it counts. */
export function overrideUnmet(override: AbsoluteOverride, policy: EligibilityPolicy): Unmet[] {
  const unmet: Unmet[] = [];
  const minimum = policy.overrides.minReasonLength;
  if (override.reason.trim().length < minimum) {
    unmet.push({ code: 'override_reason', message: `Explain the override of ${override.ruleId} in at least ${minimum} characters` });
  }
  const admins = override.approvedBy.filter((signer) => hasRole(signer, 'admin'));
  const physicians = override.approvedBy.filter((signer) => hasRole(signer, 'physician'));
  if (admins.length === 0) {
    unmet.push({ code: 'override_admin_approval', message: `An administrator (medical director) must approve the override of ${override.ruleId}` });
  }
  if (physicians.length === 0) {
    unmet.push({ code: 'override_physician_approval', message: `A physician must approve the override of ${override.ruleId}` });
  }
  const separate = admins.some((admin) => physicians.some((physician) => physician.userId !== admin.userId));
  if (policy.overrides.requireSeparateApprovers && admins.length > 0 && physicians.length > 0 && !separate) {
    unmet.push({ code: 'override_separate_approvers', message: `Two different people must approve the override of ${override.ruleId}` });
  }
  return unmet;
}

/**
 * Everything that stops this decision being recorded; empty when it may be. Any outcome needs both
 * signatures (therapist evaluation by a therapist, physician exam by a physician) and a physician
 * deciding. An eligible outcome also needs every absolute contraindication overridden (validly) and,
 * when unconditional, every relative one cleared; not_eligible needs neither.
 */
export function eligibilityDecisionUnmet(input: EligibilityDecisionInput, policy: EligibilityPolicy): Unmet[] {
  const unmet: Unmet[] = [];
  const therapist = input.therapistEvaluationSignedBy;
  if (!therapist || !hasRole(therapist, 'therapist')) {
    unmet.push({ code: 'therapist_evaluation_signed', message: 'The therapist evaluation must be signed by a therapist' });
  }
  const physician = input.physicianExamSignedBy;
  if (!physician || !hasRole(physician, 'physician')) {
    unmet.push({ code: 'physician_exam_signed', message: 'The physician exam must be signed by a physician' });
  }
  if (!hasRole(input.decidedBy, 'physician')) {
    unmet.push({ code: 'decided_by_physician', message: 'A physician records the eligibility decision' });
  }
  const conditions = input.conditions.filter((condition) => condition.trim() !== '');
  if (input.outcome === 'eligible_with_conditions' && conditions.length === 0) {
    unmet.push({ code: 'conditions_listed', message: 'List the conditions of eligibility' });
  }
  if (input.outcome !== 'eligible_with_conditions' && conditions.length > 0) {
    unmet.push({ code: 'conditions_only_when_conditional', message: 'Conditions belong to an "eligible with conditions" decision' });
  }
  if (input.outcome === 'not_eligible') return unmet;

  for (const result of input.assessment.absolute) {
    const override = input.overrides.find((candidate) => candidate.ruleId === result.ruleId);
    if (!override) {
      unmet.push({ code: 'absolute_contraindication', message: `${result.reason} An override by the medical director is needed.` });
    } else {
      unmet.push(...overrideUnmet(override, policy));
    }
  }
  if (input.outcome === 'eligible') {
    for (const result of input.assessment.relative) {
      if (!input.clearances.some((clearance) => clearance.ruleId === result.ruleId && clearance.note.trim() !== '')) {
        const needed = result.clearance.length > 0 ? ` Needed: ${result.clearance.join('; ')}.` : '';
        unmet.push({ code: 'relative_contraindication_cleared', message: `${result.reason}${needed}` });
      }
    }
  }
  return unmet;
}

/** Throws PolicyBlocked listing every unmet condition, or returns when the decision may be recorded. */
export function assertEligibilityDecision(input: EligibilityDecisionInput, policy: EligibilityPolicy): void {
  const unmet = eligibilityDecisionUnmet(input, policy);
  if (unmet.length > 0) throw new PolicyBlocked('The eligibility decision cannot be recorded yet', unmet);
}
