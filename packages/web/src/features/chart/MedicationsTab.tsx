import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Menu, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDots, IconInfoCircle } from '@tabler/icons-react';
import type { MedicationList, MedicationView } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCalendarDate } from '../../ui/time';
import { useAddEntry, useEntryAction, useMedications } from './chart-api';
import { DRUG_CLASS_LABELS, flagBadge } from './medication-labels';
import { emptyMedication, MedicationFields, medicationBody, useMedicationDraft, type MedicationDraft } from './MedicationForm';
import { ReasonModal } from './ReasonModal';
import { TabSection } from './TabSection';

type MedicationBody = ReturnType<typeof medicationBody>;

function AddMedication({ patientId }: { patientId: string }): React.JSX.Element {
  const [draft, setDraft] = useMedicationDraft();
  const add = useAddEntry<MedicationBody & { note: string | null }>(patientId, 'medications');
  return (
    <Paper withBorder radius="md" p="md" component="form" aria-label="Add a medication" onSubmit={(event: React.FormEvent) => {
      event.preventDefault();
      add.mutate({ ...medicationBody(draft), note: null }, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${draft.name} added` });
          setDraft(emptyMedication);
        },
      });
    }}>
      <Stack gap="sm">
        <Title order={3} fz="md">Add a medication</Title>
        <MedicationFields value={draft} onChange={setDraft} error={add.error} />
        {add.error && add.error.errors.length === 0 ? <ErrorAlert error={add.error} title="Medication not added" /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} disabled={!draft.name.trim() || !draft.drugClass}>
            Add medication
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The benzodiazepines' total as diazepam-equivalents, with the rule's verdict (clinical.md §2.3: >8 mg a day may blunt the effect). */
function BenzodiazepineLoad({ list }: { list: MedicationList }): React.JSX.Element {
  const flag = list.medications.flatMap((m) => m.flags).find((f) => f.ruleId === 'interaction_benzodiazepine');
  const standing = flag !== undefined && flag.level !== 'clear';
  return (
    <Alert color={standing ? 'orange' : 'gray'} variant="light" icon={standing ? <IconAlertTriangle aria-hidden /> : <IconInfoCircle aria-hidden />} title={`Benzodiazepines: ${list.benzodiazepineDiazepamEquivalentMgPerDay} mg diazepam-equivalent a day`}>
      {flag?.reason ?? 'Active benzodiazepines are added up as diazepam-equivalents.'}
    </Alert>
  );
}

function draftOf(entry: MedicationView): MedicationDraft {
  return { name: entry.name, drugClass: entry.drugClass, dailyDoseMg: entry.dailyDoseMg ?? '', startedOn: entry.startedOn ?? '' };
}

/** Medications with their ketamine interaction flags; stopped or corrected, never deleted. */
export function MedicationsTab({ patientId }: { patientId: string }): React.JSX.Element {
  const medications = useMedications(patientId);
  const stop = useEntryAction<{ id: string; stoppedOn: string; enteredInError: boolean; reason: string }>(patientId, 'medications', 'stop');
  const correct = useEntryAction<MedicationBody & { id: string; note: string | null; reason: string }>(patientId, 'medications', 'correct');
  const [stopping, setStopping] = useState<MedicationView | null>(null);
  const [stoppedOn, setStoppedOn] = useState('');
  const [inError, setInError] = useState(false);
  const [correcting, setCorrecting] = useState<MedicationView | null>(null);
  const [correction, setCorrection] = useMedicationDraft();
  return (
    <TabSection
      title="Medications"
      description="Each active medication is checked against the ketamine interaction rules (clinical.md §2.3). A new interacting medication re-opens an eligibility decision."
      query={medications}
    >
      {(list) => (
        <>
          {list.benzodiazepineDiazepamEquivalentMgPerDay !== null ? <BenzodiazepineLoad list={list} /> : null}
          {list.medications.length === 0 ? (
            <Text size="sm" c="dimmed">No medications recorded yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={680}>
              <Table aria-label="Medications">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Medication</Table.Th>
                    <Table.Th>Daily dose</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Interaction flags</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.medications.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>
                        <Text size="sm" fw={500} td={row.status === 'entered_in_error' ? 'line-through' : undefined}>{row.name}</Text>
                        <Text size="xs" c="dimmed">{DRUG_CLASS_LABELS[row.drugClass]}{row.startedOn ? ` · since ${formatCalendarDate(row.startedOn)}` : ''}</Text>
                        {row.reason ? <Text size="xs" c="dimmed">Changed: {row.reason}</Text> : null}
                      </Table.Td>
                      <Table.Td>{row.dailyDoseMg === null ? <Text size="sm" c="dimmed">Unknown</Text> : <Text size="sm">{row.dailyDoseMg} mg</Text>}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={row.status === 'active' ? 'blue' : row.status === 'stopped' ? 'gray' : 'red'} tt="none">
                          {row.status === 'active' ? 'Active' : row.status === 'stopped' ? `Stopped ${row.stoppedOn ? formatCalendarDate(row.stoppedOn) : ''}` : 'Entered in error'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {row.flags.length === 0 ? (
                          <Text size="xs" c="dimmed">None</Text>
                        ) : (
                          <Stack gap={4}>
                            {row.flags.map((flag) => {
                              const badge = flagBadge(flag);
                              return (
                                <Badge key={flag.ruleId} color={badge.color} variant="light" tt="none" title={flag.reason} style={{ whiteSpace: 'normal', height: 'auto' }}>
                                  {badge.label}
                                </Badge>
                              );
                            })}
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {row.status === 'entered_in_error' ? null : (
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button variant="subtle" size="compact-sm" aria-label={`Change ${row.name}`}>
                                <IconDots size={16} aria-hidden />
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {row.status === 'active' ? <Menu.Item onClick={() => setStopping(row)}>Stop</Menu.Item> : null}
                              <Menu.Item
                                onClick={() => {
                                  setCorrection(draftOf(row));
                                  setCorrecting(row);
                                }}
                              >
                                Correct
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <AddMedication patientId={patientId} />
          <ReasonModal
            opened={stopping !== null}
            title={stopping ? `Stop ${stopping.name}` : ''}
            description="The medication stays on the chart as stopped; nothing is deleted."
            confirmLabel="Stop medication"
            busy={stop.isPending}
            error={stop.error}
            canConfirm={stoppedOn !== ''}
            onClose={() => {
              stop.reset();
              setStopping(null);
              setStoppedOn('');
              setInError(false);
            }}
            onConfirm={(reason) => {
              if (!stopping) return;
              stop.mutate({ id: stopping.id, stoppedOn, enteredInError: inError, reason }, { onSuccess: () => setStopping(null) });
            }}
          >
            <TextInput label="Stopped on" type="date" required value={stoppedOn} onChange={(e) => setStoppedOn(e.currentTarget.value)} error={stop.error?.fieldError('stoppedOn')} />
            <Checkbox label="This entry was a mistake (mark it entered in error)" checked={inError} onChange={(e) => setInError(e.currentTarget.checked)} />
          </ReasonModal>
          <ReasonModal
            opened={correcting !== null}
            title={correcting ? `Correct ${correcting.name}` : ''}
            description="The correction is saved as a new version with your reason; the earlier entry stays in the record."
            confirmLabel="Save correction"
            busy={correct.isPending}
            error={correct.error}
            canConfirm={correction.name.trim() !== '' && correction.drugClass !== null}
            onClose={() => {
              correct.reset();
              setCorrecting(null);
            }}
            onConfirm={(reason) => {
              if (!correcting) return;
              correct.mutate({ id: correcting.id, ...medicationBody(correction), note: correcting.note, reason }, { onSuccess: () => setCorrecting(null) });
            }}
          >
            <MedicationFields value={correction} onChange={setCorrection} error={correct.error} />
          </ReasonModal>
        </>
      )}
    </TabSection>
  );
}
