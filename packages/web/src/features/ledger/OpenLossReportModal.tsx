import { Alert, Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { EntryFormModal } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useEntries, useLossReports, useOpenLossReport } from './ledger-api';
import { lossChecklistOpenedNotice } from './loss-due';
import { RefusalAlert } from './RefusalAlert';
import { SegmentedField } from './SegmentedField';

type LossKind = 'loss' | 'theft';

const LOSS_KINDS: ReadonlyArray<{ value: LossKind; label: string }> = [
  { value: 'loss', label: 'Significant loss' },
  { value: 'theft', label: 'Theft' },
];

/**
 * Opens the significant-loss checklist for one or more loss/theft entries. The server fixes the
 * steps and their due dates from the discovery date and the clinic policy. Only entries that still
 * stand (not reversed) and are on no report yet are offered: each loss is reported once.
 */
export function OpenLossReportModal(props: { today: string; onClose: () => void }): React.JSX.Element {
  // Losses are rare among the day's draws and wastes: look further back than the activity list does.
  const entries = useEntries({ limit: 1000 });
  const reports = useLossReports();
  const open = useOpenLossReport();
  const [lossKind, setLossKind] = useState<LossKind>('loss');
  const [discoveredOn, setDiscoveredOn] = useState(props.today);
  const [chosen, setChosen] = useState<string[]>([]);
  const reported = new Set((reports.data ?? []).flatMap((report) => report.lossEntryIds));
  const recorded = (entries.data ?? []).filter((e) => e.kind === 'loss_theft');
  const losses = recorded.filter((e) => e.reversedByEntryId === null && !reported.has(e.id));
  const loaded = entries.data !== undefined && reports.data !== undefined;
  // Only what is on offer is sent: an entry another user reported meanwhile drops out of the choice.
  const selected = chosen.filter((id) => losses.some((e) => e.id === id));
  const missing = [...(selected.length > 0 ? [] : ['loss/theft entries']), ...(discoveredOn ? [] : ['date discovered'])];
  const submit = (): void => {
    open.mutate(
      { lossKind, discoveredOn, lossEntryIds: selected },
      {
        onSuccess: (report) => {
          notifications.show({ color: 'orange', message: lossChecklistOpenedNotice(report) });
          props.onClose();
        },
      },
    );
  };
  return (
    <EntryFormModal title="Open a loss report" size="lg" onClose={props.onClose} onSubmit={submit}>
      <SimpleGrid cols={2} spacing="sm">
        <SegmentedField label="What happened" value={lossKind} onChange={setLossKind} data={LOSS_KINDS} />
        <TextInput label="Discovered on" type="date" max={props.today} value={discoveredOn} onChange={(e) => setDiscoveredOn(e.currentTarget.value)} required />
      </SimpleGrid>
      {entries.isPending || reports.isPending ? <Loading label="Loading loss/theft entries…" /> : null}
      {entries.error || reports.error ? <ErrorAlert error={entries.error ?? reports.error} onRetry={() => void (entries.error ? entries.refetch() : reports.refetch())} /> : null}
      {loaded && losses.length === 0 ? (
        <Alert color="yellow" variant="light">
          {recorded.length === 0
            ? 'No loss or theft is recorded. Record it first (Other entries, then Loss or theft), then open its report.'
            : 'Every recorded loss or theft is already on a report or was reversed. Record a new loss or theft first (Other entries, then Loss or theft).'}
        </Alert>
      ) : null}
      {loaded && losses.length > 0 ? (
        <Checkbox.Group label="Loss/theft entries" description="The entries this report covers" value={selected} onChange={setChosen} required>
          <Stack gap={6} mt={6}>
            {losses.map((entry) => (
              <Checkbox key={entry.id} value={entry.id} label={`${entry.containerLabel ?? entry.lotNumber ?? ''}: ${entry.summary}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : null}
      <RefusalAlert error={open.error} title="The loss report was not opened" />
      <FormActions submitLabel="Open loss report" color="orange" pending={open.isPending} missing={missing} onCancel={props.onClose} />
    </EntryFormModal>
  );
}
