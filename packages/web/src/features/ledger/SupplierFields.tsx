import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';

/** A supplier or reverse distributor as the record needs it: name, address and DEA registration number (1304.22(a)(2)). */
export interface SupplierDraft {
  name: string;
  address: string;
  deaNumber: string;
}

export const EMPTY_SUPPLIER: SupplierDraft = { name: '', address: '', deaNumber: '' };

/** What is still missing from a supplier, in words. */
export function supplierMissing(draft: SupplierDraft, who: string): string[] {
  return [
    ...(draft.name.trim() ? [] : [`${who} name`]),
    ...(draft.address.trim() ? [] : [`${who} address`]),
    ...(draft.deaNumber.trim() ? [] : [`${who} DEA number`]),
  ];
}

export function SupplierFields(props: { legend: string; value: SupplierDraft; onChange: (value: SupplierDraft) => void }): React.JSX.Element {
  const { value, onChange } = props;
  return (
    <Fieldset legend={props.legend}>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" style={{ alignItems: 'end' }}>
        <TextInput label={`${props.legend} name`} value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} required maxLength={200} />
        <TextInput
          label={`${props.legend} DEA number`}
          description="Two letters, seven digits"
          value={value.deaNumber}
          onChange={(e) => onChange({ ...value, deaNumber: e.currentTarget.value.toUpperCase() })}
          required
          maxLength={9}
        />
      </SimpleGrid>
      <TextInput mt="xs" label={`${props.legend} address`} value={value.address} onChange={(e) => onChange({ ...value, address: e.currentTarget.value })} required maxLength={500} />
    </Fieldset>
  );
}
