import { Alert, Paper, Radio, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DiscrepancyView, EntryView, StockView } from '@lantern/core';
import { formatCalendarDate } from '../../ui/time';
import { EntryFormModal } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useEntries, useRecordEntry, useResolveDiscrepancy } from './ledger-api';
import { useLedgerPermissions } from './ledger-permissions';
import { RefusalAlert } from './RefusalAlert';

type Resolution = 'explained' | 'adjusted' | 'reported_as_loss';

/** The option that records the linked entry as part of resolving. */
const NEW_ENTRY = 'new';

/**
 * Resolves a count's discrepancy once, with a reason (core `resolutionProblems`): explained (the
 * books stand), adjusted (an adjustment entry brings the books to the count), or reported as a loss
 * (a loss/theft entry, and the loss checklist if it is significant). A physician or administrator can
 * record the adjustment here; anyone who records can link one already made.
 */
export function ResolveDiscrepancyModal(props: { discrepancy: DiscrepancyView; stock: StockView; onClose: () => void }): React.JSX.Element {
  const { discrepancy } = props;
  const { mayAdjust } = useLedgerPermissions();
  const entries = useEntries({ containerId: discrepancy.containerId });
  const recordEntry = useRecordEntry();
  const resolve = useResolveDiscrepancy();
  const container = props.stock.containers.find((c) => c.id === discrepancy.containerId);
  const shortfall = discrepancy.differenceMg.startsWith('-');
  const size = discrepancy.differenceMg.replace(/^[-+]/, '');
  const [resolution, setResolution] = useState<Resolution>('explained');
  const [reason, setReason] = useState('');
  const [linkedId, setLinkedId] = useState<string | null>(null);
  const wanted: EntryView['kind'] | null = resolution === 'adjusted' ? 'adjustment' : resolution === 'reported_as_loss' ? 'loss_theft' : null;
  const existing = (entries.data ?? []).filter((e) => e.kind === wanted && e.reversedByEntryId === null);
  const mayRecordNew = container !== undefined && (resolution === 'reported_as_loss' || mayAdjust);
  const newLabel = resolution === 'adjusted' ? `Record an adjustment now: ${shortfall ? 'decrease' : 'increase'} by ${size} mg` : `Record a loss of ${size} mg now`;
  const options = [...(mayRecordNew ? [{ value: NEW_ENTRY, label: newLabel }] : []), ...existing.map((e) => ({ value: e.id, label: `${e.localDate}: ${e.summary}` }))];
  const link = linkedId ?? (mayRecordNew ? NEW_ENTRY : null);
  const pending = recordEntry.isPending || resolve.isPending;
  const missing = [...(reason.trim() ? [] : ['reason']), ...(wanted && !link ? [resolution === 'adjusted' ? 'adjustment entry' : 'loss/theft entry'] : [])];

  const newEntry = (): Record<string, unknown> | null => {
    if (!container) return null;
    const common = { containerId: container.id, locationId: container.locationId, amount: { mg: size } };
    return resolution === 'adjusted'
      ? { kind: 'adjustment', ...common, direction: shortfall ? 'decrease' : 'increase', reason: reason.trim(), countId: discrepancy.countId }
      : { kind: 'loss_theft', ...common, lossKind: 'loss', discoveredOn: discrepancy.foundOn, form106Reference: null };
  };

  const submit = async (): Promise<void> => {
    let entryId = wanted ? link : null;
    if (wanted && link === NEW_ENTRY) {
      const entry = newEntry();
      if (!entry) return;
      const recorded = await recordEntry.mutateAsync({ entry, witness: null }).catch(() => null);
      if (!recorded) return;
      // Linked from now on: trying again does not record it twice.
      setLinkedId(recorded.id);
      entryId = recorded.id;
    }
    resolve.mutate(
      {
        id: discrepancy.id,
        resolution,
        reason: reason.trim(),
        adjustmentEntryId: resolution === 'adjusted' ? entryId : null,
        lossEntryId: resolution === 'reported_as_loss' ? entryId : null,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message:
              resolution === 'reported_as_loss'
                ? `${discrepancy.containerLabel}: reported as a loss. If it is significant, open the loss checklist on the Losses tab.`
                : `${discrepancy.containerLabel}: discrepancy resolved`,
          });
          props.onClose();
        },
      },
    );
  };

  return (
    <EntryFormModal title="Resolve a discrepancy" size="lg" onClose={props.onClose} onSubmit={() => void submit()}>
      <Text size="sm">
        <Text span fw={600}>
          {discrepancy.containerLabel}
        </Text>
        , counted on {formatCalendarDate(discrepancy.foundOn)}
      </Text>
      <SimpleGrid cols={3} spacing="sm">
        <Figure label="On the books" value={`${discrepancy.expectedMg} mg`} />
        <Figure label="Counted" value={`${discrepancy.countedMg} mg`} />
        <Figure label={shortfall ? 'Short by' : 'Over by'} value={`${size} mg`} color={shortfall ? 'red.8' : undefined} />
      </SimpleGrid>
      <Radio.Group
        label="Resolution"
        value={resolution}
        onChange={(value) => {
          setResolution(value === 'adjusted' || value === 'reported_as_loss' ? value : 'explained');
          setLinkedId(null);
        }}
      >
        <Stack gap={6} mt={4}>
          <Radio value="explained" label="Explained: the books stand as they are" />
          <Radio value="adjusted" label="Adjusted: an adjustment brings the books to the count" />
          {shortfall ? <Radio value="reported_as_loss" label="Reported as a loss (DEA Form 106 if significant)" /> : null}
        </Stack>
      </Radio.Group>
      <Textarea label="What caused the difference" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={1000} autosize minRows={2} />
      {wanted ? (
        options.length > 0 ? (
          <Select
            allowDeselect={false}
            label={resolution === 'adjusted' ? 'Adjustment entry' : 'Loss/theft entry'}
            data={options}
            value={link}
            onChange={setLinkedId}
            required
          />
        ) : (
          <Alert color="yellow" variant="light">
            {resolution === 'adjusted'
              ? 'No adjustment of this container is recorded yet. A physician or administrator records it (here or from the page menu); then link it here.'
              : 'No loss/theft entry of this container is recorded yet. Record one from the page menu, then link it here.'}
          </Alert>
        )
      ) : null}
      <RefusalAlert error={recordEntry.error} title={resolution === 'adjusted' ? 'The adjustment was not recorded' : 'The loss was not recorded'} />
      <RefusalAlert error={resolve.error} title="The discrepancy was not resolved" />
      <FormActions submitLabel="Resolve discrepancy" pending={pending} missing={missing} onCancel={props.onClose} />
    </EntryFormModal>
  );
}

function Figure(props: { label: string; value: string; color?: string }): React.JSX.Element {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} ff="monospace" c={props.color}>
        {props.value}
      </Text>
    </Paper>
  );
}
