import { assessContraindications, type ContraindicationAssessment } from './contraindications/assess.js';
import type { IntakeChart } from './contraindications/chart.js';
import type { ContraindicationResult } from './contraindications/result.js';
import type { EligibilityPolicy } from './policy.js';
import { screenSafety, type SafetyPrescreen, type SafetyScreenResult } from './safety-screen.js';

export interface TriageInquiryOptions {
  readonly prescreen: SafetyPrescreen;
  /** What the inquiry told us, in chart form (self-reported findings, age, medications). */
  readonly chart: IntakeChart;
  readonly policy: EligibilityPolicy;
  /** The clinic-local date, 'YYYY-MM-DD'. */
  readonly today: string;
}

/**
 * Where a new inquiry goes next. Safety comes first, whatever else is true; then an absolute
 * contraindication makes it likely ineligible (a clinician still reviews it: the self-report may be
 * wrong); otherwise it is ready for the evaluation phase, carrying the relative items to clear.
 */
export type InquiryTriage =
  | { readonly kind: 'urgent_safety'; readonly safety: SafetyScreenResult }
  | {
      readonly kind: 'likely_ineligible';
      readonly reasons: readonly ContraindicationResult[];
      readonly safety: SafetyScreenResult;
      readonly assessment: ContraindicationAssessment;
    }
  | {
      readonly kind: 'ready_for_evaluation';
      readonly toClear: readonly ContraindicationResult[];
      readonly safety: SafetyScreenResult;
      readonly assessment: ContraindicationAssessment;
    };

/**
 * Triage of an inquiry: deterministic, a function of the answers, the policy and the date only.
 * An urgent safety screen returns before the chart is assessed, so a bad date of birth or any other
 * chart error can never delay the crisis response.
 */
export function triageInquiry(options: TriageInquiryOptions): InquiryTriage {
  const safety = screenSafety(options.prescreen, options.policy);
  if (safety.urgent) return { kind: 'urgent_safety', safety };
  const assessment = assessContraindications({ chart: options.chart, policy: options.policy, today: options.today });
  if (assessment.absolute.length > 0) return { kind: 'likely_ineligible', reasons: assessment.absolute, safety, assessment };
  return { kind: 'ready_for_evaluation', toClear: assessment.relative, safety, assessment };
}
