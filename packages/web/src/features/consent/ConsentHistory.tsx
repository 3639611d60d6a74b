import { Anchor, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { CONSENT_KIND_LABELS, type ConsentRecord, type PatientConsentsResponse } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { formatCalendarDate, formatDateTime } from '../../ui/time';
import { ConsentStateBadge } from './ConsentStateBadge';
import { consentPdfUrl } from './consent-api';

/** A link that downloads one signed consent as a PDF. */
export function ConsentPdfLink(props: { patientId: string; consent: Pick<ConsentRecord, 'id' | 'kind' | 'documentVersion'> }): React.JSX.Element {
  return (
    <Anchor href={consentPdfUrl(props.patientId, props.consent.id)} download size="sm" aria-label={`Download PDF of the signed ${CONSENT_KIND_LABELS[props.consent.kind]}, version ${props.consent.documentVersion}`}>
      <Group gap={4} wrap="nowrap" component="span">
        <IconDownload size={16} aria-hidden />
        PDF
      </Group>
    </Anchor>
  );
}

/** The patient's releases (MHRA): one row per recipient, each with its own expiry. */
export function ReleasesTable(props: { patientId: string; status: PatientConsentsResponse; canRevoke: boolean; onRevoke: (consent: ConsentRecord) => void }): React.JSX.Element {
  const { status } = props;
  if (status.releases.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No release authorizations on file. Without one, records may not be sent to anyone outside the clinic.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-label="Release authorizations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Recipient</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Signed</Table.Th>
            <Table.Th>Expires on</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.releases.map((release) => {
            const consent = status.consents.find((item) => item.id === release.consentId);
            return (
              <Table.Tr key={release.consentId}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {release.recipient}
                  </Text>
                  {consent?.release ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {consent.release.scope}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <ConsentStateBadge state={release.state} />
                </Table.Td>
                <Table.Td>{formatCalendarDate(release.signedOn)}</Table.Td>
                <Table.Td>{release.expiresOn ? formatCalendarDate(release.expiresOn) : '—'}</Table.Td>
                <Table.Td>
                  {consent ? (
                    <Group gap="sm" justify="flex-end" wrap="nowrap">
                      <ConsentPdfLink patientId={props.patientId} consent={consent} />
                      {props.canRevoke && release.state === 'active' ? (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => props.onRevoke(consent)} aria-label={`Revoke the release to ${release.recipient}`}>
                          Revoke
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every consent the patient signed, newest first, revoked ones included (nothing is deleted). */
export function ConsentHistory(props: { patientId: string; consents: readonly ConsentRecord[]; canRevoke: boolean; onRevoke: (consent: ConsentRecord) => void }): React.JSX.Element {
  const session = useSession();
  if (props.consents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing signed yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Signing history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Document</Table.Th>
            <Table.Th>Signed</Table.Th>
            <Table.Th>Signed as</Table.Th>
            <Table.Th>Witness</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.consents.map((consent) => (
            <Table.Tr key={consent.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {CONSENT_KIND_LABELS[consent.kind]} v{consent.documentVersion}
                </Text>
                {consent.revocation ? (
                  <Text size="xs" c="red.7">
                    Revoked {formatCalendarDate(consent.revocation.revokedOn)} by {consent.revocation.revokedBy}: {consent.revocation.reason}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{formatDateTime(consent.signedAt, session.clinic.timeZone)}</Table.Td>
              <Table.Td>
                {consent.typedName}
                {consent.hasDrawnSignature ? (
                  <Text size="xs" c="dimmed">
                    with drawn signature
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{consent.witness.name}</Table.Td>
              <Table.Td>
                <Group gap="sm" justify="flex-end" wrap="nowrap">
                  <ConsentPdfLink patientId={props.patientId} consent={consent} />
                  {props.canRevoke && !consent.revocation ? (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => props.onRevoke(consent)} aria-label={`Revoke ${CONSENT_KIND_LABELS[consent.kind]} v${consent.documentVersion}`}>
                      Revoke
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
