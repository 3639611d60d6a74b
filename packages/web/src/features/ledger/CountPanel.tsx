import { Alert, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CountView, StockView } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { DiscrepancyList } from './DiscrepancyList';
import { RefusalAlert } from './RefusalAlert';
import { ConfirmationFields, confirmationOf, EMPTY_CONFIRMATION, type ConfirmationDraft } from './ConfirmationFields';
import { useCountSheet, useRecordCount } from './ledger-api';

const KINDS = [
  { value: 'start_of_day', label: 'Start of day' },
  { value: 'end_of_day', label: 'End of day' },
  { value: 'shift_change', label: 'Shift change' },
  { value: 'ad_hoc', label: 'Unscheduled' },
];

/**
 * A count (clinical.md §6.3): the sheet shows what each container should hold; the two counters
 * enter what they find (mL for a vial, units for troches), and the second confirms on this device.
 */
export function CountPanel(props: { stock: StockView }): React.JSX.Element {
  const [locationId, setLocationId] = useState<string | null>(props.stock.locations[0]?.id ?? null);
  const [kind, setKind] = useState<string | null>('end_of_day');
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [estimated, setEstimated] = useState<Record<string, boolean>>({});
  const [second, setSecond] = useState<ConfirmationDraft>(EMPTY_CONFIRMATION);
  const [result, setResult] = useState<CountView | null>(null);
  const sheet = useCountSheet(locationId);
  const record = useRecordCount();
  const counters = props.stock.witnesses;
  const submit = (): void => {
    const confirmation = confirmationOf(second);
    if (!sheet.data || !locationId || !kind || !confirmation) return;
    record.mutate(
      {
        count: {
          kind,
          locationId,
          secondCounterId: confirmation.userId,
          lines: sheet.data.lines.map((line) => {
            const text = (counted[line.containerId] ?? '').trim();
            const amount: Record<string, string | number> = line.expectedMl !== null ? { mL: text } : line.form === 'injection_solution' ? { mg: text } : { units: Number(text) };
            return { containerId: line.containerId, counted: amount, estimated: estimated[line.containerId] ?? false };
          }),
        },
        secondCounter: confirmation,
      },
      {
        onSuccess: (view) => {
          setResult(view);
          setCounted({});
          setSecond(EMPTY_CONFIRMATION);
          notifications.show({ color: view.discrepancies.length ? 'yellow' : 'teal', message: view.discrepancies.length ? `Count recorded with ${view.discrepancies.length} discrepancy` : 'Count recorded: everything matches' });
        },
        onError: () => setSecond((s) => ({ ...s, password: '', totp: '' })),
      },
    );
  };
  return (
    <Stack gap="md">
      <Group grow>
        <Select allowDeselect={false} label="Location" data={props.stock.locations.map((l) => ({ value: l.id, label: l.name }))} value={locationId} onChange={setLocationId} />
        <Select allowDeselect={false} label="Count" data={KINDS} value={kind} onChange={setKind} />
      </Group>
      {sheet.isPending && locationId ? <Loading label="Loading the count sheet…" /> : null}
      {sheet.error ? <ErrorAlert error={sheet.error} /> : null}
      {sheet.data && kind && kind !== 'ad_hoc' && sheet.data.takenToday.includes(kind as never) ? (
        <Alert color="blue">This count has already been taken today at this location.</Alert>
      ) : null}
      {sheet.data ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} fz="lg" mb="xs">
                Count sheet
              </Title>
              {sheet.data.lines.length === 0 ? <Text c="dimmed">Nothing is kept here: record a zero count.</Text> : null}
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Container</Table.Th>
                    <Table.Th>Expected</Table.Th>
                    <Table.Th>Counted</Table.Th>
                    <Table.Th>Estimated</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sheet.data.lines.map((line) => {
                    const unit = line.expectedMl !== null ? 'mL' : line.form === 'injection_solution' ? 'mg' : 'units';
                    return (
                      <Table.Tr key={line.containerId}>
                        <Table.Td>
                          <Text fw={600}>{line.label}</Text>
                          <Text size="xs" c="dimmed">
                            {line.productLabel}
                          </Text>
                        </Table.Td>
                        <Table.Td ff="monospace">
                          {line.expectedMl !== null ? `${line.expectedMl} mL` : `${line.expectedMg} mg`}
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={`Counted ${unit} in ${line.label}`}
                            rightSection={<Text size="xs">{unit}</Text>}
                            rightSectionWidth={44}
                            inputMode="decimal"
                            value={counted[line.containerId] ?? ''}
                            onChange={(e) => {
                              const value = e.currentTarget.value;
                              setCounted((c) => ({ ...c, [line.containerId]: value }));
                            }}
                            required
                            w={150}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Checkbox
                            aria-label={`${line.label} is an estimate`}
                            disabled={!line.opened}
                            checked={estimated[line.containerId] ?? false}
                            onChange={(e) => {
                              const value = e.currentTarget.checked;
                              setEstimated((s) => ({ ...s, [line.containerId]: value }));
                            }}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
            <ConfirmationFields legend="Second counter" who="second counter" people={counters} value={second} onChange={setSecond} />
            <RefusalAlert error={record.error} title="The count was not recorded" />
            <Group justify="flex-end">
              <Button type="submit" loading={record.isPending} disabled={!confirmationOf(second)}>
                Record count
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      {result ? <CountResult count={result} /> : null}
      <DiscrepancyList stock={props.stock} />
    </Stack>
  );
}

function CountResult(props: { count: CountView }): React.JSX.Element {
  const { count } = props;
  return (
    <Paper withBorder p="md" role="status" aria-label="Count result">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg">
          Count recorded by {count.counters.join(' and ')}
        </Title>
        <Badge color={count.discrepancies.length ? 'yellow' : 'teal'}>{count.discrepancies.length ? `${count.discrepancies.length} discrepancy` : 'All match'}</Badge>
      </Group>
      {count.discrepancies.map((d) => (
        <Text key={d.id} size="sm">
          {d.containerLabel}: expected {d.expectedMg} mg, counted {d.countedMg} mg (difference {d.differenceMg} mg). Resolve it below with a reason, or an adjustment by a physician or administrator.
        </Text>
      ))}
      {count.smallLossPattern.flagged ? (
        <Alert color="red" mt="sm" title="Pattern of small losses">
          {count.smallLossPattern.reasons.join('; ')}. A pattern counts as a significant loss: report the shortfall as a loss, then open the loss checklist on the Losses tab.
        </Alert>
      ) : null}
      {count.significantLoss.significant && !count.smallLossPattern.flagged ? (
        <Alert color="red" mt="sm" title="Significant loss">
          {count.significantLoss.reasons.join('; ')}. Report the shortfall as a loss, then open the loss checklist on the Losses tab.
        </Alert>
      ) : null}
    </Paper>
  );
}
