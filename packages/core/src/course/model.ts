import type { EpochMs } from '../scheduling/schemas.js';
import type { MedicineRoute } from '../scheduling/query.js';
import type { Unmet } from '../errors.js';

/** How a course is delivered (issue #4, "Modalities"). */
export const COURSE_MODALITIES = ['individual', 'couples', 'group'] as const;
export type CourseModality = (typeof COURSE_MODALITIES)[number];

/** Built-in focuses; a clinic may define its own (any other slug). */
export const BUILT_IN_FOCUSES = ['general', 'grief', 'religious_trauma'] as const;

/** The four phases of the program (program.md), plus maintenance and the end of the course. */
export const PHASES = ['evaluation', 'preparation', 'medicine', 'integration', 'maintenance', 'completed'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  evaluation: 'Evaluation',
  preparation: 'Preparation',
  medicine: 'Medicine',
  integration: 'Integration',
  maintenance: 'Maintenance / follow-up',
  completed: 'Completed',
};

/** Sessions the course engine records. */
export const SESSION_KINDS = ['preparation', 'medicine', 'integration', 'follow_up'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  preparation: 'Preparation session',
  medicine: 'Medicine session',
  integration: 'Integration session',
  follow_up: 'Follow-up session',
};

/** Individual (one patient), joint (a couple or family together) or group (a cohort). */
export const SESSION_FORMATS = ['individual', 'joint', 'group'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

/** Gate 5: what therapist and patient decide together after integration. */
export const CYCLE_DECISIONS = ['another_medicine', 'maintenance', 'complete'] as const;
export type CycleDecision = (typeof CYCLE_DECISIONS)[number];

export const CYCLE_DECISION_LABELS: Record<CycleDecision, string> = {
  another_medicine: 'Another medicine session (the cycle repeats)',
  maintenance: 'Move to maintenance / follow-up',
  complete: 'Complete the course',
};

/** Safety flags that hold medicine sessions until a clinician reviews them. */
export const SAFETY_FLAG_KINDS = ['cssrs_high_risk', 'phq9_item9', 'clinician_concern'] as const;
export type SafetyFlagKind = (typeof SAFETY_FLAG_KINDS)[number];

export const SAFETY_FLAG_LABELS: Record<SafetyFlagKind, string> = {
  cssrs_high_risk: 'C-SSRS high risk',
  phq9_item9: 'PHQ-9 item 9 (thoughts of self-harm) not yet reviewed',
  clinician_concern: 'Clinician safety concern',
};

/** A session as the rules see it: when it was held and whether its note is signed. */
export interface SessionFact {
  readonly id: string;
  readonly kind: SessionKind;
  readonly heldAt: EpochMs;
  /** The session's note is signed (for a medicine session: the physician's session note). */
  readonly signed: boolean;
  readonly route?: MedicineRoute | null;
  /** Medicine sessions: the response to the medicine is documented (needed before any IM session). */
  readonly responseDocumented?: boolean;
}

/** A recorded cycle decision (gate 5). */
export interface CycleDecisionFact {
  readonly decision: CycleDecision;
  readonly at: EpochMs;
  /** The medicine session whose cycle it closes. */
  readonly medicineSessionId: string;
}

/**
 * Everything one patient's gates read. The server loads it in one transaction; the rules do no I/O
 * and read no clock.
 */
export interface CourseFacts {
  readonly status: 'active' | 'maintenance' | 'completed';
  /** The eligibility decision stands as eligible or eligible with conditions (issue #3). */
  readonly eligible: boolean;
  /** Why not, in words (e.g. "Eligibility decision not yet recorded"). */
  readonly eligibilityMessage: string;
  /** The KAP consent gate's answer (core consent `kapConsentCurrent`): null when current. */
  readonly consent: Unmet | null;
  /** Therapist's per-patient minimum, replacing the policy's (with a reason). */
  readonly prepMinimumOverride: number | null;
  readonly readinessAttestedAt: EpochMs | null;
  readonly openSafetyFlags: readonly SafetyFlagKind[];
  /** Physician allowed an IM first medicine session (with a reason). */
  readonly firstRouteOverride: boolean;
  readonly sessions: readonly SessionFact[];
  readonly cycleDecisions: readonly CycleDecisionFact[];
}

/** A gate's answer: empty when the step may go ahead. */
export type GateResult = readonly Unmet[];
