import { Button, Group, NumberInput, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { EntryFormModal } from './EntryFormModal';
import { useRecordEntry } from './ledger-api';
import { recordAndClose } from './record-and-close';
import { RefusalAlert } from './RefusalAlert';

interface Draft {
  productId: string | null;
  locationId: string | null;
  lotNumber: string;
  expiresOn: string;
  containerCount: number;
  invoiceNumber: string;
  receivedOn: string;
  supplierName: string;
  supplierAddress: string;
  deaNumber: string;
}

/**
 * A receipt from a supplier (21 CFR 1304.22(a)(2)): product, lot and expiry, number of containers,
 * invoice or packing slip, date received, and the supplier's name, address and DEA registration number.
 */
export function ReceiveStockModal(props: { opened: boolean; stock: StockView; onClose: () => void }): React.JSX.Element {
  const record = useRecordEntry();
  const blank: Draft = {
    productId: props.stock.products[0]?.id ?? null,
    locationId: props.stock.locations[0]?.id ?? null,
    lotNumber: '',
    expiresOn: '',
    containerCount: 1,
    invoiceNumber: '',
    receivedOn: props.stock.today,
    supplierName: '',
    supplierAddress: '',
    deaNumber: '',
  };
  const [draft, setDraft] = useState<Draft>(blank);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => ({ ...d, [key]: value }));
  const close = (): void => {
    setDraft(blank);
    record.reset();
    props.onClose();
  };
  const submit = (): void => {
    recordAndClose(
      record,
      {
        entry: {
          kind: 'receipt',
          lot: {
            id: crypto.randomUUID(),
            productId: draft.productId,
            lotNumber: draft.lotNumber,
            expiresOn: draft.expiresOn,
            supplier: { name: draft.supplierName, address: draft.supplierAddress, deaNumber: draft.deaNumber },
          },
          locationId: draft.locationId,
          invoiceNumber: draft.invoiceNumber,
          receivedOn: draft.receivedOn,
          containerCount: draft.containerCount,
        },
        witness: null,
      },
      { notice: () => `Received ${draft.containerCount} container${draft.containerCount === 1 ? '' : 's'} of lot ${draft.lotNumber}`, onClose: close },
    );
  };
  return (
    <EntryFormModal title="Receive stock" size="lg" opened={props.opened} onClose={close} onSubmit={submit}>
      <Select allowDeselect={false} label="Product" data={props.stock.products.map((p) => ({ value: p.id, label: p.label }))} value={draft.productId} onChange={(v) => set('productId', v)} required />
      <SimpleGrid cols={3}>
        <TextInput label="Lot number" value={draft.lotNumber} onChange={(e) => set('lotNumber', e.currentTarget.value)} required maxLength={40} />
        <TextInput label="Expires on" type="date" value={draft.expiresOn} onChange={(e) => set('expiresOn', e.currentTarget.value)} required />
        <NumberInput label="Containers" min={1} max={500} value={draft.containerCount} onChange={(v) => set('containerCount', typeof v === 'number' ? v : 1)} required />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <Select allowDeselect={false} label="Store in" data={props.stock.locations.map((l) => ({ value: l.id, label: l.name }))} value={draft.locationId} onChange={(v) => set('locationId', v)} required />
        <TextInput label="Invoice or packing slip" value={draft.invoiceNumber} onChange={(e) => set('invoiceNumber', e.currentTarget.value)} required maxLength={100} />
        <TextInput label="Date received" type="date" value={draft.receivedOn} onChange={(e) => set('receivedOn', e.currentTarget.value)} required />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label="Supplier" value={draft.supplierName} onChange={(e) => set('supplierName', e.currentTarget.value)} required maxLength={200} />
        <TextInput label="Supplier DEA number" description="Two letters, seven digits" value={draft.deaNumber} onChange={(e) => set('deaNumber', e.currentTarget.value.toUpperCase())} required maxLength={9} />
      </SimpleGrid>
      <Textarea label="Supplier address" value={draft.supplierAddress} onChange={(e) => set('supplierAddress', e.currentTarget.value)} required maxLength={500} autosize minRows={2} />
      <RefusalAlert error={record.error} title="The receipt was not recorded" />
      <Group justify="flex-end">
        <Button variant="default" onClick={close} disabled={record.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={record.isPending}>
          Record receipt
        </Button>
      </Group>
    </EntryFormModal>
  );
}
