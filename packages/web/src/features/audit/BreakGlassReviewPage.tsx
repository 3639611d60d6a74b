import { useState } from 'react';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import type { BreakGlassGrant } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { PageHeader } from '../../ui/PageHeader';
import { formatDateTime } from '../../ui/time';
import { useBreakGlassGrants } from './audit-api';
import { ReviewGrantModal } from './ReviewGrantModal';

/** Every emergency chart access, for the auditor to review (HIPAA §164.312(a)(2)(ii) and (b)). */
export function BreakGlassReviewPage(): React.JSX.Element {
  const session = useSession();
  const [show, setShow] = useState<'unreviewed' | 'all'>('unreviewed');
  const grants = useBreakGlassGrants(show === 'unreviewed');
  const [reviewing, setReviewing] = useState<BreakGlassGrant | null>(null);
  const zone = session.clinic.timeZone;
  return (
    <>
      <PageHeader
        title="Break-glass review"
        description="Each time someone opened a chart outside their care team in an emergency. Review each one and record whether it was justified."
        actions={
          <SegmentedControl
            aria-label="Which grants"
            value={show}
            onChange={(value) => setShow(value === 'all' ? 'all' : 'unreviewed')}
            data={[
              { value: 'unreviewed', label: 'Awaiting review' },
              { value: 'all', label: 'All' },
            ]}
          />
        }
      />
      {grants.isPending ? <Loading label="Loading grants…" /> : null}
      {grants.isError ? <ErrorAlert error={grants.error} title="Grants could not be loaded" onRetry={() => void grants.refetch()} /> : null}
      {grants.data && grants.data.length === 0 ? (
        <EmptyNotice
          icon={<IconLockOpen />}
         
          title={show === 'unreviewed' ? 'Nothing awaiting review' : 'No emergency access yet'}
          description={show === 'unreviewed' ? 'Every break-glass access has been reviewed.' : 'When someone uses break-glass access, it is listed here.'}
        />
      ) : null}
      {grants.data && grants.data.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Break-glass grants" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Granted</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Patient</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>Review</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grants.data.map((grant) => (
                  <Table.Tr key={grant.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDateTime(grant.grantedAt, zone)}</Text>
                      <Text size="xs" c="dimmed">
                        until {formatDateTime(grant.expiresAt, zone)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{grant.userName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{grant.patientMrn}</Text>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" lineClamp={3}>
                        {grant.reason}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {grant.reviewedAt ? (
                        <Stack gap={2}>
                          <Badge color="teal" variant="light" size="sm">
                            Reviewed
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {grant.reviewedBy ?? 'Someone'}, {formatDateTime(grant.reviewedAt, zone)}
                          </Text>
                          {grant.reviewNote ? (
                            <Text size="xs" lineClamp={2}>
                              {grant.reviewNote}
                            </Text>
                          ) : null}
                        </Stack>
                      ) : (
                        <Group>
                          <Button size="xs" onClick={() => setReviewing(grant)} aria-label={`Review access by ${grant.userName} to ${grant.patientMrn}`}>
                            Review
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <ReviewGrantModal grant={reviewing} onClose={() => setReviewing(null)} />
    </>
  );
}
