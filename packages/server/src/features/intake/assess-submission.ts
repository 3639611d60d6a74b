import {
  ageInYears,
  assessContraindications,
  scoreCssrs,
  scoreGad7,
  scorePhq9,
  selfReportChart,
  triageInquiry,
  type ContraindicationResult,
  type EligibilityPolicy,
  type InquirySubmission,
  type IntakeChart,
  type PrescreenScores,
  type SafetyReason,
  type TriageKind,
  type TriageReason,
  intakeChart,
  canonicalJson,
} from '@lantern/core';
import { sha256Hex } from '../../platform/crypto.js';

/** What Lantern concludes from one submission, before anything is stored. */
export interface SubmissionAssessment {
  readonly triage: TriageKind;
  readonly urgent: boolean;
  readonly safetyReasons: readonly SafetyReason[];
  readonly reasons: readonly TriageReason[];
  readonly scores: PrescreenScores;
  /** SHA-256 of the normalized answers (without the idempotency key and honeypot). */
  readonly contentHash: string;
}

function contraindicationReason(result: ContraindicationResult): TriageReason {
  return {
    code: result.ruleId,
    level: result.level === 'absolute' ? 'absolute' : 'relative',
    message: result.reason,
    clearance: [...result.clearance],
    evidence: [...result.evidence],
  };
}

function safetyReason(reason: SafetyReason, level: 'urgent' | 'follow_up'): TriageReason {
  return { code: reason.code, level, message: reason.message, clearance: [], evidence: [] };
}

/** The scores of each questionnaire answered (clinical.md §4.1 bands; C-SSRS levels per §4.3). */
export function scorePrescreen(submission: InquirySubmission): PrescreenScores {
  const prescreen = submission.prescreen;
  const phq9 = prescreen?.phq9 ? scorePhq9(prescreen.phq9) : null;
  const gad7 = prescreen?.gad7 ? scoreGad7(prescreen.gad7) : null;
  const cssrs = prescreen?.cssrs ? scoreCssrs(prescreen.cssrs) : null;
  return {
    phq9: phq9 ? { total: phq9.total, severity: phq9.severity, item9: phq9.item9 } : null,
    gad7: gad7 ? { total: gad7.total, severity: gad7.severity } : null,
    cssrs: cssrs ? { riskLevel: cssrs.riskLevel, action: cssrs.action } : null,
  };
}

/** The self-report in the contraindication engine's chart shape. */
export function chartOf(submission: Pick<InquirySubmission, 'dateOfBirth' | 'prescreen'> & { readonly ageYears?: number | undefined }): IntakeChart {
  const prescreen = submission.prescreen;
  return intakeChart.parse(
    selfReportChart({
      dateOfBirth: submission.dateOfBirth,
      ageYears: submission.ageYears,
      pregnant: prescreen?.pregnant,
      breastfeeding: prescreen?.breastfeeding,
      conditions: prescreen?.conditions,
      medicationClasses: prescreen?.medicationClasses,
      cssrs: prescreen?.cssrs,
    }),
  );
}

/** The fingerprint of a submission's content: the same answers give the same hash. */
export function submissionHash(clinicId: string, submission: InquirySubmission): string {
  const { idempotencyKey: _key, website: _honeypot, ...content } = submission;
  return sha256Hex(canonicalJson({ clinicId, ...content, email: content.email?.toLowerCase() }));
}

/**
 * Scores, screens and triages a validated submission with the core rules (safety first, then
 * contraindications). A date of birth in the future or over 120 years ago throws a ValidationError
 * at `dateOfBirth`. For an urgent screen the contraindications are still listed, for the clinician.
 */
export function assessSubmission(options: {
  readonly clinicId: string;
  readonly submission: InquirySubmission;
  readonly policy: EligibilityPolicy;
  readonly today: string;
}): SubmissionAssessment {
  const { submission, policy, today } = options;
  if (submission.dateOfBirth !== undefined) ageInYears(submission.dateOfBirth, today);
  const chart = chartOf(submission);
  const prescreen = submission.prescreen;
  const triage = triageInquiry({
    prescreen: {
      ...(prescreen?.phq9 ? { phq9: prescreen.phq9 } : {}),
      ...(prescreen?.cssrs ? { cssrs: prescreen.cssrs } : {}),
    },
    chart,
    policy,
    today,
  });
  const assessment = triage.kind === 'urgent_safety' ? assessContraindications({ chart, policy, today }) : triage.assessment;
  const reasons: TriageReason[] = [
    ...triage.safety.reasons.map((reason) => safetyReason(reason, 'urgent')),
    ...triage.safety.followUps.map((reason) => safetyReason(reason, 'follow_up')),
    ...assessment.absolute.map(contraindicationReason),
    ...assessment.relative.map(contraindicationReason),
  ];
  return {
    triage: triage.kind,
    urgent: triage.safety.urgent,
    safetyReasons: triage.safety.reasons,
    reasons,
    scores: scorePrescreen(submission),
    contentHash: submissionHash(options.clinicId, submission),
  };
}
