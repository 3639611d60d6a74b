import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp, IconFileText, IconPlus, IconTrash } from '@tabler/icons-react';
import { SESSION_NOTE_TITLES, type SessionNoteKind, type TemplateField } from '@lantern/core';
import { api } from '../../api/client';
import type { ApiError } from '../../api/api-error';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { formatDateTime } from '../../ui/time';

const TEMPLATES_KEY = ['admin', 'note-templates'] as const;
const KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
const MAX_FIELDS = 40;

/** A template as GET /api/admin/note-templates returns it: the version in use and who saved it (null: the built-in default). */
export interface AdminTemplate {
  readonly kind: SessionNoteKind;
  readonly title: string;
  readonly version: number;
  readonly fields: TemplateField[];
  readonly savedBy: string | null;
  readonly savedAt: string | null;
}

function useAdminTemplates(): UseQueryResult<AdminTemplate[], ApiError> {
  return useQuery<AdminTemplate[], ApiError>({ queryKey: TEMPLATES_KEY, queryFn: () => api<AdminTemplate[]>('/api/admin/note-templates') });
}

function useSaveTemplate(): UseMutationResult<AdminTemplate, ApiError, { kind: SessionNoteKind; fields: TemplateField[] }> {
  const queryClient = useQueryClient();
  return useMutation<AdminTemplate, ApiError, { kind: SessionNoteKind; fields: TemplateField[] }>({
    mutationFn: ({ kind, fields }) => api<AdminTemplate>(`/api/note-templates/${encodeURIComponent(kind)}`, { method: 'PUT', body: { fields } }),
    // Clinicians' note views read the templates too: refresh both lists.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }), queryClient.invalidateQueries({ queryKey: ['course'] })]),
  });
}

/** A row being edited; `saved` rows keep their key (signed notes store their answers under it). */
interface Row extends TemplateField {
  readonly id: number;
  readonly saved: boolean;
}

/** What is wrong with each row, by row id (empty: the template may be saved). */
export function rowProblems(rows: readonly Pick<Row, 'id' | 'key' | 'label'>[]): Map<number, { key?: string; label?: string }> {
  const problems = new Map<number, { key?: string; label?: string }>();
  const seen = new Set<string>();
  for (const row of rows) {
    const problem: { key?: string; label?: string } = {};
    if (!KEY_PATTERN.test(row.key)) problem.key = 'A letter, then letters, digits or _ (up to 40)';
    else if (seen.has(row.key)) problem.key = 'Another field has this key';
    if (!row.label.trim()) problem.label = 'Give the field a label';
    else if (row.label.length > 200) problem.label = 'At most 200 characters';
    seen.add(row.key);
    if (problem.key || problem.label) problems.set(row.id, problem);
  }
  return problems;
}

