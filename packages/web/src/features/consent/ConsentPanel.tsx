import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDeviceTablet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ConsentRecord, KindConsentStatusView } from '@lantern/core';
import { consentSigningPath } from '../../app/paths';
import { useCan } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { formatCalendarDate } from '../../ui/time';
import { ConsentHistory, ConsentPdfLink, ReleasesTable } from './ConsentHistory';
import { ConsentStateBadge } from './ConsentStateBadge';
import { usePatientConsents } from './consent-api';
import { RevokeConsentModal } from './RevokeConsentModal';

function signedText(row: KindConsentStatusView): string {
  if (row.currentVersion === null) return 'No version published yet';
  if (row.signedVersion === null || row.signedOn === null) return `Version ${row.currentVersion} to sign`;
  const signed = `v${row.signedVersion} signed ${formatCalendarDate(row.signedOn)}`;
  return row.signedVersion === row.currentVersion ? signed : `${signed}; current is v${row.currentVersion}`;
}

function actionLabel(row: KindConsentStatusView): string {
  if (row.kind === 'mhra_release') return 'New release';
  return row.state === 'missing' ? 'Present for signing' : 'Present again';
}

/**
 * A patient's consents at a glance, for the chart or its own page: the KAP gate for the next medicine
 * session, each kind's state with what to do about it (hand the tablet to the patient), the releases
 * on file, and the signing history with PDFs and revocation.
 */
export function ConsentPanel(props: { patientId: string }): React.JSX.Element {
  const allowed = useCan('consent.collect');
  const consents = usePatientConsents(props.patientId, allowed);
  const [revoking, setRevoking] = useState<ConsentRecord | null>(null);
  if (!allowed) {
    return (
      <Text size="sm" c="dimmed">
        Consents are not part of your role.
      </Text>
    );
  }
  if (consents.isPending) return <Loading label="Loading consents…" />;
  if (consents.isError) return <ErrorAlert error={consents.error} title="Consents could not be loaded" onRetry={() => void consents.refetch()} />;
  const status = consents.data;
  const byId = new Map(status.consents.map((consent) => [consent.id, consent]));
  return (
    <Stack gap="lg" component="section" aria-label="Consents">
      {status.kapConsent ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Needed before the next medicine session">
          {status.kapConsent.message}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="KAP consent is current">
          The patient has signed the current KAP treatment consent.
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="lg" mb="sm">
          Consent status
        </Title>
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" aria-label="Consent status">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Document</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Signed</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.kinds.map((row) => {
                const signed = row.consentId ? byId.get(row.consentId) : undefined;
                return (
                  <Table.Tr key={row.kind}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.label}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <ConsentStateBadge state={row.state} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{signedText(row)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        {row.currentVersion !== null && (row.state !== 'current' || row.kind === 'mhra_release') ? (
                          <Button
                            component={Link}
                            to={consentSigningPath(props.patientId, row.kind)}
                            size="compact-md"
                            variant={row.state === 'current' ? 'default' : 'filled'}
                            leftSection={<IconDeviceTablet size={16} aria-hidden />}
                            aria-label={`${actionLabel(row)}: ${row.label}`}
                          >
                            {actionLabel(row)}
                          </Button>
                        ) : null}
                        {signed ? <ConsentPdfLink patientId={props.patientId} consent={signed} /> : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="lg" mb="sm">
          Release authorizations (MHRA)
        </Title>
        <ReleasesTable patientId={props.patientId} status={status} canRevoke onRevoke={setRevoking} />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="lg" mb="sm">
          Signing history
        </Title>
        <ConsentHistory patientId={props.patientId} consents={status.consents} canRevoke onRevoke={setRevoking} />
      </Paper>
      <RevokeConsentModal patientId={props.patientId} consent={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
