import { Alert, Select } from '@mantine/core';
import type { OpenDrawView } from '@lantern/core';

/**
 * The draw that waste or a return to stock accounts for: only draws with something still
 * unaccounted are offered, each with what was drawn and what is left. Says so when there are none.
 */
export function DrawSelect(props: { draws: readonly OpenDrawView[]; placeholder: string; value: string | null; onChange: (drawEntryId: string | null) => void }): React.JSX.Element {
  return (
    <>
      {props.draws.length === 0 ? <Alert color="gray">No draw has anything left to account for.</Alert> : null}
      <Select
        allowDeselect={false}
        label="Draw"
        placeholder={props.placeholder}
        data={props.draws.map((d) => ({ value: d.entryId, label: `${d.containerLabel}: drawn ${d.drawnMg} mg, ${d.outstandingMg} mg unaccounted` }))}
        value={props.value}
        onChange={props.onChange}
        required
      />
    </>
  );
}