function TemplateEditor({ template }: { template: AdminTemplate }): React.JSX.Element {
  const session = useSession();
  const save = useSaveTemplate();
  const initial = (): Row[] => template.fields.map((field, index) => ({ ...field, id: index, saved: true }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [nextId, setNextId] = useState(template.fields.length);
  const [checked, setChecked] = useState(false);
  const problems = rowProblems(rows);
  const changed = JSON.stringify(rows.map(({ key, label, required }) => ({ key, label, required }))) !== JSON.stringify(template.fields.map(({ key, label, required }) => ({ key, label, required })));

  const update = (id: number, patch: Partial<TemplateField>): void => setRows((all) => all.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1): void =>
    setRows((all) => {
      const next = [...all];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  const add = (): void => {
    setRows((all) => [...all, { id: nextId, key: '', label: '', required: false, saved: false }]);
    setNextId((id) => id + 1);
  };

  return (
    <Card withBorder>
      <form
        aria-label={`${template.title} template`}
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (problems.size > 0 || rows.length === 0) return;
          save.mutate({ kind: template.kind, fields: rows.map(({ key, label, required }) => ({ key: key.trim(), label: label.trim(), required })) });
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} fz="lg">
                {template.title}
              </Title>
              <Text size="sm" c="dimmed">
                {template.savedBy && template.savedAt ? `Version ${template.version}, saved by ${template.savedBy} on ${formatDateTime(template.savedAt, session.clinic.timeZone)}` : 'The built-in template (version 0): the clinic has not changed it yet'}
              </Text>
            </div>
            <Badge size="lg" variant="light">
              Version {template.version}
            </Badge>
          </Group>
          <Text size="sm">Each note of this kind has these structured fields, then free text. A required field must be filled before the note can be signed. Notes already written keep the version they were started with.</Text>
          <Table aria-label="Structured fields" verticalSpacing={6} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={180}>Key</Table.Th>
                <Table.Th>Label</Table.Th>
                <Table.Th w={84}>Required</Table.Th>
                <Table.Th w={96}>Order</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const problem = checked ? problems.get(row.id) : undefined;
                const name = row.label.trim() || row.key || `field ${index + 1}`;
                return (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`Key of field ${index + 1}`}
                        value={row.key}
                        readOnly={row.saved}
                        variant={row.saved ? 'filled' : 'default'}
                        title={row.saved ? 'Saved keys stay fixed: notes store their answers under them' : undefined}
                        onChange={(event) => update(row.id, { key: event.currentTarget.value })}
                        error={problem?.key}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Label of field ${index + 1}`} value={row.label} maxLength={200} onChange={(event) => update(row.id, { label: event.currentTarget.value })} error={problem?.label} />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox aria-label={`${name} is required`} checked={row.required} onChange={(event) => update(row.id, { required: event.currentTarget.checked })} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon variant="subtle" size="sm" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon variant="subtle" size="sm" aria-label={`Move ${name} down`} disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${name}`} disabled={rows.length === 1} onClick={() => setRows((all) => all.filter((r) => r.id !== row.id))}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={add} disabled={rows.length >= MAX_FIELDS}>
              Add field
            </Button>
            <Group gap="xs">
              <Button
                variant="default"
                disabled={!changed}
                onClick={() => {
                  setRows(initial());
                  setChecked(false);
                  save.reset();
                }}
              >
                Discard changes
              </Button>
              <Button type="submit" disabled={!changed} loading={save.isPending}>
                Save as version {template.version + 1}
              </Button>
            </Group>
          </Group>
          {checked && problems.size > 0 ? (
            <Text size="sm" c="red" role="alert">
              Fix the highlighted fields before saving.
            </Text>
          ) : null}
          {save.error ? <ErrorAlert error={save.error} title="The template was not saved" /> : null}
        </Stack>
      </form>
    </Card>
  );
}

/** Administration: the clinic's session-note templates, one per kind, each save a new version. */
export function NoteTemplatesPage(): React.JSX.Element {
  const templates = useAdminTemplates();
  const [kind, setKind] = useState<SessionNoteKind>('preparation');
  const selected = templates.data?.find((t) => t.kind === kind);
  return (
    <>
      <PageHeader title="Note templates" description="The structured fields of each session note. Saving creates a new version; earlier versions are kept and notes started on them are unchanged." />
      {templates.isPending ? <Loading label="Loading templates…" /> : null}
      {templates.isError ? <ErrorAlert error={templates.error} title="The templates could not be loaded" onRetry={() => void templates.refetch()} /> : null}
      {templates.data ? (
        <Stack gap="md">
          <Select
            label="Template"
            description="Each kind of session note has its own template"
            w={420}
            data={templates.data.map((t) => ({ value: t.kind, label: `${SESSION_NOTE_TITLES[t.kind]} · version ${t.version} · ${t.fields.length} field${t.fields.length === 1 ? '' : 's'}` }))}
            value={kind}
            onChange={(value) => setKind((value ?? 'preparation') as SessionNoteKind)}
            allowDeselect={false}
            leftSection={<IconFileText size={16} aria-hidden />}
          />
          {selected ? <TemplateEditor key={`${selected.kind}-${selected.version}`} template={selected} /> : null}
        </Stack>
      ) : null}
    </>
  );
}
