import { useState } from 'react';
import { Badge, Button, Group, Menu, Paper, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import type { DiagnosisStatus, DiagnosisView } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCalendarDate, formatShortDateTime } from '../../ui/time';
import { useAddEntry, useDiagnoses, useEntryAction } from './chart-api';
import { Icd10Search } from './Icd10Search';
import { ReasonModal } from './ReasonModal';
import { TabSection } from './TabSection';

const STATUS: Record<DiagnosisStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'blue' },
  resolved: { label: 'Resolved', color: 'gray' },
  entered_in_error: { label: 'Entered in error', color: 'red' },
};

const ACTIONS: Record<DiagnosisStatus, { label: string; confirm: string }> = {
  resolved: { label: 'Mark resolved', confirm: 'Mark resolved' },
  entered_in_error: { label: 'Mark entered in error', confirm: 'Mark entered in error' },
  active: { label: 'Make active again', confirm: 'Make active' },
};

function AddDiagnosis({ patientId }: { patientId: string }): React.JSX.Element {
  const [code, setCode] = useState<string | null>(null);
  const [onsetDate, setOnsetDate] = useState('');
  const [note, setNote] = useState('');
  const [formKey, setFormKey] = useState(0);
  const add = useAddEntry<{ code: string; onsetDate: string | null; note: string | null }>(patientId, 'diagnoses');
  return (
    <Paper withBorder radius="md" p="md" component="form" aria-label="Add a diagnosis" onSubmit={(event: React.FormEvent) => {
      event.preventDefault();
      if (!code) return;
      add.mutate(
        { code, onsetDate: onsetDate || null, note: note.trim() || null },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: `${code} added to the chart` });
            setCode(null);
            setOnsetDate('');
            setNote('');
            setFormKey((k) => k + 1);
          },
        },
      );
    }}>
      <Stack gap="sm">
        <Icd10Search key={formKey} label="Diagnosis (ICD-10-CM)" value={code} onChange={(entry) => setCode(entry?.code ?? null)} error={add.error?.fieldError('code')} />
        <Group grow align="flex-start">
          <TextInput label="Onset date" type="date" value={onsetDate} onChange={(e) => setOnsetDate(e.currentTarget.value)} error={add.error?.fieldError('onsetDate')} />
          <TextInput label="Note" maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </Group>
        {add.error && !add.error.fieldError('code') && !add.error.fieldError('onsetDate') ? <ErrorAlert error={add.error} title="Diagnosis not added" /> : null}
        <Group justify="flex-end">
          <Button type="submit" disabled={!code} loading={add.isPending}>
            Add diagnosis
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Diagnoses from the bundled ICD-10-CM list; each change (resolved, entered in error) is a new version with its reason. */
export function DiagnosesTab({ patientId }: { patientId: string }): React.JSX.Element {
  const session = useSession();
  const diagnoses = useDiagnoses(patientId);
  const revise = useEntryAction<{ id: string; status: DiagnosisStatus; reason: string }>(patientId, 'diagnoses', 'revise');
  const [pending, setPending] = useState<{ entry: DiagnosisView; status: DiagnosisStatus } | null>(null);
  return (
    <TabSection title="Diagnoses" description="ICD-10-CM codes from the list bundled with Lantern. A new contraindicating diagnosis re-opens an eligibility decision." query={diagnoses}>
      {(rows) => (
        <>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              No diagnoses on the chart yet.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label="Diagnoses">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Code</Table.Th>
                    <Table.Th>Diagnosis</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Recorded</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td ff="monospace">{row.code}</Table.Td>
                      <Table.Td>
                        <Text size="sm" td={row.status === 'entered_in_error' ? 'line-through' : undefined}>
                          {row.label}
                        </Text>
                        {row.onsetDate ? <Text size="xs" c="dimmed">Onset {formatCalendarDate(row.onsetDate)}</Text> : null}
                        {row.note ? <Text size="xs" c="dimmed">{row.note}</Text> : null}
                        {row.reason ? <Text size="xs" c="dimmed">Changed: {row.reason}</Text> : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS[row.status].color} variant="light" tt="none">
                          {STATUS[row.status].label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{formatShortDateTime(row.recordedAt, session.clinic.timeZone)}</Text>
                        <Text size="xs" c="dimmed">{row.recordedBy.displayName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button variant="subtle" size="compact-sm" aria-label={`Change ${row.code}`}>
                              <IconDots size={16} aria-hidden />
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {(Object.keys(ACTIONS) as DiagnosisStatus[])
                              .filter((status) => status !== row.status)
                              .map((status) => (
                                <Menu.Item key={status} onClick={() => setPending({ entry: row, status })}>
                                  {ACTIONS[status].label}
                                </Menu.Item>
                              ))}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <AddDiagnosis patientId={patientId} />
          <ReasonModal
            opened={pending !== null}
            title={pending ? `${ACTIONS[pending.status].label}: ${pending.entry.code}` : ''}
            description="The diagnosis keeps its history: this change is saved as a new version with your reason."
            confirmLabel={pending ? ACTIONS[pending.status].confirm : 'Save'}
            busy={revise.isPending}
            error={revise.error}
            onClose={() => {
              revise.reset();
              setPending(null);
            }}
            onConfirm={(reason) => {
              if (!pending) return;
              revise.mutate({ id: pending.entry.id, status: pending.status, reason }, { onSuccess: () => setPending(null) });
            }}
          />
        </>
      )}
    </TabSection>
  );
}
