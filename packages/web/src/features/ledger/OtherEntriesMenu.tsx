import { Button, Menu } from '@mantine/core';
import { IconAdjustments, IconAlertOctagon, IconArrowBackUp, IconChevronDown, IconFlame, IconTransfer, IconTruckReturn } from '@tabler/icons-react';

/** The entries of the ledger beyond the day's receive, draw and waste. */
export type OtherEntry = 'transfer' | 'return_to_stock' | 'return_to_supplier' | 'destruction' | 'loss_theft' | 'adjustment';

/**
 * The less frequent entries, in one menu so the header stays usable on the tablet. An adjustment is
 * offered only to a physician or administrator (the rules refuse anyone else).
 */
export function OtherEntriesMenu(props: { mayAdjust: boolean; onChoose: (entry: OtherEntry) => void }): React.JSX.Element {
  return (
    <Menu position="bottom-end" shadow="md" width={280}>
      <Menu.Target>
        <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
          Other entries
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconTransfer size={16} aria-hidden />} onClick={() => props.onChoose('transfer')}>
          Transfer between locations
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => props.onChoose('return_to_stock')}>
          Return a draw to stock
        </Menu.Item>
        <Menu.Item leftSection={<IconTruckReturn size={16} aria-hidden />} onClick={() => props.onChoose('return_to_supplier')}>
          Return to supplier
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconFlame size={16} aria-hidden />} onClick={() => props.onChoose('destruction')}>
          Destruction (DEA Form 41)
        </Menu.Item>
        <Menu.Item leftSection={<IconAlertOctagon size={16} aria-hidden />} onClick={() => props.onChoose('loss_theft')}>
          Loss or theft (DEA Form 106)
        </Menu.Item>
        {props.mayAdjust ? (
          <>
            <Menu.Divider />
            <Menu.Item leftSection={<IconAdjustments size={16} aria-hidden />} onClick={() => props.onChoose('adjustment')}>
              Adjust a balance
            </Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
