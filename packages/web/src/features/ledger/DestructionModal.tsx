import { SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { AmountField } from './AmountField';
import { ConfirmationFields, confirmationMissing, confirmationOf, EMPTY_CONFIRMATION, optionalConfirmationMissing, withoutSecrets, type ConfirmationDraft } from './ConfirmationFields';
import { useContainerAmount } from './container-amount';
import { ContainerSelect } from './ContainerSelect';
import { EntryFormModal } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
import { containerNotice, recordAndClose } from './record-and-close';
import { RefusalAlert } from './RefusalAlert';
import { SegmentedField } from './SegmentedField';
import { EMPTY_SUPPLIER, SupplierFields, supplierMissing, type SupplierDraft } from './SupplierFields';

type Method = 'reverse_distributor' | 'on_site';

const METHODS: ReadonlyArray<{ value: Method; label: string }> = [
  { value: 'reverse_distributor', label: 'Via a reverse distributor' },
  { value: 'on_site', label: 'On site, witnessed' },
];

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
    recordAndClose(
      record,
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
      { notice: containerNotice(container.label), onClose: props.onClose, onError: () => setWitness(withoutSecrets) },
    );
  };
  return (
    <EntryFormModal title="Destruction (DEA Form 41)" size="xl" onClose={props.onClose} onSubmit={submit}>
      <ContainerSelect containers={containers} value={pick.containerId} onChange={pick.choose} />
      <SimpleGrid cols={2} spacing="sm">
        <AmountField label="Amount destroyed" units={pick.units} unit={pick.unit} onUnitChange={pick.setUnit} value={pick.amount} onChange={pick.setAmount} />
        <TextInput label="DEA Form 41 reference" value={form41Reference} onChange={(e) => setForm41Reference(e.currentTarget.value)} required maxLength={100} />
      </SimpleGrid>
      <SegmentedField label="How it is destroyed" value={method} onChange={setMethod} data={METHODS} />
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
    </EntryFormModal>
  );
}
