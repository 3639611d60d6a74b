import { Alert, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { AmountField } from './AmountField';
import { statedAmountOf, unitsFor, type AmountUnit } from './amount-units';
import { ConfirmationFields, confirmationMissing, confirmationOf, EMPTY_CONFIRMATION, type ConfirmationDraft } from './ConfirmationFields';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
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
    record.mutate(
      {
        entry: { kind: 'return_to_stock', drawEntryId: draw.entryId, amount: statedAmountOf(unit, amount), reason: reason.trim(), witnessId: confirmation?.userId ?? null },
        witness: confirmation,
      },
      {
        onSuccess: (entry) => {
          notifications.show({ color: 'teal', message: `${draw.containerLabel}: ${entry.summary}${entry.witnessName ? `, witnessed by ${entry.witnessName}` : ''}` });
          props.onClose();
        },
        onError: () => setWitness((w) => ({ ...w, password: '', totp: '' })),
      },
    );
  };
  return (
    <Modal opened onClose={props.onClose} title="Return a draw to stock" size="xl" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            For drug drawn but not given, such as a cancelled session&apos;s troche: it goes back into the container it was drawn from.
          </Text>
          {props.stock.openDraws.length === 0 ? <Alert color="gray">No draw has anything left to account for.</Alert> : null}
          <Select
            allowDeselect={false}
            label="Draw"
            placeholder="Choose the draw being returned"
            data={props.stock.openDraws.map((d) => ({ value: d.entryId, label: `${d.containerLabel}: drawn ${d.drawnMg} mg, ${d.outstandingMg} mg unaccounted` }))}
            value={drawId}
            onChange={(id) => {
              setDrawId(id);
              setUnit('mg');
              setAmount(props.stock.openDraws.find((d) => d.entryId === id)?.outstandingMg ?? '');
            }}
            required
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
        </Stack>
      </form>
    </Modal>
  );
}
