import { Input, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import type { StockView } from '@lantern/core';
import { AmountField } from './AmountField';
import { containerOptionLabel } from './amount-units';
import { useContainerAmount } from './container-amount';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
import { RefusalAlert } from './RefusalAlert';

type Direction = 'increase' | 'decrease';

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
  const directionLabel = useId();
  const missing = [...(pick.container ? [] : ['container']), ...(pick.amount.trim() ? [] : ['amount']), ...(reason.trim() ? [] : ['reason'])];
  const submit = (): void => {
    const container = pick.container;
    if (!container) return;
    record.mutate(
      { entry: { kind: 'adjustment', containerId: container.id, locationId: container.locationId, direction, amount: pick.stated(), reason: reason.trim(), countId: null }, witness: null },
      {
        onSuccess: (entry) => {
          notifications.show({ color: 'teal', message: `${container.label}: ${entry.summary}` });
          props.onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={props.onClose} title="Adjust a balance" size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            For a correction the books need after a count. To undo a mistaken entry, reverse it from the activity list instead.
          </Text>
          <Select
            allowDeselect={false}
            label="Container"
            placeholder="Choose the vial or bottle"
            searchable
            data={props.stock.containers.map((c) => ({ value: c.id, label: containerOptionLabel(c) }))}
            value={pick.containerId}
            onChange={pick.choose}
            required
          />
          <Stack gap={4}>
            <Input.Label id={directionLabel} component="div">
              Direction
            </Input.Label>
            <SegmentedControl
              aria-labelledby={directionLabel}
              value={direction}
              onChange={(value) => setDirection(value === 'increase' ? 'increase' : 'decrease')}
              data={[
                { value: 'decrease', label: 'Decrease the balance' },
                { value: 'increase', label: 'Increase the balance' },
              ]}
            />
          </Stack>
          <AmountField label="Amount" units={pick.units} unit={pick.unit} onUnitChange={pick.setUnit} value={pick.amount} onChange={pick.setAmount} />
          <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={1000} autosize minRows={2} />
          <RefusalAlert error={record.error} title="The adjustment was not recorded" />
          <FormActions submitLabel="Record adjustment" pending={record.isPending} missing={missing} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
