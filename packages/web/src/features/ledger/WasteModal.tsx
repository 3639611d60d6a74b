import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { ConfirmationFields, confirmationOf, EMPTY_CONFIRMATION, withoutSecrets, type ConfirmationDraft } from './ConfirmationFields';
import { DrawSelect } from './DrawSelect';
import { EntryFormModal } from './EntryFormModal';
import { useRecordEntry } from './ledger-api';
import { recordAndClose } from './record-and-close';
import { RefusalAlert } from './RefusalAlert';

const METHODS = [
  { value: 'denaturing_container', label: 'Denaturing container' },
  { value: 'sharps_container', label: 'Sharps container' },
  { value: 'other', label: 'Other (describe)' },
];

/**
 * Witnessed waste of what is left of a draw (clinical.md §6.2 item 3): a second licensed person
 * watches, then confirms on this device with their own password and code.
 */
export function WasteModal(props: { opened: boolean; stock: StockView; onClose: () => void }): React.JSX.Element {
  const record = useRecordEntry();
  const [drawId, setDrawId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<string | null>('denaturing_container');
  const [methodDetail, setMethodDetail] = useState('');
  const [witness, setWitness] = useState<ConfirmationDraft>(EMPTY_CONFIRMATION);
  const draw = props.stock.openDraws.find((d) => d.entryId === drawId);
  const close = (): void => {
    setDrawId(null);
    setAmount('');
    setWitness(EMPTY_CONFIRMATION);
    setMethodDetail('');
    record.reset();
    props.onClose();
  };
  const submit = (): void => {
    const confirmation = confirmationOf(witness);
    if (!draw || !confirmation) return;
    recordAndClose(
      record,
      {
        entry: {
          kind: 'waste',
          source: { from: 'draw', drawEntryId: draw.entryId },
          amount: { mg: amount.trim() },
          method,
          ...(method === 'other' ? { methodDetail } : {}),
          witnessId: confirmation.userId,
        },
        witness: confirmation,
      },
      { notice: (entry) => `${entry.summary}, witnessed by ${entry.witnessName ?? ''}`, onClose: close, onError: () => setWitness(withoutSecrets) },
    );
  };
  return (
    <EntryFormModal title="Witnessed waste" size="lg" opened={props.opened} onClose={close} onSubmit={submit}>
      <DrawSelect draws={props.stock.openDraws} placeholder="Choose the draw being wasted from" value={drawId} onChange={setDrawId} />
      <Group grow>
        <TextInput label="Amount wasted (mg)" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required maxLength={16} />
        <Select allowDeselect={false} label="Method" data={METHODS} value={method} onChange={setMethod} required />
      </Group>
      {method === 'other' ? <TextInput label="How it was wasted" value={methodDetail} onChange={(e) => setMethodDetail(e.currentTarget.value)} required maxLength={200} /> : null}
      <ConfirmationFields legend="Witness" who="witness" people={props.stock.witnesses} value={witness} onChange={setWitness} />
      <RefusalAlert error={record.error} title="The waste was not recorded" />
      <Group justify="flex-end">
        <Button variant="default" onClick={close} disabled={record.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={record.isPending} disabled={!draw || !confirmationOf(witness)}>
          Record witnessed waste
        </Button>
      </Group>
    </EntryFormModal>
  );
}
