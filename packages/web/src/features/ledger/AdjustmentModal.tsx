import { Textarea } from '@mantine/core';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { AmountField } from './AmountField';
import { useContainerAmount } from './container-amount';
import { ContainerSelect } from './ContainerSelect';
import { EntryFormModal } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
import { containerNotice, recordAndClose } from './record-and-close';
import { RefusalAlert } from './RefusalAlert';
import { SegmentedField } from './SegmentedField';

type Direction = 'increase' | 'decrease';

const DIRECTIONS: ReadonlyArray<{ value: Direction; label: string }> = [
  { value: 'decrease', label: 'Decrease the balance' },
  { value: 'increase', label: 'Increase the balance' },
];

/**
 * A correction of a container's balance, with a reason (core `planAdjustment`). Only physicians and
 * administrators may adjust, so the page offers this form to them alone. A count's discrepancy is
 * usually adjusted from the count's discrepancy list, which links the two.
 */
export function AdjustmentModal(props: { stock: StockView; onClose: () => void }): React.JSX.Element {
  const record = useRecordEntry();
  const pick = useContainerAmount(props.stock, { prefillWhole: false });
  const [direction, setDirection] = useState<Direction>('decrease');
  const [reason, setReason] = useState('');
  const missing = [...(pick.container ? [] : ['container']), ...(pick.amount.trim() ? [] : ['amount']), ...(reason.trim() ? [] : ['reason'])];
  const submit = (): void => {
    const container = pick.container;
    if (!container) return;
    recordAndClose(
      record,
      { entry: { kind: 'adjustment', containerId: container.id, locationId: container.locationId, direction, amount: pick.stated(), reason: reason.trim(), countId: null }, witness: null },
      { notice: containerNotice(container.label), onClose: props.onClose },
    );
  };
  return (
    <EntryFormModal
      title="Adjust a balance"
      size="lg"
      onClose={props.onClose}
      onSubmit={submit}
      intro="For a correction the books need after a count. To undo a mistaken entry, reverse it from the activity list instead."
    >
      <ContainerSelect containers={props.stock.containers} value={pick.containerId} onChange={pick.choose} />
      <SegmentedField label="Direction" value={direction} onChange={setDirection} data={DIRECTIONS} />
      <AmountField label="Amount" units={pick.units} unit={pick.unit} onUnitChange={pick.setUnit} value={pick.amount} onChange={pick.setAmount} />
      <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={1000} autosize minRows={2} />
      <RefusalAlert error={record.error} title="The adjustment was not recorded" />
      <FormActions submitLabel="Record adjustment" pending={record.isPending} missing={missing} onCancel={props.onClose} />
    </EntryFormModal>
  );
}
