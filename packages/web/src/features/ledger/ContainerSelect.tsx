import { Select } from '@mantine/core';
import type { ContainerView } from '@lantern/core';
import { containerOptionLabel } from './amount-units';

/**
 * The container an entry is about, searchable, each option reading as `containerOptionLabel` does
 * (label, location, balance, and whether it has expired). The list is offered in the order given.
 */
export function ContainerSelect(props: { containers: readonly ContainerView[]; value: string | null; onChange: (containerId: string | null) => void }): React.JSX.Element {
  return (
    <Select
      allowDeselect={false}
      label="Container"
      placeholder="Choose the vial or bottle"
      searchable
      data={props.containers.map((c) => ({ value: c.id, label: containerOptionLabel(c) }))}
      value={props.value}
      onChange={props.onChange}
      required
    />
  );
}
