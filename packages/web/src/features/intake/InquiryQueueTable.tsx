import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { MODALITY_LABELS, type InquirySummary } from '@lantern/core';
import { inquiryPath } from '../../app/paths';
import { useSession } from '../../app/session-context';
import { formatShortDateTime } from '../../ui/time';
import { InquiryStatusBadge, TriageBadge } from './badges';

/** The queue: one row per inquiry, urgent first (the server orders it); the name opens the inquiry. */
export function InquiryQueueTable({ inquiries }: { inquiries: readonly InquirySummary[] }): React.JSX.Element {
  const session = useSession();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Inquiries" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Triage</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Interested in</Table.Th>
            <Table.Th>Assigned to</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inquiries.map((inquiry) => (
            <Table.Tr key={inquiry.id} bg={inquiry.triage === 'urgent_safety' && inquiry.status !== 'closed' && inquiry.status !== 'converted' ? 'var(--mantine-color-red-0)' : undefined}>
              <Table.Td>
                <Text size="sm">{formatShortDateTime(inquiry.createdAt, session.clinic.timeZone)}</Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={inquiryPath(inquiry.id)} fw={600} size="sm">
                  {inquiry.name}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {inquiry.reference}
                  {inquiry.hasPrescreen ? ' · pre-screen' : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <TriageBadge triage={inquiry.triage} />
              </Table.Td>
              <Table.Td>
                <InquiryStatusBadge status={inquiry.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{MODALITY_LABELS[inquiry.modality]}</Text>
              </Table.Td>
              <Table.Td>
                {inquiry.assignedTo ? (
                  <Text size="sm">{inquiry.assignedTo.displayName}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    Unassigned
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
