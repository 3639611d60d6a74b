import { Checkbox, Group, NumberInput, Radio, Textarea, TextInput } from '@mantine/core';
import type { FieldSpec } from './note-templates';
import { CssrsFields } from './CssrsFields';
import { CodesField, EventsField, GoalsField, SubstancesField } from './NoteListFields';

export interface FieldProps {
  readonly spec: FieldSpec;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  /** Prefix for accessible names, so two sections' "Notes" stay distinct. */
  readonly section: string;
}

/** One field of an evaluation template, as the control that fits it (every control has a name). */
export function NoteFieldInput({ spec, value, onChange, section }: FieldProps): React.JSX.Element {
  switch (spec.type) {
    case 'text':
      return <TextInput label={spec.label} withAsterisk={spec.required} maxLength={spec.max} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'textarea':
      return (
        <Textarea
          label={spec.label}
          aria-label={spec.key === 'notes' ? `${section}: notes` : undefined}
          withAsterisk={spec.required}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={spec.max}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'yesno':
      return (
        <Radio.Group label={spec.label} value={value === true ? 'yes' : value === false ? 'no' : ''} onChange={(answer) => onChange(answer === 'yes')}>
          <Group gap="lg" mt={4}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
      );
    case 'confirm':
      return <Checkbox label={spec.label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'choice':
      return (
        <Radio.Group label={spec.label} value={typeof value === 'string' ? value : ''} onChange={onChange}>
          <Group gap="lg" mt={4}>
            {spec.options.map(([option, label]) => (
              <Radio key={option} value={option} label={label} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'number':
      return (
        <NumberInput
          label={spec.label}
          min={spec.min}
          max={spec.max}
          decimalScale={spec.decimals ?? 0}
          allowDecimal={(spec.decimals ?? 0) > 0}
          rightSection={spec.unit}
          rightSectionWidth={spec.unit ? spec.unit.length * 8 + 16 : undefined}
          value={typeof value === 'number' ? value : ''}
          onChange={(number) => onChange(number === '' ? undefined : Number(number))}
        />
      );
    case 'cssrs':
      return <CssrsFields value={value} onChange={onChange} />;
    case 'codes':
      return <CodesField label={spec.label} value={value} onChange={onChange} />;
    case 'goals':
      return <GoalsField label={spec.label} value={value} onChange={onChange} />;
    case 'substances':
      return <SubstancesField label={spec.label} value={value} onChange={onChange} />;
    case 'events':
      return <EventsField label={spec.label} value={value} onChange={onChange} />;
    default: {
      const unreachable: never = spec;
      return unreachable;
    }
  }
}
