import { Accordion, Badge, Group, Paper, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { PageHeader } from '../../ui/PageHeader';
import { formatDateTime } from '../../ui/time';
import { useOutbox } from './admin-api';

const STATUS_COLORS: Record<string, string> = { pending: 'yellow', queued: 'yellow', sent: 'teal', failed: 'red' };

/** Messages Lantern has sent or holds for sending; without SMTP they wait here, never dropped. */
export function OutboxPage(): React.JSX.Element {
  const session = useSession();
  const outbox = useOutbox();
  return (
    <>
      <PageHeader
        title="Outbox"
        description="E-mail Lantern sends, such as invitations. When no mail server is configured, messages wait here so nothing is silently lost."
      />
      {outbox.isPending ? <Loading label="Loading messages…" /> : null}
      {outbox.isError ? <ErrorAlert error={outbox.error} title="The outbox could not be loaded" onRetry={() => void outbox.refetch()} /> : null}
      {outbox.data && outbox.data.length === 0 ? (
        <EmptyNotice icon={<IconInbox />} title="No messages" description="Invitations and notices will appear here when Lantern sends them." />
      ) : null}
      {outbox.data && outbox.data.length > 0 ? (
        <Paper withBorder radius="md">
          <Accordion chevronPosition="left" variant="default" aria-label="Messages">
            {outbox.data.map((message) => (
              <Accordion.Item key={message.id} value={message.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" gap="md">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate>
                        {message.subject}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        To {message.to}
                      </Text>
                    </div>
                    <Group gap="sm" wrap="nowrap">
                      <Text size="xs" c="dimmed">
                        {formatDateTime(message.createdAt, session.clinic.timeZone)}
                      </Text>
                      <Badge size="sm" variant="light" color={STATUS_COLORS[message.status] ?? 'gray'}>
                        {message.status}
                      </Badge>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {message.body}
                  </Text>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Paper>
      ) : null}
    </>
  );
}
