import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import type { MeasurementView } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCalendarDate } from '../../ui/time';
import { useAddEntry, useEntryAction, useMeasurements } from './chart-api';
import { ReasonModal } from './ReasonModal';
import { TabSection } from './TabSection';

const toNumber = (value: number | string): number | null => (value === '' ? null : Number(value));

function AddMeasurement({ patientId }: { patientId: string }): React.JSX.Element {
  const [measuredOn, setMeasuredOn] = useState('');
  const [heightCm, setHeightCm] = useState<number | string>('');
  const [weightKg, setWeightKg] = useState<number | string>('');
  const add = useAddEntry<{ measuredOn: string; heightCm: number | null; weightKg: number | null }>(patientId, 'measurements');
  return (
    <Paper withBorder radius="md" p="md" component="form" aria-label="Record height and weight" onSubmit={(event: React.FormEvent) => {
      event.preventDefault();
      add.mutate({ measuredOn, heightCm: toNumber(heightCm), weightKg: toNumber(weightKg) }, {
        onSuccess: () => {
          setHeightCm('');
          setWeightKg('');
        },
      });
    }}>
      <Stack gap="sm">
        <Title order={3} fz="md">Record height and weight</Title>
        <Group grow align="flex-start">
          <TextInput label="Measured on" type="date" required value={measuredOn} onChange={(e) => setMeasuredOn(e.currentTarget.value)} error={add.error?.fieldError('measuredOn')} />
          <NumberInput label="Height" rightSection="cm" min={50} max={250} decimalScale={1} value={heightCm} onChange={setHeightCm} error={add.error?.fieldError('heightCm')} />
          <NumberInput label="Weight" rightSection="kg" min={20} max={350} decimalScale={1} value={weightKg} onChange={setWeightKg} error={add.error?.fieldError('weightKg')} />
        </Group>
        {add.error && add.error.errors.length === 0 ? <ErrorAlert error={add.error} title="Measurement not saved" /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} disabled={!measuredOn || (heightCm === '' && weightKg === '')}>
            Record measurement
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Height and weight over time, with BMI derived from them (weight drives mg/kg dosing). */
export function MeasurementsTab({ patientId }: { patientId: string }): React.JSX.Element {
  const measurements = useMeasurements(patientId);
  const amend = useEntryAction<{ id: string; heightCm: number | null; weightKg: number | null; reason: string }>(patientId, 'measurements', 'amend');
  const [amending, setAmending] = useState<MeasurementView | null>(null);
  const [height, setHeight] = useState<number | string>('');
  const [weight, setWeight] = useState<number | string>('');
  return (
    <TabSection title="Measurements" description="Height, weight and BMI history. BMI is calculated, never typed; the physician exam adds its own reading when signed." query={measurements}>
      {(rows) => (
        <>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">No height or weight recorded yet.</Text>
          ) : (
            <Table aria-label="Height and weight history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Height</Table.Th>
                  <Table.Th>Weight</Table.Th>
                  <Table.Th>BMI</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...rows].reverse().map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Text size="sm">{formatCalendarDate(row.measuredOn)}</Text>
                      {row.reason ? <Text size="xs" c="dimmed">Amended: {row.reason}</Text> : null}
                    </Table.Td>
                    <Table.Td>{row.heightCm === null ? '—' : `${row.heightCm} cm`}</Table.Td>
                    <Table.Td>{row.weightKg === null ? '—' : `${row.weightKg} kg`}</Table.Td>
                    <Table.Td>{row.bmi ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={row.source === 'physician_exam' ? 'indigo' : 'gray'} tt="none">
                        {row.source === 'physician_exam' ? 'Physician exam' : 'Clinic'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-label={`Amend the measurement of ${formatCalendarDate(row.measuredOn)}`}
                        onClick={() => {
                          setHeight(row.heightCm ?? '');
                          setWeight(row.weightKg ?? '');
                          setAmending(row);
                        }}
                      >
                        Amend
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <AddMeasurement patientId={patientId} />
          <ReasonModal
            opened={amending !== null}
            title="Amend measurement"
            description="The amendment is saved as a new version with your reason."
            confirmLabel="Save amendment"
            busy={amend.isPending}
            error={amend.error}
            canConfirm={height !== '' || weight !== ''}
            onClose={() => {
              amend.reset();
              setAmending(null);
            }}
            onConfirm={(reason) => amending && amend.mutate({ id: amending.id, heightCm: toNumber(height), weightKg: toNumber(weight), reason }, { onSuccess: () => setAmending(null) })}
          >
            <Group grow>
              <NumberInput label="Height" rightSection="cm" min={50} max={250} decimalScale={1} value={height} onChange={setHeight} />
              <NumberInput label="Weight" rightSection="kg" min={20} max={350} decimalScale={1} value={weight} onChange={setWeight} />
            </Group>
          </ReasonModal>
        </>
      )}
    </TabSection>
  );
}
