import { useState } from 'react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import type { NoteKind, NoteSummary } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { formatShortDateTime } from '../../ui/time';
import { NoteEditor } from './NoteEditor';
import { NoteReadView } from './NoteReadView';
import { NOTE_KIND_LABELS } from './note-templates';
import { useCreateNote, useNote, useNotes } from './notes-api';
import { TabSection } from './TabSection';

const AUTHOR_ROLE: Record<NoteKind, 'therapist' | 'physician'> = { therapist_evaluation: 'therapist', physician_exam: 'physician' };

function OpenNote({ patientId, noteId }: { patientId: string; noteId: string }): React.JSX.Element {
  const session = useSession();
  const note = useNote(patientId, noteId);
  if (note.isPending) return <Loading label="Opening note…" />;
  if (note.isError) return <ErrorAlert error={note.error} title="The note could not be opened" />;
  const mine = note.data.status === 'draft' && note.data.author.userId === session.user.id;
  return mine ? <NoteEditor key={note.data.id} patientId={patientId} note={note.data} /> : <NoteReadView patientId={patientId} note={note.data} />;
}

/** The two evaluation notes of phase 1: the therapist's diagnostic evaluation and the physician's exam. */
export function EvaluationsTab({ patientId }: { patientId: string }): React.JSX.Element {
  const session = useSession();
  const notes = useNotes(patientId);
  const create = useCreateNote(patientId);
  const [chosen, setChosen] = useState<string | null>(null);
  const roles = session.user.roles;
  const startable = (list: readonly NoteSummary[]): NoteKind[] =>
    (Object.keys(AUTHOR_ROLE) as NoteKind[]).filter((kind) => roles.includes(AUTHOR_ROLE[kind]) && !list.some((n) => n.kind === kind && n.status === 'draft'));
  return (
    <TabSection
      title="Evaluations"
      description="A therapist's diagnostic evaluation and a physician's medical eligibility exam. Each is signed, which locks it; changes after that are signed addenda."
      query={notes}
    >
      {(list) => {
        const selected = chosen ?? list.find((n) => n.status === 'draft' && n.author.userId === session.user.id)?.id ?? null;
        return (
          <>
            <Group gap="sm">
              {startable(list).map((kind) => {
                // A signed note of this kind exists: a new one (a re-evaluation) is possible but not the usual next step.
                const again = list.some((n) => n.kind === kind);
                return (
                  <Button
                    key={kind}
                    variant={again ? 'subtle' : 'light'}
                    leftSection={<IconFilePlus size={16} aria-hidden />}
                    loading={create.isPending && create.variables.kind === kind}
                    onClick={() => create.mutate({ kind, content: {} }, { onSuccess: (note) => setChosen(note.id) })}
                  >
                    {again ? `Start a new ${NOTE_KIND_LABELS[kind].toLowerCase()}` : `Start ${NOTE_KIND_LABELS[kind].toLowerCase()}`}
                  </Button>
                );
              })}
            </Group>
            {create.error ? <ErrorAlert error={create.error} title="The note could not be started" /> : null}
            {list.length === 0 ? (
              <Text size="sm" c="dimmed">No evaluation notes yet.</Text>
            ) : (
              <Table aria-label="Evaluation notes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Note</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Author</Table.Th>
                    <Table.Th>Last change</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((note) => (
                    <Table.Tr key={note.id} bg={note.id === selected ? 'indigo.0' : undefined}>
                      <Table.Td>
                        <Button variant="subtle" size="compact-sm" px={4} onClick={() => setChosen(note.id)} aria-current={note.id === selected ? 'true' : undefined}>
                          {NOTE_KIND_LABELS[note.kind]}
                        </Button>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={note.status === 'signed' ? 'teal' : 'yellow'} variant="light" tt="none">
                          {note.status === 'signed' ? `Signed${note.addendumCount > 0 ? ` · ${note.addendumCount} addend${note.addendumCount === 1 ? 'um' : 'a'}` : ''}` : 'Draft'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{(note.signedBy ?? note.author).displayName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatShortDateTime(note.signedAt ?? note.updatedAt, session.clinic.timeZone)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {selected ? <OpenNote patientId={patientId} noteId={selected} /> : null}
          </>
        );
      }}
    </TabSection>
  );
}
