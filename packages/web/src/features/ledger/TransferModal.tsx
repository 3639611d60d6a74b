import { Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { containerOptionLabel } from './amount-units';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
import { RefusalAlert } from './RefusalAlert';

/**
 * A whole container moved between storage locations (the ledger moves its entire balance: a
 * transfer is never partial). The entry records where from, where to, who, and when.
 */
export function TransferModal(props: { stock: StockView; onClose: () => void; containerId?: string }): React.JSX.Element {
  const record = useRecordEntry();
  const [containerId, setContainerId] = useState<string | null>(props.containerId ?? null);
  const [toLocationId, setToLocationId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const chosen = props.stock.containers.find((c) => c.id === containerId);
  const destinations = props.stock.locations.filter((l) => l.id !== chosen?.locationId);
  const missing = [...(chosen ? [] : ['container']), ...(toLocationId ? [] : ['where to'])];
  const submit = (): void => {
    if (!chosen || !toLocationId) return;
    record.mutate(
      { entry: { kind: 'transfer', containerId: chosen.id, fromLocationId: chosen.locationId, toLocationId, ...(note.trim() ? { note: note.trim() } : {}) }, witness: null },
      {
        onSuccess: (entry) => {
          notifications.show({ color: 'teal', message: `${chosen.label}: ${entry.summary}` });
          props.onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={props.onClose} title="Transfer a container" size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The whole container moves, with everything it holds.
          </Text>
          <Select
            allowDeselect={false}
            label="Container"
            placeholder="Choose the vial or bottle"
            searchable
            data={props.stock.containers.map((c) => ({ value: c.id, label: containerOptionLabel(c) }))}
            value={containerId}
            onChange={(value) => {
              setContainerId(value);
              setToLocationId(null);
            }}
            required
          />
          <SimpleGrid cols={2}>
            <TextInput label="From" value={chosen?.locationName ?? ''} placeholder="Where it is kept now" readOnly />
            <Select
              allowDeselect={false}
              label="To"
              placeholder="Choose the location"
              data={destinations.map((l) => ({ value: l.id, label: l.name }))}
              value={toLocationId}
              onChange={setToLocationId}
              disabled={!chosen}
              required
            />
          </SimpleGrid>
          <Textarea label="Note" description="Optional: why it moves" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
          <RefusalAlert error={record.error} title="The transfer was not recorded" />
          <FormActions submitLabel="Record transfer" pending={record.isPending} missing={missing} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
