import { Badge, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { StaffMember } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { RoleBadges } from '../../ui/RoleBadges';
import { formatShortDateTime } from '../../ui/time';
import { StaffRowMenu } from './StaffRowMenu';

function mfaText(member: StaffMember): string {
  if (member.mfaEnabled) return 'Two-factor on';
  if (member.mfaExempt) return 'Two-factor exempt (demo)';
  return 'Two-factor not set up';
}

function StatusBadge({ member }: { member: StaffMember }): React.JSX.Element {
  if (!member.active) return <Badge color="gray" variant="outline" size="sm">Deactivated</Badge>;
  if (member.locked) return <Badge color="red" variant="light" size="sm">Locked</Badge>;
  if (!member.lastLoginAt) return <Badge color="blue" variant="light" size="sm">Invited</Badge>;
  return <Badge color="green" variant="light" size="sm">Active</Badge>;
}

/** The staff list; each row ends with the account actions menu. */
export function StaffTable({ staff }: { staff: readonly StaffMember[] }): React.JSX.Element {
  const session = useSession();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table aria-label="Staff members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>Access</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Last sign-in</Table.Th>
            <Table.Th w={52}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => (
            <Table.Tr key={member.id} style={member.active ? undefined : { opacity: 0.65 }}>
              <Table.Td>
                <Stack gap={0}>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {member.displayName}
                    </Text>
                    {member.id === session.user.id ? (
                      <Badge size="xs" variant="outline" color="gray">
                        You
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <RoleBadges roles={member.roles} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StatusBadge member={member} />
                  <Text size="xs" c={member.mfaEnabled || member.mfaExempt ? 'dimmed' : 'yellow.8'}>
                    {mfaText(member)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={member.lastLoginAt ? undefined : 'dimmed'}>
                  {member.lastLoginAt ? formatShortDateTime(member.lastLoginAt, session.clinic.timeZone) : 'Never'}
                </Text>
              </Table.Td>
              <Table.Td>
                <StaffRowMenu member={member} isSelf={member.id === session.user.id} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
