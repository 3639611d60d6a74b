import { Badge, Button, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { DiscrepancyView, StockView } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { formatCalendarDate } from '../../ui/time';
import { useDiscrepancies } from './ledger-api';
import { ResolveDiscrepancyModal } from './ResolveDiscrepancyModal';

/** Count discrepancies still waiting for a reason and a resolution (clinical.md §6.3). */
export function DiscrepancyList(props: { stock: StockView }): React.JSX.Element {
  const discrepancies = useDiscrepancies();
  const [resolving, setResolving] = useState<DiscrepancyView | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-label="Discrepancies to resolve">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg">
          Discrepancies to resolve
        </Title>
        {discrepancies.data ? <Badge color={discrepancies.data.length ? 'yellow' : 'teal'}>{discrepancies.data.length ? `${discrepancies.data.length} open` : 'None open'}</Badge> : null}
      </Group>
      {discrepancies.isPending ? <Loading label="Loading discrepancies…" /> : null}
      {discrepancies.error ? <ErrorAlert error={discrepancies.error} onRetry={() => void discrepancies.refetch()} /> : null}
      {discrepancies.data?.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every count difference has its reason.
        </Text>
      ) : null}
      {discrepancies.data && discrepancies.data.length > 0 ? (
        <Table verticalSpacing="xs" aria-label="Open discrepancies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Container</Table.Th>
              <Table.Th>Counted on</Table.Th>
              <Table.Th ta="right">Books (mg)</Table.Th>
              <Table.Th ta="right">Counted (mg)</Table.Th>
              <Table.Th ta="right">Difference (mg)</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {discrepancies.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td fw={600}>{d.containerLabel}</Table.Td>
                <Table.Td>{formatCalendarDate(d.foundOn)}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {d.expectedMg}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {d.countedMg}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" c={d.differenceMg.startsWith('-') ? 'red.8' : undefined}>
                  {d.differenceMg}
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-sm" variant="light" aria-label={`Resolve the discrepancy of ${d.containerLabel} counted on ${formatCalendarDate(d.foundOn)}`} onClick={() => setResolving(d)}>
                    Resolve
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {resolving ? <ResolveDiscrepancyModal discrepancy={resolving} stock={props.stock} onClose={() => setResolving(null)} /> : null}
    </Paper>
  );
}
