import { useState } from 'react';
import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { InquiryDetail } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/time';
import { useChangeInquiry } from './intake-api';

/** Staff notes on an inquiry (calls made, messages left), oldest first; text shown exactly as typed. */
export function InquiryNotes({ inquiry }: { inquiry: InquiryDetail }): React.JSX.Element {
  const session = useSession();
  const change = useChangeInquiry(inquiry.id);
  const [draft, setDraft] = useState('');
  const submit = (): void => {
    change.mutate({ kind: 'note', body: draft }, { onSuccess: () => setDraft('') });
  };
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz={18} mb="sm">
        Notes
      </Title>
      <Stack gap="sm">
        {inquiry.notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No notes yet.
          </Text>
        ) : (
          inquiry.notes.map((note) => (
            <div key={note.id}>
              <Text size="xs" c="dimmed">
                {note.author.displayName} · {formatDateTime(note.createdAt, session.clinic.timeZone)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {note.body}
              </Text>
            </div>
          ))
        )}
        <Textarea label="Add a note" placeholder="For example: called, left a voicemail" value={draft} onChange={(event) => setDraft(event.currentTarget.value)} maxLength={4000} autosize minRows={2} />
        {change.isError ? <ErrorAlert error={change.error} title="The note was not saved" /> : null}
        <div>
          <Button size="sm" variant="light" onClick={submit} disabled={draft.trim() === ''} loading={change.isPending}>
            Save note
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
