import { useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { clinicDateOf, noteSignUnmet, type NoteView } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { unmetOf } from './eligibility-api';
import { cleanContent, contentOf, type DraftContent } from './note-draft';
import { NoteFieldInput } from './NoteFieldInput';
import { NOTE_KIND_LABELS, templateOf, type FieldSpec } from './note-templates';
import { useSaveNote, useSignNote } from './notes-api';
import { UnmetList } from './UnmetList';

/** Short fields sit side by side; text, lists, the C-SSRS and choices of three or more take the full width. */
const WIDE: ReadonlySet<FieldSpec['type']> = new Set(['textarea', 'cssrs', 'codes', 'goals', 'substances', 'events', 'confirm']);
const isWide = (field: FieldSpec): boolean => WIDE.has(field.type) || (field.type === 'choice' && field.options.length > 2);

/**
 * The author's draft of an evaluation note: every section of its template, saved as a draft as often
 * as needed, then signed once core `noteSignUnmet` finds it complete. Signing locks it.
 */
export function NoteEditor({ patientId, note }: { patientId: string; note: NoteView }): React.JSX.Element {
  const [content, setContent] = useState<DraftContent>(() => contentOf(note.content));
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = useSaveNote(patientId);
  const sign = useSignNote(patientId);
  const sections = templateOf(note.kind);
  const session = useSession();
  const cleaned = cleanContent(content);
  const unmet = noteSignUnmet(note.kind, cleaned, clinicDateOf(new Date(), session.clinic.timeZone));
  const incomplete = new Set(unmet.map((item) => item.message.split(':')[0]));
  const set = (section: string, key: string) => (value: unknown) => {
    setContent((previous) => ({ ...previous, [section]: { ...previous[section], [key]: value } }));
    setDirty(true);
  };
  const saveDraft = async (): Promise<NoteView> => {
    const saved = await save.mutateAsync({ id: note.id, kind: note.kind, version: note.version, content: cleaned });
    setDirty(false);
    return saved;
  };
  const signNow = async (): Promise<void> => {
    const current = dirty ? await saveDraft() : note;
    await sign.mutateAsync({ id: note.id, version: current.version });
    setConfirming(false);
    notifications.show({ color: 'teal', title: 'Signed', message: `${NOTE_KIND_LABELS[note.kind]} signed and locked.` });
  };
  const failure = sign.error ?? save.error;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} fz="lg">
            {NOTE_KIND_LABELS[note.kind]}
          </Title>
          <Text size="sm" c="dimmed">
            Draft by {note.author.displayName} · version {note.version}
          </Text>
        </div>
        <Badge color="yellow" variant="light" tt="none" size="lg">
          Draft
        </Badge>
      </Group>
      {sections.map((section) => (
        <Paper key={section.key} withBorder radius="md" p="md" component="section" aria-label={section.title}>
          <Stack gap="sm">
            <Group gap="xs" wrap="nowrap">
              {incomplete.has(section.title) ? <IconCircleDashed size={18} color="var(--mantine-color-gray-5)" aria-hidden /> : <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />}
              <Title order={4} fz="md">
                {section.title}
              </Title>
              <Text size="xs" c="dimmed">
                {incomplete.has(section.title) ? 'Incomplete' : 'Complete'}
              </Text>
            </Group>
            {section.hint ? <Text size="xs" c="dimmed">{section.hint}</Text> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
              {section.fields.map((field) => (
                <div key={field.key} style={isWide(field) ? { gridColumn: '1 / -1' } : undefined}>
                  <NoteFieldInput spec={field} section={section.title} value={content[section.key]?.[field.key]} onChange={set(section.key, field.key)} />
                </div>
              ))}
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
      <UnmetList title="Before this note can be signed" items={unmet} />
      {failure && unmetOf(failure).length === 0 ? <ErrorAlert error={failure} title="That did not work" /> : null}
      <Paper withBorder radius="md" px="md" py="xs" pos="sticky" bottom={8} style={{ zIndex: 2 }} shadow="sm" aria-label="Note actions" component="section">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c={unmet.length === 0 ? 'teal.8' : 'dimmed'}>
            {unmet.length === 0 ? 'Every section is complete' : `${sections.length - unmet.length} of ${sections.length} sections complete`}
            {dirty ? ' · unsaved changes' : ''}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" loading={save.isPending && !confirming} disabled={!dirty} onClick={() => void saveDraft().then(() => notifications.show({ color: 'teal', message: 'Draft saved' })).catch(() => undefined)}>
              Save draft
            </Button>
            <Button disabled={unmet.length > 0} onClick={() => setConfirming(true)}>
              Sign note
            </Button>
          </Group>
        </Group>
      </Paper>
      <ConfirmModal
        opened={confirming}
        title="Sign and lock this note?"
        confirmLabel="Sign and lock"
        busy={save.isPending || sign.isPending}
        error={sign.error ?? save.error}
        onClose={() => {
          sign.reset();
          setConfirming(false);
        }}
        onConfirm={() => void signNow().catch(() => undefined)}
      >
        <Text size="sm">
          Once signed, the {NOTE_KIND_LABELS[note.kind].toLowerCase()} cannot be changed. Corrections and later information go in signed addenda below it.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
