import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CONTACT_METHOD_LABELS, HEARD_FROM_LABELS, MODALITY_LABELS, type InquiryDetail } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { formatCalendarDate, formatDateTime } from '../../ui/time';
import { InquiryStatusBadge, TriageBadge } from './badges';

function Fact({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Who is asking and what they told us. Free text is shown as text (React escapes it), line breaks kept. */
export function InquirySummaryCard({ inquiry }: { inquiry: InquiryDetail }): React.JSX.Element {
  const session = useSession();
  const age = inquiry.dateOfBirth ? formatCalendarDate(inquiry.dateOfBirth) : inquiry.ageYears !== null ? `Age ${inquiry.ageYears} (no date of birth given)` : 'Not given';
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={1} fz={24}>
              {inquiry.givenName} {inquiry.familyName}
            </Title>
            <Text size="sm" c="dimmed">
              {inquiry.preferredName ? `Goes by ${inquiry.preferredName} · ` : ''}Reference <span style={{ fontFamily: 'monospace' }}>{inquiry.reference}</span> · received{' '}
              {formatDateTime(inquiry.createdAt, session.clinic.timeZone)}
            </Text>
          </div>
          <Group gap="xs">
            <TriageBadge triage={inquiry.triage} size="lg" />
            <InquiryStatusBadge status={inquiry.status} />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Fact label="E-mail">{inquiry.email ?? '—'}</Fact>
          <Fact label="Phone">{inquiry.phone ?? '—'}</Fact>
          <Fact label="Contact by">{CONTACT_METHOD_LABELS[inquiry.preferredContact]}</Fact>
          <Fact label="Date of birth">{age}</Fact>
          <Fact label="Interested in">{MODALITY_LABELS[inquiry.modality]}</Fact>
          <Fact label="Heard about us">
            {inquiry.heardFrom ? HEARD_FROM_LABELS[inquiry.heardFrom] : '—'}
            {inquiry.heardFromDetail ? ` (${inquiry.heardFromDetail})` : ''}
          </Fact>
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
            What brings them
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {inquiry.reason}
          </Text>
        </div>
      </Stack>
    </Paper>
  );
}
