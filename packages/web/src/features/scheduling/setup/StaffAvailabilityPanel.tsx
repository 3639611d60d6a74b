import { useState } from 'react';
import { Group, Select, Stack, Text } from '@mantine/core';
import type { SchedulingSetup } from '@lantern/core';
import { RoleBadges } from '../../../ui/RoleBadges';
import { AvailabilityEditor } from './AvailabilityEditor';
import { TimeOffEditor } from './TimeOffEditor';

/** Pick a staff member, then edit their weekly hours, date exceptions and time off. */
export function StaffAvailabilityPanel(props: { setup: SchedulingSetup; today: string }): React.JSX.Element {
  const { setup } = props;
  const [staffId, setStaffId] = useState<string | null>(setup.staff[0]?.id ?? null);
  const member = setup.staff.find((s) => s.id === staffId);
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Select
          label="Staff member"
          w={320}
          data={setup.staff.map((s) => ({ value: s.id, label: s.displayName }))}
          value={staffId}
          onChange={setStaffId}
          allowDeselect={false}
          searchable
        />
        {member ? <RoleBadges roles={member.roles} /> : null}
      </Group>
      {member ? (
        // Keyed by member: switching staff starts the forms afresh from the saved set-up.
        <Stack gap="md" key={member.id}>
          <AvailabilityEditor member={member} today={props.today} />
          <TimeOffEditor member={member} timeZone={setup.timeZone} today={props.today} />
        </Stack>
      ) : (
        <Text c="dimmed">No staff members yet.</Text>
      )}
    </Stack>
  );
}
