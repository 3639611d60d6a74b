import { Table, Text } from '@mantine/core';
import type { EntryView } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatShortDateTime } from '../../ui/time';
import { Loading } from '../../ui/Loading';
import { useEntries } from './ledger-api';

const KIND_LABELS: Record<EntryView['kind'], string> = {
  receipt: 'Receipt',
  transfer: 'Transfer',
  draw: 'Draw',
  waste: 'Waste',
  return_to_stock: 'Return to stock',
  return_to_supplier: 'Return to supplier',
  destruction: 'Destruction',
  loss_theft: 'Loss / theft',
  adjustment: 'Adjustment',
  reversal: 'Reversal',
};

/** The latest entries, newest first: who, when, what, and the witness where there was one. */
export function ActivityTable(): React.JSX.Element {
  const entries = useEntries();
  const timeZone = useSession().clinic.timeZone;
  if (entries.isPending) return <Loading label="Loading the ledger…" />;
  if (entries.error) return <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" aria-label="Ledger entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Entry</Table.Th>
            <Table.Th>Container</Table.Th>
            <Table.Th ta="right">Change (mg)</Table.Th>
            <Table.Th>Details</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.data.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <Text size="sm">{formatShortDateTime(entry.at, timeZone)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} c={entry.kind === 'reversal' || entry.reversedByEntryId ? 'dimmed' : undefined}>
                  {KIND_LABELS[entry.kind]}
                </Text>
                {entry.reversedByEntryId ? (
                  <Text size="xs" c="dimmed">
                    reversed
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{entry.containerLabel ?? entry.lotNumber ?? ''}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {entry.changeMg ?? ''}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.summary}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.actorName}</Text>
                {entry.witnessName ? (
                  <Text size="xs" c="dimmed">
                    witness: {entry.witnessName}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
