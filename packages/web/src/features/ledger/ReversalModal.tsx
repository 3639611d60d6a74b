import { Alert, List, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { EntryView } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { formatDateTime } from '../../ui/time';
import { ENTRY_KIND_LABELS } from './entry-kinds';
import { EntryFormModal } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useRecordEntry } from './ledger-api';
import { recordAndClose } from './record-and-close';
import { RefusalAlert } from './RefusalAlert';
import { reversalEffect } from './reversal-effect';

/**
 * Undoes one earlier entry exactly (the ledger is append-only: corrections are reversing entries,
 * never edits; clinical.md §6.3). The form shows the entry and what reversing it will do before
 * anyone confirms, and asks why.
 */
export function ReversalModal(props: { entry: EntryView; onClose: () => void }): React.JSX.Element {
  const { entry } = props;
  const record = useRecordEntry();
  const timeZone = useSession().clinic.timeZone;
  const [reason, setReason] = useState('');
  const submit = (): void => {
    recordAndClose(
      record,
      { entry: { kind: 'reversal', reversesEntryId: entry.id, reason: reason.trim() }, witness: null },
      { notice: () => `${ENTRY_KIND_LABELS[entry.kind]} of ${formatDateTime(entry.at, timeZone)} reversed`, onClose: props.onClose },
    );
  };
  const rows: Array<[string, string]> = [
    ['Entry', `${ENTRY_KIND_LABELS[entry.kind]}${entry.seq !== null ? ` #${entry.seq}` : ''}`],
    ['When', formatDateTime(entry.at, timeZone)],
    ['Container', entry.containerLabel ?? entry.lotNumber ?? '—'],
    ['What it did', entry.summary],
    ['Recorded by', `${entry.actorName}${entry.witnessName ? `, witnessed by ${entry.witnessName}` : ''}`],
  ];
  return (
    <EntryFormModal title="Reverse an entry" size="lg" onClose={props.onClose} onSubmit={submit}>
      <Table withRowBorders={false} verticalSpacing={4} aria-label="Entry to reverse">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={130} fw={500} c="dimmed" fz="sm" style={{ verticalAlign: 'top' }}>
                {label}
              </Table.Th>
              <Table.Td fz="sm">{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Alert color="orange" variant="light" title="What will be undone">
        <List size="sm" spacing={2} aria-label="What will be undone">
          {reversalEffect(entry).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt={6}>
          The entry stays in the ledger, marked reversed; the reversal is a new entry with your name and reason.
        </Text>
      </Alert>
      <Textarea label="Reason for the reversal" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={1000} autosize minRows={2} />
      <RefusalAlert error={record.error} title="The reversal was not recorded" />
      <FormActions submitLabel="Record reversal" color="red" pending={record.isPending} missing={reason.trim() ? [] : ['reason']} onCancel={props.onClose} />
    </EntryFormModal>
  );
}
