import { Textarea } from '@mantine/core';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { AmountField } from './AmountField';
import { statedAmountOf, unitsFor, type AmountUnit } from './amount-units';
import { ConfirmationFields, confirmationMissing, confirmationOf, EMPTY_CONFIRMATION, withoutSecrets, type ConfirmationDraft } from './ConfirmationFields';
import { DrawSelect } from './DrawSelect';
import { EntryFormModal } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
import { containerNotice, recordAndClose } from './record-and-close';
import { RefusalAlert } from './RefusalAlert';

/**
 * Drawn but never given (the session was cancelled before dosing): the drug goes back into the
 * container it came from and the draw no longer has it to account for. A second licensed person
 * witnesses it and confirms on this device, as for waste (core `planReturnToStock`).
 */
export function ReturnToStockModal(props: { stock: StockView; onClose: () => void }): React.JSX.Element {
  const record = useRecordEntry();
  const [drawId, setDrawId] = useState<string | null>(null);
  const [unit, setUnit] = useState<AmountUnit>('mg');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('Session cancelled before dosing');
  const [witness, setWitness] = useState<ConfirmationDraft>(EMPTY_CONFIRMATION);
  const draw = props.stock.openDraws.find((d) => d.entryId === drawId);
  const container = draw ? props.stock.containers.find((c) => c.id === draw.containerId) : undefined;
  const product = container ? props.stock.products.find((p) => p.id === container.productId) : undefined;
  const units = unitsFor(product);
  const missing = [
    ...(draw ? [] : ['draw']),
    ...(amount.trim() ? [] : ['amount']),
    ...(reason.trim() ? [] : ['reason']),
    ...confirmationMissing(witness, 'witness'),
  ];
  const submit = (): void => {
    if (!draw) return;
    const confirmation = confirmationOf(witness);
    recordAndClose(
      record,
      {
        entry: { kind: 'return_to_stock', drawEntryId: draw.entryId, amount: statedAmountOf(unit, amount), reason: reason.trim(), witnessId: confirmation?.userId ?? null },
        witness: confirmation,
      },
      { notice: containerNotice(draw.containerLabel), onClose: props.onClose, onError: () => setWitness(withoutSecrets) },
    );
  };
  return (
    <EntryFormModal
      title="Return a draw to stock"
      size="xl"
      onClose={props.onClose}
      onSubmit={submit}
      intro="For drug drawn but not given, such as a cancelled session's troche: it goes back into the container it was drawn from."
    >
      <DrawSelect
        draws={props.stock.openDraws}
        placeholder="Choose the draw being returned"
        value={drawId}
        onChange={(id) => {
          setDrawId(id);
          setUnit('mg');
          setAmount(props.stock.openDraws.find((d) => d.entryId === id)?.outstandingMg ?? '');
        }}
      />
      <AmountField
        label="Amount returned"
        units={units}
        unit={units.includes(unit) ? unit : 'mg'}
        onUnitChange={(next) => {
          setUnit(next);
          setAmount('');
        }}
        value={amount}
        onChange={setAmount}
        description={draw ? `At most the ${draw.outstandingMg} mg still unaccounted for` : undefined}
      />
      <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={1000} autosize minRows={1} />
      <ConfirmationFields legend="Witness" who="witness" people={props.stock.witnesses} value={witness} onChange={setWitness} inline />
      <RefusalAlert error={record.error} title="The return was not recorded" />
      <FormActions submitLabel="Return to stock" pending={record.isPending} missing={missing} onCancel={props.onClose} />
    </EntryFormModal>
  );
}
