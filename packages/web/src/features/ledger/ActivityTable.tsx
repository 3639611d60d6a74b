import { ActionIcon, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { EntryView } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatShortDateTime } from '../../ui/time';
import { Loading } from '../../ui/Loading';
import { ENTRY_KIND_LABELS } from './entry-kinds';
import { useEntries } from './ledger-api';
import { useLedgerPermissions } from './ledger-permissions';
import { ReversalModal } from './ReversalModal';
import { mayOfferReversal } from './reversal-effect';

/**
 * The latest entries, newest first: who, when, what, and the witness where there was one. Those who
 * record may reverse an entry from here (adjustments only by a physician or administrator).
 */
export function ActivityTable(): React.JSX.Element {
  const entries = useEntries();
  const timeZone = useSession().clinic.timeZone;
  const { mayRecord, mayAdjust } = useLedgerPermissions();
  const [reversing, setReversing] = useState<EntryView | null>(null);
  if (entries.isPending) return <Loading label="Loading the ledger…" />;
  if (entries.error) return <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />;
  const reversed = new Map(entries.data.filter((e) => e.reversesEntryId).map((e) => [e.reversesEntryId, e] as const));
  const byId = new Map(entries.data.map((e) => [e.id, e] as const));
  return (
    <>
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
              {mayRecord ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data.map((entry) => {
              const undoneBy = reversed.get(entry.id);
              const target = entry.reversesEntryId ? byId.get(entry.reversesEntryId) : undefined;
              return (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatShortDateTime(entry.at, timeZone)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={entry.kind === 'reversal' || entry.reversedByEntryId ? 'dimmed' : undefined}>
                      {ENTRY_KIND_LABELS[entry.kind]}
                    </Text>
                    {entry.reversedByEntryId ? (
                      <Text size="xs" c="dimmed">
                        reversed{undoneBy ? ` ${formatShortDateTime(undoneBy.at, timeZone)}` : ''}
                      </Text>
                    ) : null}
                    {target ? (
                      <Text size="xs" c="dimmed">
                        of the {ENTRY_KIND_LABELS[target.kind].toLowerCase()} of {formatShortDateTime(target.at, timeZone)}
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
                  {mayRecord ? (
                    <Table.Td>
                      {mayOfferReversal(entry, mayAdjust) ? (
                        <Tooltip label="Reverse this entry" withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size="lg"
                            aria-label={`Reverse ${ENTRY_KIND_LABELS[entry.kind].toLowerCase()} of ${formatShortDateTime(entry.at, timeZone)}${entry.containerLabel ? `, ${entry.containerLabel}` : ''}`}
                            onClick={() => setReversing(entry)}
                          >
                            <IconArrowBackUp size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {reversing ? <ReversalModal entry={reversing} onClose={() => setReversing(null)} /> : null}
    </>
  );
}
