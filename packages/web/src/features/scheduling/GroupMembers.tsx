import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import type { AppointmentView } from '@lantern/core';
import { useCan } from '../../app/session-context';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePatients } from '../patients/patients-api';
import { AttendanceButtons } from './AttendanceButtons';
import { groupRoster, joinedMessage, seatsSummary, withdrawnMessage } from './group-members';
import { useAddGroupMember, useWithdrawGroupMember } from './scheduling-api';

type Participant = AppointmentView['participants'][number];

/**
 * The members of a group session: who has a seat, who waits (first come, first served), and, while
 * the session is still booked, adding a member (seated, or waitlisted when full) and withdrawing one
 * (the server seats the first on the waitlist who is free then, and this says who).
 */
export function GroupMembers(props: { appointment: AppointmentView; started: boolean; onMark: (patientId: string, attendance: 'attended' | 'no_show') => void }): React.JSX.Element {
  const { appointment: a } = props;
  const roster = groupRoster(a);
  const canBook = useCan('schedule.book');
  const open = a.status === 'booked' && canBook;
  const add = useAddGroupMember(a.id);
  const withdraw = useWithdrawGroupMember(a.id);
  const [confirming, setConfirming] = useState<Participant | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const line = (p: Participant, badge: React.ReactNode): React.JSX.Element => (
    <Group key={p.id} gap="xs" wrap="nowrap" justify="space-between">
      <Text size="sm" style={{ minWidth: 0 }}>
        {p.name ?? 'Patient (not on your care team)'} {badge}
        {p.attendance ? <Text span c="dimmed" size="xs">{` · ${p.attendance.replace('_', ' ')}`}</Text> : null}
        {props.started ? <AttendanceButtons participant={p} onMark={props.onMark} /> : null}
      </Text>
      {open && p.name !== null ? (
        <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconUserMinus size={14} aria-hidden />} aria-label={`Withdraw ${p.name}`} onClick={() => { withdraw.reset(); setConfirming(p); }}>
          Withdraw
        </Button>
      ) : null}
    </Group>
  );

  return (
    <Stack gap={6} role="region" aria-label="Group members">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5">
          Members
        </Title>
        <Text size="xs" c="dimmed">
          {seatsSummary(roster)}
        </Text>
      </Group>
      {roster.seated.length === 0 && roster.waitlist.length === 0 ? <Text size="sm" c="dimmed">Nobody has joined yet.</Text> : null}
      {roster.seated.map((p) => line(p, null))}
      {roster.waitlist.map((p, i) => line(p, <Badge size="xs" variant="light" color="yellow">Waitlist {i + 1}</Badge>))}
      {roster.withdrawn.length > 0 ? (
        <Text size="xs" c="dimmed">
          Withdrawn: {roster.withdrawn.map((p) => p.name ?? 'a patient').join(', ')}
        </Text>
      ) : null}
      {outcome ? (
        // An Alert is role="alert": announced when it appears.
        <Alert color="teal" variant="light" p="xs" withCloseButton closeButtonLabel="Dismiss" onClose={() => setOutcome(null)}>
          <Text size="sm">{outcome}</Text>
        </Alert>
      ) : null}
      {open ? <AddMember appointment={a} add={add} onAdded={(after, patientId) => setOutcome(joinedMessage(after, patientId))} /> : null}
      <ConfirmModal
        opened={confirming !== null}
        title="Withdraw from the group session?"
        confirmLabel="Withdraw"
        color="red"
        busy={withdraw.isPending}
        error={withdraw.error}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (!confirming) return;
          withdraw.mutate({ patientId: confirming.refId }, {
            onSuccess: (after) => {
              setOutcome(withdrawnMessage(a, after, confirming.refId));
              setConfirming(null);
            },
          });
        }}
      >
        <Text size="sm">
          {confirming?.name} leaves this session.{' '}
          {confirming?.status === 'booked' ? 'The seat goes to the first person on the waitlist who is free then; adding them back later puts them at the end of the waitlist.' : 'They lose their place on the waitlist.'}
        </Text>
      </ConfirmModal>
    </Stack>
  );
}

/** Search a patient and add them; the server seats them or puts them on the waitlist. */
function AddMember(props: { appointment: AppointmentView; add: ReturnType<typeof useAddGroupMember>; onAdded: (after: AppointmentView, patientId: string) => void }): React.JSX.Element {
  const { add } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const patients = usePatients(debounced, 0);
  const [patientId, setPatientId] = useState<string | null>(null);
  const present = new Set(props.appointment.participants.filter((p) => p.kind === 'patient' && p.status !== 'withdrawn').map((p) => p.refId));
  const options = (patients.data ?? []).filter((p) => !present.has(p.id)).map((p) => ({ value: p.id, label: `${p.preferredName ?? p.legalName.split(' ')[0]} ${p.legalName.split(' ').slice(1).join(' ')} · ${p.mrn}` }));
  return (
    <Stack gap={4} mt={4}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="Add a member"
          placeholder="Search by name or MRN"
          size="xs"
          style={{ flex: 1 }}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={patientId}
          onChange={(value) => { add.reset(); setPatientId(value); }}
          nothingFoundMessage={patients.isFetching ? 'Searching…' : 'No patient matches'}
          filter={({ options: all }) => all}
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          size="xs"
          leftSection={<IconUserPlus size={14} aria-hidden />}
          disabled={!patientId}
          loading={add.isPending}
          onClick={() => {
            if (!patientId) return;
            add.mutate({ patientId }, {
              onSuccess: (after) => {
                props.onAdded(after, patientId);
                setPatientId(null);
                setSearch('');
              },
            });
          }}
        >
          Add to group
        </Button>
      </Group>
      {add.isError ? <ErrorAlert error={add.error} title="Not added" /> : null}
    </Stack>
  );
}
