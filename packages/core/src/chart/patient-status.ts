import type { EligibilityOutcome } from '../intake/eligibility-decision.js';
import type { PatientStatus } from '../schemas/patients.js';

/**
 * Where a chart's administrative status moves when the evaluation phase advances (program.md, phase
 * 1). A person starts as an `inquiry`; converting their inquiry or signing the first evaluation note
 * starts their `evaluation`; an eligible decision (with or without conditions) makes them `active`
 * (in care). A not-eligible decision leaves the chart where it was: the decision itself shows on the
 * header, and discharging is a separate, deliberate step. A status never moves backwards here, and
 * `inactive` / `discharged` charts are never reopened by these events.
 */
export type ChartEvent = { readonly kind: 'evaluation_started' } | { readonly kind: 'eligibility_decided'; readonly outcome: EligibilityOutcome };

export function patientStatusAfter(current: PatientStatus, event: ChartEvent): PatientStatus {
  if (event.kind === 'evaluation_started') return current === 'inquiry' ? 'evaluation' : current;
  if (event.outcome === 'not_eligible') return current;
  return current === 'inquiry' || current === 'evaluation' ? 'active' : current;
}
