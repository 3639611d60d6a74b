import { Badge, Button, Grid, Group, NavLink, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { CONSENT_KINDS, type ConsentKind } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { formatDateTime } from '../../ui/time';
import { ConsentDocumentEditor } from './ConsentDocumentEditor';
import { ConsentDocumentText } from './ConsentDocumentText';
import { useConsentDocuments } from './consent-api';

/** Short tab labels that fit a tablet's width (the full names are in the document titles). */
const TAB_LABELS: Record<ConsentKind, string> = {
  kap_treatment: 'KAP treatment',
  telehealth: 'Telehealth',
  mhra_release: 'Release (MHRA)',
  privacy_notice_ack: 'Privacy notice',
};

/** The admin's consent documents: every version of each kind, and an editor for the next one. */
export function ConsentDocumentsPage(): React.JSX.Element {
  const session = useSession();
  const [kind, setKind] = useState<ConsentKind>('kap_treatment');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const versions = useConsentDocuments({ kind, history: true });
  const current = versions.data?.find((document) => document.current) ?? null;
  const selected = versions.data?.find((document) => document.id === selectedId) ?? current;

  return (
    <>
      <PageHeader
        title="Consent documents"
        description="Each kind is versioned. Publishing a new version supersedes the previous one; patients sign only the current version, and a new treatment consent asks for re-consent."
      />
      <SegmentedControl
        mb="lg"
        fullWidth
        aria-label="Kind of document"
        value={kind}
        onChange={(value) => {
          setKind(value as ConsentKind);
          setSelectedId(null);
          setEditing(false);
        }}
        data={CONSENT_KINDS.map((value) => ({ value, label: TAB_LABELS[value] }))}
      />
      {versions.isPending ? <Loading label="Loading versions…" /> : null}
      {versions.isError ? <ErrorAlert error={versions.error} title="The documents could not be loaded" onRetry={() => void versions.refetch()} /> : null}
      {versions.data && editing ? <ConsentDocumentEditor key={`${kind}-${current?.id ?? 'new'}`} kind={kind} current={current} onDone={() => setEditing(false)} /> : null}
      {versions.data && !editing ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder radius="md" p="xs" component="nav" aria-label="Versions">
              {versions.data.length === 0 ? (
                <Text size="sm" c="dimmed" p="sm">
                  No version published yet.
                </Text>
              ) : null}
              {versions.data.map((document) => (
                <NavLink
                  key={document.id}
                  active={document.id === selected?.id}
                  onClick={() => setSelectedId(document.id)}
                  label={
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        Version {document.version}
                      </Text>
                      {document.current ? (
                        <Badge size="xs" color="teal" variant="light">
                          Current
                        </Badge>
                      ) : (
                        <Badge size="xs" color="gray" variant="light">
                          Superseded
                        </Badge>
                      )}
                    </Group>
                  }
                  description={`${formatDateTime(document.publishedAt, session.clinic.timeZone)} · ${document.publishedBy ?? 'seeded'}${document.changeNote ? ` · ${document.changeNote}` : ''}`}
                />
              ))}
            </Paper>
            <Button mt="md" fullWidth leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {current ? `Write version ${current.version + 1}` : 'Write version 1'}
            </Button>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selected ? (
              <Paper withBorder radius="md" p="lg">
                <Stack gap="xs">
                  <ConsentDocumentText title={selected.title} body={selected.body} size="sm" />
                  <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    Version {selected.version} · SHA-256 {selected.contentHash}
                  </Text>
                </Stack>
              </Paper>
            ) : null}
          </Grid.Col>
        </Grid>
      ) : null}
    </>
  );
}
