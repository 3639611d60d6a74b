import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { ContainerSelect } from './ContainerSelect';
import { EntryFormModal } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
import { containerNotice, recordAndClose } from './record-and-close';
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
    recordAndClose(
      record,
      { entry: { kind: 'transfer', containerId: chosen.id, fromLocationId: chosen.locationId, toLocationId, ...(note.trim() ? { note: note.trim() } : {}) }, witness: null },
      { notice: containerNotice(chosen.label), onClose: props.onClose },
    );
  };
  return (
    <EntryFormModal title="Transfer a container" size="lg" onClose={props.onClose} onSubmit={submit} intro="The whole container moves, with everything it holds.">
      <ContainerSelect
        containers={props.stock.containers}
        value={containerId}
        onChange={(value) => {
          setContainerId(value);
          setToLocationId(null);
        }}
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
    </EntryFormModal>
  );
}
