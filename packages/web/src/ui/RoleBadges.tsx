import { Badge, Group } from '@mantine/core';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@lantern/core';

const ROLE_COLORS: Record<StaffRole, string> = {
  admin: 'indigo',
  physician: 'blue',
  nurse: 'teal',
  therapist: 'grape',
  front_desk: 'cyan',
  billing: 'green',
  auditor: 'orange',
};

/** Select/checkbox options for every staff role, labelled for people. */
export const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function RoleBadges({ roles }: { roles: readonly StaffRole[] }): React.JSX.Element {
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color={ROLE_COLORS[role]} size="sm" radius="sm" tt="none">
          {ROLE_LABELS[role]}
        </Badge>
      ))}
    </Group>
  );
}
