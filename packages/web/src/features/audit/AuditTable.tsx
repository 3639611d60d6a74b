import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import type { AuditEventView } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { formatDateTime } from '../../ui/time';
import { ACTION_LABELS } from './audit-filters';

const ACTION_COLORS: Partial<Record<AuditEventView['action'], string>> = {
  login_failed: 'red',
  break_glass: 'red',
  delete: 'red',
  mfa_reset: 'orange',
  export: 'orange',
  print: 'orange',
  create: 'teal',
  update: 'blue',
};

/** One page of audit entries; the user and patient cells can narrow the filters to themselves. */
export function AuditTable(props: { events: readonly AuditEventView[]; onFilterUser: (userId: string) => void; onFilterPatient: (patientId: string) => void }): React.JSX.Element {
  const session = useSession();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Audit entries" fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>User</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Resource</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateTime(event.at, session.clinic.timeZone)}</Text>
                <Text size="xs" c="dimmed">
                  #{event.seq}
                  {event.sourceIp ? ` · ${event.sourceIp}` : ''}
                </Text>
              </Table.Td>
              <Table.Td maw={220}>
                {event.userId ? (
                  <Group gap={4} wrap="nowrap">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" truncate>
                        {event.userEmail ?? event.userId}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {event.userRoles.replaceAll(',', ', ')}
                      </Text>
                    </Stack>
                    <Tooltip label="Show only this user">
                      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Filter by ${event.userEmail ?? event.userId}`} onClick={() => event.userId && props.onFilterUser(event.userId)}>
                        <IconFilter size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {event.userEmail ?? 'Unknown account'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge variant="light" size="sm" color={ACTION_COLORS[event.action] ?? 'gray'} tt="none">
                    {ACTION_LABELS[event.action]}
                  </Badge>
                  {event.breakGlassReason && event.action !== 'break_glass' ? (
                    <Tooltip label={`Break-glass: ${event.breakGlassReason}`} multiline w={260}>
                      <Badge variant="outline" size="sm" color="red" tt="none">
                        via break-glass
                      </Badge>
                    </Tooltip>
                  ) : null}
                </Group>
                {event.action === 'break_glass' && event.breakGlassReason ? (
                  <Text size="xs" c="dimmed" lineClamp={2} maw={200}>
                    “{event.breakGlassReason}”
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" size="sm" color={event.outcome === 'success' ? 'teal' : 'red'} tt="none">
                  {event.outcome === 'success' ? 'Success' : 'Failure'}
                </Badge>
              </Table.Td>
              <Table.Td>
                {event.patientId ? (
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm">{event.patientMrn ?? 'Patient'}</Text>
                    <Tooltip label="Show only this patient">
                      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Filter by patient ${event.patientMrn ?? event.patientId}`} onClick={() => event.patientId && props.onFilterPatient(event.patientId)}>
                        <IconFilter size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    –
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{event.resourceType ?? '–'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
