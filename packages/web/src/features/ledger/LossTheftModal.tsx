import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { EntryView, StockView } from '@lantern/core';
import { AmountField } from './AmountField';
import { useContainerAmount } from './container-amount';
import { ContainerSelect } from './ContainerSelect';
import { EntryForm } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useOpenLossReport, useRecordEntry } from './ledger-api';
import { lossChecklistOpenedNotice } from './loss-due';
import { RefusalAlert } from './RefusalAlert';
import { SegmentedField } from './SegmentedField';

type LossKind = 'loss' | 'theft';

const LOSS_KINDS: ReadonlyArray<{ value: LossKind; label: string }> = [
  { value: 'loss', label: 'Loss' },
  { value: 'theft', label: 'Theft' },
];

/**
 * A theft or loss found (21 CFR 1301.76(b)): the amount comes off the container, with the date it
 * was discovered. The DEA Form 106 reference is usually not known yet; the loss checklist, which
 * this form offers to open straight away, tracks the filing and the notices.
 */
export function LossTheftModal(props: { stock: StockView; onClose: () => void; onReportOpened: () => void }): React.JSX.Element {
  const record = useRecordEntry();
  const openReport = useOpenLossReport();
  const pick = useContainerAmount(props.stock, { prefillWhole: false });
  const [lossKind, setLossKind] = useState<LossKind>('loss');
  const [discoveredOn, setDiscoveredOn] = useState(props.stock.today);
  const [form106Reference, setForm106Reference] = useState('');
  const [recorded, setRecorded] = useState<EntryView | null>(null);
  const missing = [...(pick.container ? [] : ['container']), ...(pick.amount.trim() ? [] : ['amount']), ...(discoveredOn ? [] : ['date discovered'])];
  const submit = (): void => {
    const container = pick.container;
    if (!container) return;
    record.mutate(
      {
        entry: {
          kind: 'loss_theft',
          containerId: container.id,
          locationId: container.locationId,
          amount: pick.stated(),
          lossKind,
          discoveredOn,
          form106Reference: form106Reference.trim() || null,
        },
        witness: null,
      },
      { onSuccess: setRecorded },
    );
  };
  const openChecklist = (entry: EntryView): void => {
    openReport.mutate(
      { lossKind, discoveredOn, lossEntryIds: [entry.id] },
      {
        onSuccess: (report) => {
          notifications.show({ color: 'orange', message: lossChecklistOpenedNotice(report) });
          props.onReportOpened();
          props.onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={props.onClose} title="Loss or theft (DEA Form 106)" size="lg" centered>
      {recorded ? (
        <Stack gap="sm">
          <Alert color="orange" title={`${lossKind === 'theft' ? 'Theft' : 'Loss'} recorded`} role="status">
            <Text size="sm">{recorded.summary}.</Text>
            <Text size="sm" mt={4}>
              A theft or a significant loss is reported: the DEA Field Division in writing within one business day of discovery, DEA Form 106 electronically, and the
              state board{lossKind === 'theft' ? ' and the police' : ''}. Open the checklist to track each step.
            </Text>
          </Alert>
          <RefusalAlert error={openReport.error} title="The loss checklist was not opened" />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={openReport.isPending}>
              Not now
            </Button>
            <Button color="orange" loading={openReport.isPending} onClick={() => openChecklist(recorded)}>
              Open the loss checklist
            </Button>
          </Group>
        </Stack>
      ) : (
        <EntryForm onSubmit={submit}>
          <ContainerSelect containers={props.stock.containers} value={pick.containerId} onChange={pick.choose} />
          <SimpleGrid cols={2} spacing="sm">
            <SegmentedField label="What happened" value={lossKind} onChange={setLossKind} data={LOSS_KINDS} />
            <TextInput label="Discovered on" type="date" max={props.stock.today} value={discoveredOn} onChange={(e) => setDiscoveredOn(e.currentTarget.value)} required />
          </SimpleGrid>
          <AmountField label="Amount lost" units={pick.units} unit={pick.unit} onUnitChange={pick.setUnit} value={pick.amount} onChange={pick.setAmount} />
          <TextInput
            label="DEA Form 106 reference"
            description="Leave blank until it is filed; the loss checklist records the confirmation number."
            value={form106Reference}
            onChange={(e) => setForm106Reference(e.currentTarget.value)}
            maxLength={100}
          />
          <RefusalAlert error={record.error} title="The loss was not recorded" />
          <FormActions submitLabel={lossKind === 'theft' ? 'Record theft' : 'Record loss'} color="orange" pending={record.isPending} missing={missing} onCancel={props.onClose} />
        </EntryForm>
      )}
    </Modal>
  );
}
