import { Input, SegmentedControl, Stack } from '@mantine/core';
import { useId } from 'react';

/**
 * A labelled choice among a few options. The label names the control for assistive technology
 * (`aria-labelledby`), as a form field's label does.
 */
export function SegmentedField<T extends string>(props: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  data: ReadonlyArray<{ value: T; label: string }>;
  disabled?: boolean;
}): React.JSX.Element {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Input.Label id={labelId} component="div">
        {props.label}
      </Input.Label>
      <SegmentedControl<T> aria-labelledby={labelId} value={props.value} onChange={props.onChange} data={[...props.data]} disabled={props.disabled} />
    </Stack>
  );
}
