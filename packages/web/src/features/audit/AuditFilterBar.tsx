import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { AUDIT_ACTIONS, type AuditAction, type AuditOutcome } from '@lantern/core';
import { useCan, useSession } from '../../app/session-context';
import { useStaff } from '../admin/admin-api';
import { ACTION_LABELS, filterProblems, NO_FILTERS, type AuditFilters } from './audit-filters';

const ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] }));
const OUTCOME_OPTIONS = [
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure (refused or failed)' },
];

function isAction(value: string | null): value is AuditAction {
  return value !== null && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The filter form; filters apply when the form is submitted, so a half-typed ID never queries. */
export function AuditFilterBar(props: { applied: AuditFilters; onApply: (filters: AuditFilters) => void }): React.JSX.Element {
  const session = useSession();
  const canListStaff = useCan('staff.manage');
  const staff = useStaff(canListStaff);
  const [draft, setDraft] = useState<AuditFilters>(props.applied);
  const [shownProblems, setShownProblems] = useState<ReturnType<typeof filterProblems>>({});
  const set = (patch: Partial<AuditFilters>): void => setDraft((previous) => ({ ...previous, ...patch }));
  const zone = session.clinic.timeZone.replace('_', ' ');

  // Filters applied from elsewhere (a click in the table) show up in the form too.
  const [lastApplied, setLastApplied] = useState(props.applied);
  if (lastApplied !== props.applied) {
    setLastApplied(props.applied);
    setDraft(props.applied);
  }

  const staffOptions = (staff.data ?? []).map((member) => ({ value: member.id, label: `${member.displayName} (${member.email})` }));
  return (
    <Paper withBorder radius="md" p="md" mb="md" component="form" role="search" aria-label="Audit filters"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        const problems = filterProblems(draft);
        setShownProblems(problems);
        if (Object.keys(problems).length === 0) props.onApply(draft);
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm" verticalSpacing="sm">
        {canListStaff ? (
          <Select
            label="User"
            placeholder="Anyone"
            data={staffOptions}
            searchable
            clearable
            value={draft.userId || null}
            onChange={(value) => set({ userId: value ?? '' })}
            nothingFoundMessage="No one matches"
            error={shownProblems.userId}
          />
        ) : (
          <TextInput label="User ID" placeholder="Anyone" value={draft.userId} onChange={(event) => set({ userId: event.currentTarget.value })} error={shownProblems.userId} />
        )}
        <TextInput label="Patient ID" placeholder="Any patient" value={draft.patientId} onChange={(event) => set({ patientId: event.currentTarget.value })} error={shownProblems.patientId} />
        <Select label="Action" placeholder="Any action" data={ACTION_OPTIONS} clearable value={draft.action || null} onChange={(value) => set({ action: isAction(value) ? value : '' })} />
        <Select
          label="Outcome"
          placeholder="Any outcome"
          data={OUTCOME_OPTIONS}
          clearable
          value={draft.outcome || null}
          onChange={(value) => set({ outcome: value === 'success' || value === 'failure' ? (value satisfies AuditOutcome) : '' })}
        />
        <TextInput label={`From (${zone})`} type="datetime-local" value={draft.from} onChange={(event) => set({ from: event.currentTarget.value })} error={shownProblems.from} />
        <TextInput label={`To (${zone})`} type="datetime-local" value={draft.to} onChange={(event) => set({ to: event.currentTarget.value })} error={shownProblems.to} />
      </SimpleGrid>
      <Group justify="flex-end" mt="md" gap="sm">
        <Button
          variant="default"
          leftSection={<IconX size={16} />}
          onClick={() => {
            setDraft({ ...NO_FILTERS, sort: draft.sort });
            setShownProblems({});
            props.onApply({ ...NO_FILTERS, sort: props.applied.sort });
          }}
        >
          Clear filters
        </Button>
        <Button type="submit" leftSection={<IconFilter size={16} />}>
          Apply filters
        </Button>
      </Group>
    </Paper>
  );
}
