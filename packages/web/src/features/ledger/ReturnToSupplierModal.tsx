import { SimpleGrid, TextInput } from '@mantine/core';
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
import { EMPTY_SUPPLIER, SupplierFields, supplierMissing, type SupplierDraft } from './SupplierFields';

/**
 * Stock sent back to the supplier on their return authorisation or invoice: the record names the
 * supplier with address and DEA registration number, as a receipt does (21 CFR 1304.22(a)(2)).
 */
export function ReturnToSupplierModal(props: { stock: StockView; onClose: () => void }): React.JSX.Element {
  const record = useRecordEntry();
  const pick = useContainerAmount(props.stock);
  const [supplier, setSupplier] = useState<SupplierDraft>(EMPTY_SUPPLIER);
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const missing = [
    ...(pick.container ? [] : ['container']),
    ...(pick.amount.trim() ? [] : ['amount']),
    ...supplierMissing(supplier, 'supplier'),
    ...(reference.trim() ? [] : ['return authorisation']),
  ];
  const submit = (): void => {
    const container = pick.container;
    if (!container) return;
    recordAndClose(
      record,
      {
        entry: {
          kind: 'return_to_supplier',
          containerId: container.id,
          locationId: container.locationId,
          amount: pick.stated(),
          supplier: { name: supplier.name.trim(), address: supplier.address.trim(), deaNumber: supplier.deaNumber.trim() },
          reference: reference.trim(),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        witness: null,
      },
      { notice: containerNotice(container.label), onClose: props.onClose },
    );
  };
  return (
    <EntryFormModal title="Return to supplier" size="xl" onClose={props.onClose} onSubmit={submit} intro="The whole container is returned unless you change the amount.">
      <ContainerSelect
        containers={props.stock.containers}
        value={pick.containerId}
        onChange={(id) => {
          pick.choose(id);
          const lotSupplier = props.stock.containers.find((c) => c.id === id)?.supplierName;
          if (lotSupplier && !supplier.name) setSupplier((s) => ({ ...s, name: lotSupplier }));
        }}
      />
      <SimpleGrid cols={2} spacing="sm">
        <AmountField label="Amount returned" units={pick.units} unit={pick.unit} onUnitChange={pick.setUnit} value={pick.amount} onChange={pick.setAmount} />
        <TextInput label="Return authorisation or invoice" value={reference} onChange={(e) => setReference(e.currentTarget.value)} required maxLength={100} />
      </SimpleGrid>
      <SupplierFields legend="Supplier" value={supplier} onChange={setSupplier} />
      <TextInput label="Note" description="Optional" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} />
      <RefusalAlert error={record.error} title="The return was not recorded" />
      <FormActions submitLabel="Record return to supplier" pending={record.isPending} missing={missing} onCancel={props.onClose} />
    </EntryFormModal>
  );
}
