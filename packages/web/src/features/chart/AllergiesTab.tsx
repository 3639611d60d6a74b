import { useState } from 'react';
import { Badge, Button, Group, Menu, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { AllergyView } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAddEntry, useAllergies, useEntryAction } from './chart-api';
import { ReasonModal } from './ReasonModal';
import { TabSection } from './TabSection';

type Severity = AllergyView['severity'];
type Status = AllergyView['status'];
const SEVERITIES: readonly { value: Severity; label: string }[] = [
  { value: 'unknown', label: 'Unknown' },
  { value: 'mild', label: 'Mild' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'severe', label: 'Severe' },
];
const STATUS_WORDS: Record<Status, string> = { active: 'Active', resolved: 'Resolved', entered_in_error: 'Entered in error' };

function AddAllergy({ patientId }: { patientId: string }): React.JSX.Element {
  const [substance, setSubstance] = useState('');
  const [reaction, setReaction] = useState('');
  const [severity, setSeverity] = useState<Severity>('unknown');
  const add = useAddEntry<{ substance: string; reaction: string | null; severity: Severity }>(patientId, 'allergies');
  return (
    <Paper withBorder radius="md" p="md" component="form" aria-label="Add an allergy" onSubmit={(event: React.FormEvent) => {
      event.preventDefault();
      add.mutate({ substance: substance.trim(), reaction: reaction.trim() || null, severity }, {
        onSuccess: () => {
          setSubstance('');
          setReaction('');
          setSeverity('unknown');
        },
      });
    }}>
      <Stack gap="sm">
        <Title order={3} fz="md">Add an allergy</Title>
        <Group grow align="flex-start">
          <TextInput label="Substance" required maxLength={200} value={substance} onChange={(e) => setSubstance(e.currentTarget.value)} error={add.error?.fieldError('substance')} />
          <TextInput label="Reaction" maxLength={500} value={reaction} onChange={(e) => setReaction(e.currentTarget.value)} />
          <Select label="Severity" data={SEVERITIES.map((s) => ({ ...s }))} value={severity} allowDeselect={false} onChange={(value) => setSeverity((value as Severity | null) ?? 'unknown')} comboboxProps={{ withinPortal: true }} />
        </Group>
        {add.error && add.error.errors.length === 0 ? <ErrorAlert error={add.error} title="Allergy not added" /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} disabled={!substance.trim()}>
            Add allergy
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Allergies and intolerances; a ketamine allergy is an absolute contraindication. */
export function AllergiesTab({ patientId }: { patientId: string }): React.JSX.Element {
  const allergies = useAllergies(patientId);
  const revise = useEntryAction<{ id: string; status: Status; reason: string }>(patientId, 'allergies', 'revise');
  const [pending, setPending] = useState<{ entry: AllergyView; status: Status } | null>(null);
  return (
    <TabSection title="Allergies" description="Allergies and intolerances. An allergy to ketamine or esketamine is an absolute contraindication." query={allergies}>
      {(rows) => (
        <>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">No allergies recorded (no known allergies is not the same as not asked).</Text>
          ) : (
            <Table aria-label="Allergies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Substance</Table.Th>
                  <Table.Th>Reaction</Table.Th>
                  <Table.Th>Severity</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>{row.substance}</Text>
                      {row.reason ? <Text size="xs" c="dimmed">Changed: {row.reason}</Text> : null}
                    </Table.Td>
                    <Table.Td><Text size="sm">{row.reaction ?? '—'}</Text></Table.Td>
                    <Table.Td><Text size="sm">{SEVERITIES.find((s) => s.value === row.severity)?.label}</Text></Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={row.status === 'active' ? 'red' : 'gray'} tt="none">{STATUS_WORDS[row.status]}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button variant="subtle" size="compact-sm" aria-label={`Change ${row.substance}`}>
                            <IconDots size={16} aria-hidden />
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {(Object.keys(STATUS_WORDS) as Status[])
                            .filter((status) => status !== row.status)
                            .map((status) => (
                              <Menu.Item key={status} onClick={() => setPending({ entry: row, status })}>
                                Mark {STATUS_WORDS[status].toLowerCase()}
                              </Menu.Item>
                            ))}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <AddAllergy patientId={patientId} />
          <ReasonModal
            opened={pending !== null}
            title={pending ? `${pending.entry.substance}: mark ${STATUS_WORDS[pending.status].toLowerCase()}` : ''}
            description="Saved as a new version with your reason; the earlier entry stays in the record."
            confirmLabel="Save change"
            busy={revise.isPending}
            error={revise.error}
            onClose={() => {
              revise.reset();
              setPending(null);
            }}
            onConfirm={(reason) => pending && revise.mutate({ id: pending.entry.id, status: pending.status, reason }, { onSuccess: () => setPending(null) })}
          />
        </>
      )}
    </TabSection>
  );
}
