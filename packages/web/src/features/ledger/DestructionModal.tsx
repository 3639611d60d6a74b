import { Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import type { StockView } from '@lantern/core';
import { AmountField } from './AmountField';
import { containerOptionLabel } from './amount-units';
import { ConfirmationFields, confirmationMissing, confirmationOf, EMPTY_CONFIRMATION, optionalConfirmationMissing, type ConfirmationDraft } from './ConfirmationFields';
import { useContainerAmount } from './container-amount';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
import { RefusalAlert } from './RefusalAlert';
import { EMPTY_SUPPLIER, SupplierFields, supplierMissing, type SupplierDraft } from './SupplierFields';

type Method = 'reverse_distributor' | 'on_site';

/**
 * Stock destroyed and recorded on DEA Form 41 (21 CFR 1317): handed to a reverse distributor (named
 * with its DEA number) or destroyed on site, which two people witness (1317.95). The witness confirms
 * on this device with their own password and code, as for waste.
 */
export function DestructionModal(props: { stock: StockView; onClose: () => void }): React.JSX.Element {
  const record = useRecordEntry();
  // Expired stock is what is usually destroyed: list it first.
  const containers = [...props.stock.containers].sort((a, b) => Number(b.expired) - Number(a.expired));
  const pick = useContainerAmount(props.stock);
  const [method, setMethod] = useState<Method>('reverse_distributor');
  const [form41Reference, setForm41Reference] = useState('');
  const [distributor, setDistributor] = useState<SupplierDraft>(EMPTY_SUPPLIER);
  const [witness, setWitness] = useState<ConfirmationDraft>(EMPTY_CONFIRMATION);
  const methodLabel = useId();
  const onSite = method === 'on_site';
  const missing = [
    ...(pick.container ? [] : ['container']),
    ...(pick.amount.trim() ? [] : ['amount']),
    ...(form41Reference.trim() ? [] : ['Form 41 reference']),
    ...(onSite ? [] : supplierMissing(distributor, 'reverse distributor')),
    ...(onSite ? confirmationMissing(witness, 'witness') : optionalConfirmationMissing(witness, 'witness')),
  ];
  const submit = (): void => {
    const container = pick.container;
    if (!container) return;
    const confirmation = confirmationOf(witness);
    record.mutate(
      {
        entry: {
          kind: 'destruction',
          containerId: container.id,
          locationId: container.locationId,
          amount: pick.stated(),
          method,
          form41Reference: form41Reference.trim(),
          reverseDistributor: onSite ? null : { name: distributor.name.trim(), address: distributor.address.trim(), deaNumber: distributor.deaNumber.trim() },
          witnessId: confirmation?.userId ?? null,
        },
        witness: confirmation,
      },
      {
        onSuccess: (entry) => {
          notifications.show({ color: 'teal', message: `${container.label}: ${entry.summary}${entry.witnessName ? `, witnessed by ${entry.witnessName}` : ''}` });
          props.onClose();
        },
        onError: () => setWitness((w) => ({ ...w, password: '', totp: '' })),
      },
    );
  };
  return (
    <Modal opened onClose={props.onClose} title="Destruction (DEA Form 41)" size="xl" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            allowDeselect={false}
            label="Container"
            placeholder="Choose the vial or bottle"
            searchable
            data={containers.map((c) => ({ value: c.id, label: containerOptionLabel(c) }))}
            value={pick.containerId}
            onChange={pick.choose}
            required
          />
          <SimpleGrid cols={2} spacing="sm">
            <AmountField label="Amount destroyed" units={pick.units} unit={pick.unit} onUnitChange={pick.setUnit} value={pick.amount} onChange={pick.setAmount} />
            <TextInput label="DEA Form 41 reference" value={form41Reference} onChange={(e) => setForm41Reference(e.currentTarget.value)} required maxLength={100} />
          </SimpleGrid>
          <Stack gap={4}>
            <Input.Label id={methodLabel} component="div">
              How it is destroyed
            </Input.Label>
            <SegmentedControl
              aria-labelledby={methodLabel}
              value={method}
              onChange={(value) => setMethod(value === 'on_site' ? 'on_site' : 'reverse_distributor')}
              data={[
                { value: 'reverse_distributor', label: 'Via a reverse distributor' },
                { value: 'on_site', label: 'On site, witnessed' },
              ]}
            />
          </Stack>
          {onSite ? null : <SupplierFields legend="Reverse distributor" value={distributor} onChange={setDistributor} />}
          <ConfirmationFields
            legend={onSite ? 'Witness (required on site, 21 CFR 1317.95)' : 'Witness (optional for a reverse distributor)'}
            who="witness"
            people={props.stock.witnesses}
            value={witness}
            onChange={setWitness}
            optional={!onSite}
            inline
          />
          <RefusalAlert error={record.error} title="The destruction was not recorded" />
          <FormActions submitLabel="Record destruction" color="red" pending={record.isPending} missing={missing} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
