import { Alert, Button, Group, Tabs, Text } from '@mantine/core';
import { IconArrowDownToArc, IconDroplet, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ActivityTable } from './ActivityTable';
import { AdjustmentModal } from './AdjustmentModal';
import { CountPanel } from './CountPanel';
import { DestructionModal } from './DestructionModal';
import { DrawModal } from './DrawModal';
import { InventoryPanel } from './InventoryPanel';
import { useStock, useVerifyLedger } from './ledger-api';
import { useLedgerPermissions } from './ledger-permissions';
import { LossReportsPanel } from './LossReportsPanel';
import { LossTheftModal } from './LossTheftModal';
import { OtherEntriesMenu, type OtherEntry } from './OtherEntriesMenu';
import { ReceiveStockModal } from './ReceiveStockModal';
import { ReportsPanel } from './ReportsPanel';
import { ReturnToStockModal } from './ReturnToStockModal';
import { ReturnToSupplierModal } from './ReturnToSupplierModal';
import { StockTable } from './StockTable';
import { TransferModal } from './TransferModal';
import { WasteModal } from './WasteModal';

type Dialog = 'receive' | 'draw' | 'waste' | OtherEntry | null;

/**
 * The controlled-substance ledger (issue #6): stock by location and lot, the day's work (receive,
 * draw, witnessed waste) and the rarer entries (transfer, returns, destruction, loss or theft,
 * adjustment; reversal from the activity list), counts with their discrepancies, inventories, loss
 * reports and the reports an inspector asks for. Auditors read; physicians, nurses and admins record.
 */
export function LedgerPage(): React.JSX.Element {
  const stock = useStock();
  const session = useSession();
  const { mayRecord, mayAdjust } = useLedgerPermissions();
  const verify = useVerifyLedger();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState<string | null>('stock');
  if (stock.isPending) return <Loading label="Loading the ledger…" />;
  if (stock.error) return <ErrorAlert error={stock.error} onRetry={() => void stock.refetch()} />;
  return (
    <>
      <PageHeader
        title="Controlled substances"
        description="Ketamine (Schedule III) from receipt to administration: every milligram, who handled it and who witnessed."
        actions={
          mayRecord ? (
            // Four buttons in one row would push the page sideways on the 1024 px tablet: two rows.
            <Group gap="xs" wrap="wrap" justify="flex-end" maw={440}>
              <Button leftSection={<IconArrowDownToArc size={16} aria-hidden />} variant="default" onClick={() => setDialog('receive')}>
                Receive stock
              </Button>
              <Button leftSection={<IconDroplet size={16} aria-hidden />} onClick={() => setDialog('draw')}>
                Draw
              </Button>
              <Button leftSection={<IconTrash size={16} aria-hidden />} color="orange" onClick={() => setDialog('waste')}>
                Witnessed waste
              </Button>
              <OtherEntriesMenu mayAdjust={mayAdjust} onChoose={setDialog} />
            </Group>
          ) : undefined
        }
      />
      {verify.data ? (
        <Alert color={verify.data.ok ? 'teal' : 'red'} mb="md" role="status" title={verify.data.ok ? 'Ledger intact' : 'Ledger broken'}>
          {verify.data.ok
            ? `${verify.data.entries.toLocaleString('en-US')} entries checked: the hash chain and every balance match.`
            : `The first bad entry is #${verify.data.firstBad?.seq ?? '?'}: ${verify.data.firstBad?.reason ?? ''}`}
        </Alert>
      ) : null}
      {verify.error ? <ErrorAlert error={verify.error} title="The ledger could not be checked" /> : null}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="stock">Stock</Tabs.Tab>
          <Tabs.Tab value="activity">Activity</Tabs.Tab>
          {mayRecord ? <Tabs.Tab value="count">Count</Tabs.Tab> : null}
          {mayRecord ? <Tabs.Tab value="inventories">Inventories</Tabs.Tab> : null}
          <Tabs.Tab value="losses">Losses</Tabs.Tab>
          <Tabs.Tab value="reports">Reports</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="stock">
          <StockTable stock={stock.data} />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <ActivityTable />
        </Tabs.Panel>
        <Tabs.Panel value="count">
          <CountPanel stock={stock.data} />
        </Tabs.Panel>
        <Tabs.Panel value="inventories">
          <InventoryPanel stock={stock.data} me={{ id: session.user.id, name: session.user.displayName }} />
        </Tabs.Panel>
        <Tabs.Panel value="losses">
          <LossReportsPanel stock={stock.data} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <Group justify="space-between" mb="md">
            <Text size="sm" c="dimmed" maw={560}>
              Recompute the ledger&apos;s hash chain and every balance from the entries, as an inspector would.
            </Text>
            <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()}>
              Verify ledger
            </Button>
          </Group>
          <ReportsPanel stock={stock.data} />
        </Tabs.Panel>
      </Tabs>
      <ReceiveStockModal opened={dialog === 'receive'} stock={stock.data} onClose={() => setDialog(null)} />
      <DrawModal opened={dialog === 'draw'} stock={stock.data} onClose={() => setDialog(null)} />
      <WasteModal opened={dialog === 'waste'} stock={stock.data} onClose={() => setDialog(null)} />
      {dialog === 'transfer' ? <TransferModal stock={stock.data} onClose={() => setDialog(null)} /> : null}
      {dialog === 'return_to_stock' ? <ReturnToStockModal stock={stock.data} onClose={() => setDialog(null)} /> : null}
      {dialog === 'return_to_supplier' ? <ReturnToSupplierModal stock={stock.data} onClose={() => setDialog(null)} /> : null}
      {dialog === 'destruction' ? <DestructionModal stock={stock.data} onClose={() => setDialog(null)} /> : null}
      {dialog === 'loss_theft' ? <LossTheftModal stock={stock.data} onClose={() => setDialog(null)} onReportOpened={() => setTab('losses')} /> : null}
      {dialog === 'adjustment' && mayAdjust ? <AdjustmentModal stock={stock.data} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
