import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { instantToLocal, type AppointmentStatus, type AppointmentView } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { patientsOf, staffOf, timeRange } from './labels';
import { useAppointments, useSetStatus } from './scheduling-api';

const LANES: readonly { title: string; statuses: readonly AppointmentStatus[] }[] = [
  { title: 'Expected', statuses: ['booked'] },
  { title: 'Arrived', statuses: ['arrived'] },
  { title: 'In session', statuses: ['in_progress'] },
  { title: 'Done or missed', statuses: ['fulfilled', 'no_show'] },
];

type Move = Exclude<AppointmentStatus, 'proposed' | 'cancelled'>;
const ACTIONS: Partial<Record<AppointmentStatus, readonly { to: Move; label: string; color?: string }[]>> = {
  booked: [{ to: 'arrived', label: 'Check in' }, { to: 'no_show', label: 'No-show', color: 'red' }],
  arrived: [{ to: 'in_progress', label: 'Start' }, { to: 'booked', label: 'Undo check-in', color: 'gray' }],
  in_progress: [{ to: 'fulfilled', label: 'Complete' }],
};

function Visit(props: { appointment: AppointmentView; timeZone: string; now: number }): React.JSX.Element {
  const { appointment: a } = props;
  const status = useSetStatus();
  const started = Date.parse(a.start) <= props.now;
  return (
    <Card withBorder padding="sm" radius="md" style={{ borderLeft: `4px solid var(--mantine-color-${a.color}-6)` }} aria-label={`${patientsOf(a)}, ${a.typeName}`}>
      <Text fw={600} size="sm" lineClamp={2}>
        {patientsOf(a)}
      </Text>
      <Text size="xs">
        {timeRange(a, props.timeZone)} · {a.typeName}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {staffOf(a)}
        {a.roomName ? ` · ${a.roomName}` : ''}
      </Text>
      {a.status === 'no_show' ? <Badge size="xs" color="red" mt={4}>No-show{a.lateCancelFee ? ' · fee' : ''}</Badge> : null}
      <Group gap={4} mt={6}>
        {(ACTIONS[a.status] ?? [])
          .filter((action) => action.to !== 'no_show' || started)
          .map((action) => (
            <Button key={action.to} size="compact-xs" variant="light" color={action.color} loading={status.isPending && status.variables?.status === action.to} onClick={() => status.mutate({ id: a.id, status: action.to })} aria-label={`${action.label}: ${patientsOf(a)} ${a.localTime}`}>
              {action.label}
            </Button>
          ))}
      </Group>
      {status.isError ? <Text size="xs" c="red">{status.error.detail}</Text> : null}
    </Card>
  );
}

/** The front desk's check-in board: today's appointments in lanes from expected to done, refreshed every 30 s. */
export function CheckInBoard(): React.JSX.Element {
  const session = useSession();
  const zone = session.clinic.timeZone;
  const today = instantToLocal(Date.now(), zone).date;
  const appointments = useAppointments(today, today, { refetchMs: 30_000 });
  if (appointments.isPending) return <Loading label="Loading today's appointments…" />;
  const rows = appointments.data ?? [];
  return (
    <>
      <PageHeader title="Check-in board" description="Today's appointments, from expected to done. Check patients in as they arrive." />
      {appointments.isError ? <ErrorAlert error={appointments.error} title="Appointments could not be loaded" onRetry={() => void appointments.refetch()} /> : null}
      {rows.length === 0 ? (
        <EmptyNotice icon={<IconCalendarOff />} title="Nothing booked today" description="Appointments booked for today appear here." />
      ) : (
        <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md">
          {LANES.map((lane) => {
            const items = rows.filter((a) => lane.statuses.includes(a.status));
            return (
              <Stack key={lane.title} gap="xs" role="region" aria-label={lane.title}>
                <Title order={2} fz="sm">
                  {lane.title} ({items.length})
                </Title>
                {items.map((a) => (
                  <Visit key={a.id} appointment={a} timeZone={zone} now={Date.now()} />
                ))}
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
    </>
  );
}
