import { Group, TextInput } from '@mantine/core';
import type { AmountUnit } from './amount-units';
import { SegmentedField } from './SegmentedField';

/**
 * An amount and the unit it is stated in (mg or mL for a solution; mg or units for troches and
 * tablets). The text goes to the server as typed: it converts exactly and refuses unit confusion.
 */
export function AmountField(props: {
  label: string;
  units: readonly AmountUnit[];
  unit: AmountUnit;
  onUnitChange: (unit: AmountUnit) => void;
  value: string;
  onChange: (value: string) => void;
  description?: string;
}): React.JSX.Element {
  const several = props.units.length > 1;
  return (
    <Group align="flex-end" gap="sm" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        label={`${props.label} (${props.unit})`}
        description={props.description}
        inputMode={props.unit === 'units' ? 'numeric' : 'decimal'}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        required
        maxLength={16}
      />
      {several ? <SegmentedField label="Unit" value={props.unit} onChange={props.onUnitChange} data={props.units.map((unit) => ({ value: unit, label: unit }))} /> : null}
    </Group>
  );
}
