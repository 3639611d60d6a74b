import { Badge } from '@mantine/core';
import type { PatientStatus } from '@lantern/core';

const STATUS: Record<PatientStatus, { label: string; color: string }> = {
  inquiry: { label: 'Inquiry', color: 'gray' },
  evaluation: { label: 'Evaluation', color: 'blue' },
  active: { label: 'Active', color: 'teal' },
  inactive: { label: 'Inactive', color: 'yellow' },
  discharged: { label: 'Discharged', color: 'gray' },
};

export function PatientStatusBadge({ status, size = 'sm' }: { status: PatientStatus; size?: 'sm' | 'md' | 'lg' }): React.JSX.Element {
  const { label, color } = STATUS[status];
  return (
    <Badge color={color} variant="light" size={size} tt="none">
      {label}
    </Badge>
  );
}
