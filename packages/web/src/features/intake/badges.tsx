import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { INQUIRY_STATUS_LABELS, TRIAGE_LABELS, type InquiryStatus, type TriageKind } from '@lantern/core';

const TRIAGE_COLOR: Record<TriageKind, string> = { urgent_safety: 'red', likely_ineligible: 'orange', ready_for_evaluation: 'teal' };

/** The automatic triage of an inquiry: urgent safety in solid red, so it cannot be missed. */
export function TriageBadge({ triage, size = 'sm' }: { triage: TriageKind; size?: 'sm' | 'md' | 'lg' }): React.JSX.Element {
  const urgent = triage === 'urgent_safety';
  return (
    <Badge color={TRIAGE_COLOR[triage]} variant={urgent ? 'filled' : 'light'} size={size} tt="none" leftSection={urgent ? <IconAlertTriangle size={12} aria-hidden /> : undefined}>
      {TRIAGE_LABELS[triage]}
    </Badge>
  );
}

const STATUS_COLOR: Record<InquiryStatus, string> = { new: 'blue', contacted: 'grape', evaluation_scheduled: 'indigo', closed: 'gray', converted: 'teal' };

export function InquiryStatusBadge({ status }: { status: InquiryStatus }): React.JSX.Element {
  return (
    <Badge color={STATUS_COLOR[status]} variant="outline" size="sm" tt="none">
      {INQUIRY_STATUS_LABELS[status]}
    </Badge>
  );
}
