import { Button, Grid, Group, Paper, ScrollArea, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CONSENT_KIND_LABELS, RECONSENT_ON_NEW_VERSION, type ConsentDocumentView, type ConsentKind } from '@lantern/core';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ConsentDocumentText } from './ConsentDocumentText';
import { usePublishConsentDocument } from './consent-api';

/**
 * Writes the next version of one kind, starting from the current text, with a live preview rendered
 * exactly as the patient and the PDF will show it. Publishing asks first: it cannot be undone.
 */
export function ConsentDocumentEditor(props: { kind: ConsentKind; current: ConsentDocumentView | null; onDone: () => void }): React.JSX.Element {
  const publish = usePublishConsentDocument();
  const [title, setTitle] = useState(props.current?.title ?? CONSENT_KIND_LABELS[props.kind]);
  const [body, setBody] = useState(props.current?.body ?? '');
  const [changeNote, setChangeNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const nextVersion = (props.current?.version ?? 0) + 1;
  const unchanged = props.current !== null && title.trim() === props.current.title && body.trim() === props.current.body;
  const ready = title.trim().length >= 3 && body.trim().length >= 50 && !unchanged;
  const fieldError = (field: string): string | undefined => publish.error?.fieldError(field);

  return (
    <Stack gap="md">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="sm">
            <TextInput label="Title" value={title} onChange={(event) => setTitle(event.currentTarget.value)} maxLength={200} error={fieldError('title')} required />
            <Textarea
              label="Text (Markdown)"
              description="Headings with #, ## and ###; lists with - or 1.; **bold** and *italic*. Nothing else is interpreted."
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              autosize
              minRows={16}
              maxRows={28}
              maxLength={60_000}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              error={fieldError('body')}
              required
            />
            <TextInput
              label="What changed (optional)"
              description="Shown with the version history."
              value={changeNote}
              onChange={(event) => setChangeNote(event.currentTarget.value)}
              maxLength={1000}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text fw={500} size="sm" mb={4}>
            Preview
          </Text>
          <Paper withBorder radius="md" p="md">
            <ScrollArea.Autosize mah={640}>
              <ConsentDocumentText title={title} body={body} size="sm" />
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
      </Grid>
      {unchanged ? (
        <Text size="sm" c="dimmed">
          The text is the same as version {props.current?.version}; change it to publish a new version.
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onDone}>
          Cancel
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={!ready}>
          Publish version {nextVersion}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={`Publish version ${nextVersion}?`}
        confirmLabel={`Publish version ${nextVersion}`}
        busy={publish.isPending}
        error={publish.error}
        onClose={() => {
          publish.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          publish.mutate(
            { kind: props.kind, title: title.trim(), body: body.trim(), ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}), expectedCurrentVersion: props.current?.version ?? 0 },
            {
              onSuccess: (published) => {
                notifications.show({ color: 'teal', message: `Version ${published.version} published` });
                setConfirming(false);
                props.onDone();
              },
            },
          )
        }
      >
        <Text size="sm">
          A published version is never edited; a correction is another version.
          {props.current && RECONSENT_ON_NEW_VERSION[props.kind]
            ? ` Version ${props.current.version} stops being signable at once, and every patient who signed it must re-consent before their next medicine session.`
            : props.current
              ? ' Releases already signed stay valid until they expire or are revoked; new releases use this version.'
              : ''}
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
