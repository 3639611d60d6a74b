import { Badge } from '@mantine/core';
import type { EligibilityStatus } from '@lantern/core';

const STATUS: Record<EligibilityStatus, { label: string; color: string }> = {
  not_started: { label: 'Evaluation not started', color: 'gray' },
  in_evaluation: { label: 'In evaluation', color: 'blue' },
  ready_for_decision: { label: 'Ready for decision', color: 'indigo' },
  eligible: { label: 'Eligible', color: 'teal' },
  eligible_with_conditions: { label: 'Eligible with conditions', color: 'lime' },
  not_eligible: { label: 'Not eligible', color: 'red' },
  reopened: { label: 'Eligibility re-opened', color: 'orange' },
};

/** Where the patient stands on eligibility, in words (the colour is never the only signal). */
export function EligibilityBadge({ status, size = 'lg' }: { status: EligibilityStatus; size?: 'sm' | 'md' | 'lg' }): React.JSX.Element {
  const { label, color } = STATUS[status];
  return (
    <Badge color={color} variant={status === 'eligible' || status === 'not_eligible' || status === 'reopened' ? 'filled' : 'light'} size={size} tt="none" aria-label={`Eligibility: ${label}`}>
      {label}
    </Badge>
  );
}
