import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import type { FindingView, ReportableCondition } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAddEntry, useEntryAction } from './chart-api';
import { CONDITION_LABELS, CONDITION_OPTIONS } from './condition-labels';
import { ReasonModal } from './ReasonModal';

/**
 * Conditions reported on the chart outside the evaluation notes: a pregnancy, an outside record. The
 * rules read them at once, and one that undermines a standing eligibility decision re-opens it.
 */
export function ReportedConditions({ patientId, findings }: { patientId: string; findings: readonly FindingView[] }): React.JSX.Element {
  const [condition, setCondition] = useState<ReportableCondition | null>(null);
  const [note, setNote] = useState('');
  const add = useAddEntry<{ condition: ReportableCondition; note: string | null }>(patientId, 'findings');
  const revise = useEntryAction<{ id: string; status: FindingView['status']; reason: string }>(patientId, 'findings', 'revise');
  const [resolving, setResolving] = useState<FindingView | null>(null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Reported conditions">
      <Stack gap="sm">
        <Title order={3} fz="md">
          Reported conditions
        </Title>
        {findings.length === 0 ? <Text size="sm" c="dimmed">Nothing reported outside the evaluation notes.</Text> : null}
        {findings.length > 0 ? (
          <Table aria-label="Reported conditions list">
            <Table.Tbody>
              {findings.map((finding) => (
                <Table.Tr key={finding.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{CONDITION_LABELS[finding.condition]}</Text>
                    {finding.note ? <Text size="xs" c="dimmed">{finding.note}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={finding.status === 'active' ? 'orange' : 'gray'} tt="none">
                      {finding.status === 'active' ? 'Active' : finding.status === 'resolved' ? 'Resolved' : 'Entered in error'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {finding.status === 'active' ? (
                      <Button variant="subtle" size="compact-sm" onClick={() => setResolving(finding)} aria-label={`Resolve ${CONDITION_LABELS[finding.condition]}`}>
                        Resolve
                      </Button>
                    ) : (
                      <VisuallyHidden>No action</VisuallyHidden>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <form
          aria-label="Report a condition"
          onSubmit={(event) => {
            event.preventDefault();
            if (!condition) return;
            add.mutate({ condition, note: note.trim() || null }, { onSuccess: () => { setCondition(null); setNote(''); } });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select label="Condition" placeholder="Choose…" searchable data={CONDITION_OPTIONS} value={condition} onChange={(value) => setCondition(value as ReportableCondition | null)} w={260} comboboxProps={{ withinPortal: true }} />
            <TextInput label="Note" maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
            <Button type="submit" variant="light" disabled={!condition} loading={add.isPending}>
              Report condition
            </Button>
          </Group>
        </form>
        {add.error ? <ErrorAlert error={add.error} title="Not reported" /> : null}
      </Stack>
      <ReasonModal
        opened={resolving !== null}
        title={resolving ? `Resolve: ${CONDITION_LABELS[resolving.condition]}` : ''}
        description="Saved as a new version with your reason; the report stays in the record."
        confirmLabel="Resolve"
        busy={revise.isPending}
        error={revise.error}
        onClose={() => {
          revise.reset();
          setResolving(null);
        }}
        onConfirm={(reason) => resolving && revise.mutate({ id: resolving.id, status: 'resolved', reason }, { onSuccess: () => setResolving(null) })}
      />
    </Paper>
  );
}
