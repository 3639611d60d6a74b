import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, List, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/time';
import { UnmetList } from '../chart/UnmetList';
import { unmetOf, useCosignSessionNote, useSaveSessionNote, useSessionNote, useSignSessionNote } from './course-api';

/**
 * One session note: the template's fields and free text while a draft (its author edits it), locked
 * once signed. The focus's prompts sit above the fields; a private process note stays with its author.
 */
export function SessionNoteModal(props: { noteId: string | null; onClose: () => void }): React.JSX.Element {
  const session = useSession();
  const note = useSessionNote(props.noteId);
  const save = useSaveSessionNote();
  const sign = useSignSessionNote();
  const cosign = useCosignSessionNote();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const loaded = note.data;
  useEffect(() => {
    if (!loaded) return;
    setFields(loaded.content.fields);
    setText(loaded.content.text);
    setPrivate(loaded.private);
  }, [loaded]);
  const close = (): void => {
    save.reset();
    sign.reset();
    cosign.reset();
    props.onClose();
  };
  const editable = loaded?.status === 'draft' && loaded.author.userId === session.user.id;
  const saveDraft = async (): Promise<number | null> => {
    if (!loaded) return null;
    const saved = await save.mutateAsync({ id: loaded.id, version: loaded.version, content: { fields, text }, private: isPrivate });
    return saved.version;
  };
  const error = save.error ?? sign.error ?? cosign.error;
  return (
    <Modal opened={props.noteId !== null} onClose={close} title={loaded?.title ?? 'Session note'} size="xl" centered>
      {note.isPending ? <Loader size="sm" aria-label="Loading the note" /> : null}
      {note.isError ? <ErrorAlert error={note.error} title="The note could not be opened" /> : null}
      {loaded ? (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color={loaded.status === 'signed' ? 'green' : 'gray'}>{loaded.status === 'signed' ? 'Signed' : 'Draft'}</Badge>
            {loaded.private ? <Badge color="grape">Private process note</Badge> : null}
            {loaded.cosignRequired ? <Badge color={loaded.cosignedAt ? 'green' : 'yellow'}>{loaded.cosignedAt ? 'Co-signed' : 'Co-signature needed'}</Badge> : null}
            <Text size="xs" c="dimmed">
              {loaded.author.displayName}
              {loaded.signedAt ? ` · signed ${formatDateTime(loaded.signedAt, session.clinic.timeZone)}` : ''}
            </Text>
          </Group>
          {loaded.prompts.length > 0 ? (
            <Alert variant="light" color="blue" title="Prompts for this focus">
              <List size="sm">
                {loaded.prompts.map((prompt) => (
                  <List.Item key={prompt}>{prompt}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          {loaded.template.map((field) => (
            <Textarea
              key={field.key}
              label={field.label}
              required={field.required}
              autosize
              minRows={2}
              readOnly={!editable}
              value={fields[field.key] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setFields((current) => ({ ...current, [field.key]: value }));
              }}
            />
          ))}
          <Textarea label="Free text" autosize minRows={3} readOnly={!editable} value={text} onChange={(event) => setText(event.currentTarget.value)} />
          {editable ? (
            <Checkbox
              label="Private psychotherapy process note (only you, or break-glass, can read it; never exported)"
              checked={isPrivate}
              onChange={(event) => setPrivate(event.currentTarget.checked)}
            />
          ) : null}
          {loaded.addenda.map((addendum) => (
            <Text key={addendum.id} size="sm">
              Addendum by {addendum.author.displayName}: {addendum.text}
            </Text>
          ))}
          <UnmetList title="Before this note can be signed" items={unmetOf(sign.error)} />
          {error && unmetOf(error).length === 0 ? <ErrorAlert error={error} title="Not saved" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close
            </Button>
            {editable ? (
              <>
                <Button variant="light" loading={save.isPending} onClick={() => void saveDraft()}>
                  Save draft
                </Button>
                <Button
                  loading={sign.isPending}
                  onClick={() =>
                    void (async () => {
                      const version = await saveDraft();
                      if (version !== null) await sign.mutateAsync({ id: loaded.id, version });
                      close();
                    })().catch(() => undefined)
                  }
                >
                  Sign note
                </Button>
              </>
            ) : null}
            {loaded.status === 'signed' && loaded.cosignRequired && !loaded.cosignedAt && session.user.roles.includes('physician') && loaded.signedBy?.userId !== session.user.id ? (
              <Button loading={cosign.isPending} onClick={() => cosign.mutate({ id: loaded.id })}>
                Co-sign
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
