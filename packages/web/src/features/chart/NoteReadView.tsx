import { useState } from 'react';
import { Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { cssrsAnswers, findIcd10, scoreCssrs, type NoteView } from '@lantern/core';
import { useCan, useSession } from '../../app/session-context';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { formatDateTime } from '../../ui/time';
import { NOTE_KIND_LABELS, templateOf, type FieldSpec } from './note-templates';
import { useAddAddendum } from './notes-api';

/** A stored answer in words. Free text is shown as text (React escapes it), never as markup. */
function answerText(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  switch (spec.type) {
    case 'yesno':
      return value === true ? 'Yes' : 'No';
    case 'confirm':
      return value === true ? 'Confirmed' : 'Not confirmed';
    case 'choice':
      return spec.options.find(([option]) => option === value)?.[1] ?? String(value);
    case 'number':
      return `${String(value)}${spec.unit ? ` ${spec.unit}` : ''}`;
    case 'codes':
      return (value as string[]).map((code) => `${code} ${findIcd10(code)?.label ?? ''}`).join('; ') || '—';
    case 'goals':
      return (value as string[]).join('; ') || '—';
    case 'cssrs': {
      const parsed = cssrsAnswers.safeParse(value);
      return parsed.success ? `Risk ${scoreCssrs(parsed.data).riskLevel}` : 'Incomplete';
    }
    case 'substances':
      return (value as { substance: string; lastUseDate: string | null }[]).map((s) => `${s.substance}${s.lastUseDate ? ` (last ${s.lastUseDate})` : ' (current)'}`).join('; ') || 'None';
    case 'events':
      return (value as { event: string; date: string }[]).map((e) => `${e.event === 'stroke' ? 'Stroke' : 'Heart attack'} ${e.date}`).join('; ') || 'None';
    case 'text':
    case 'textarea':
      return String(value);
    default: {
      const unreachable: never = spec;
      return unreachable;
    }
  }
}

function AddendumForm({ patientId, note }: { patientId: string; note: NoteView }): React.JSX.Element {
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const add = useAddAddendum(patientId);
  return (
    <Stack gap="xs">
      <Textarea label="Addendum" description="Signed with your name when added; it cannot be changed afterwards." autosize minRows={2} maxLength={10000} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button variant="default" disabled={text.trim() === ''} onClick={() => setConfirming(true)}>
          Sign addendum
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title="Sign this addendum?"
        confirmLabel="Sign addendum"
        busy={add.isPending}
        error={add.error}
        onClose={() => {
          add.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          add.mutate(
            { id: note.id, text: text.trim() },
            {
              onSuccess: () => {
                setText('');
                setConfirming(false);
                notifications.show({ color: 'teal', message: 'Addendum signed' });
              },
            },
          )
        }
      >
        <Text size="sm">The addendum is appended below the signed note with your name and the time. It cannot be edited or removed.</Text>
      </ConfirmModal>
    </Stack>
  );
}

/** A note as read: every answer, the signature and content hash, the addenda, and a way to add one. */
export function NoteReadView({ patientId, note }: { patientId: string; note: NoteView }): React.JSX.Element {
  const session = useSession();
  const mayAddend = useCan('patients.clinical');
  const content = note.content as Record<string, Record<string, unknown> | undefined>;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} fz="lg">
            {NOTE_KIND_LABELS[note.kind]}
          </Title>
          <Text size="sm" c="dimmed">
            {note.signedBy && note.signedAt
              ? `Signed by ${note.signedBy.displayName}, ${formatDateTime(note.signedAt, session.clinic.timeZone)}`
              : `Draft by ${note.author.displayName}; only the author edits a draft.`}
          </Text>
        </div>
        <Badge color={note.status === 'signed' ? 'teal' : 'yellow'} variant="light" tt="none" size="lg" leftSection={note.status === 'signed' ? <IconLock size={12} aria-hidden /> : null}>
          {note.status === 'signed' ? 'Signed and locked' : 'Draft'}
        </Badge>
      </Group>
      {templateOf(note.kind).map((section) => (
        <Paper key={section.key} withBorder radius="md" p="md" component="section" aria-label={section.title}>
          <Title order={4} fz="sm" mb="xs">
            {section.title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {section.fields.map((field) => (
              <div key={field.key}>
                <Text size="xs" c="dimmed">
                  {field.label}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {answerText(field, content[section.key]?.[field.key])}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
      {note.contentHash ? (
        <Text size="xs" c="dimmed">
          Content hash (SHA-256) <Code>{note.contentHash.slice(0, 16)}…</Code>
        </Text>
      ) : null}
      {note.status === 'signed' ? (
        <Paper withBorder radius="md" p="md" component="section" aria-label="Addenda">
          <Stack gap="sm">
            <Title order={4} fz="sm">
              Addenda
            </Title>
            {note.addenda.length === 0 ? <Text size="sm" c="dimmed">No addenda.</Text> : null}
            {note.addenda.map((addendum) => (
              <Paper key={addendum.id} bg="gray.0" p="sm" radius="sm">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {addendum.text}
                </Text>
                <Text size="xs" c="dimmed">
                  Signed by {addendum.author.displayName}, {formatDateTime(addendum.signedAt, session.clinic.timeZone)}
                </Text>
              </Paper>
            ))}
            {mayAddend ? <AddendumForm patientId={patientId} note={note} /> : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
