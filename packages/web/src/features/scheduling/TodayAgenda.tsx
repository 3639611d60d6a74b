import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCan, useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { CALENDAR_PATH, MY_HOURS_PATH } from '../../app/paths';
import { patientsOf, STATUS_LABELS, timeRange } from './labels';
import { useAgenda } from './scheduling-api';

/** A clinician's appointments today, on their home screen, with the way to their own hours. */
export function TodayAgenda(): React.JSX.Element {
  const session = useSession();
  const agenda = useAgenda();
  const ownHours = useCan('schedule.own_hours');
  return (
    <Paper withBorder radius="md" p="md" role="region" aria-label="Today's agenda">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg">
          Today&apos;s agenda
        </Title>
        <Group gap="md">
          {ownHours ? (
            <Anchor component={Link} to={MY_HOURS_PATH} size="sm">
              My hours
            </Anchor>
          ) : null}
          <Anchor component={Link} to={CALENDAR_PATH} size="sm">
            Open calendar
          </Anchor>
        </Group>
      </Group>
      {agenda.isPending ? <Loading label="Loading your day…" /> : null}
      {agenda.isError ? <ErrorAlert error={agenda.error} title="Your agenda could not be loaded" /> : null}
      {agenda.data?.length === 0 ? <Text size="sm" c="dimmed">Nothing on your calendar today.</Text> : null}
      <Stack gap={6}>
        {(agenda.data ?? []).map((a) => (
          <Group key={a.id} gap="sm" wrap="nowrap" style={{ borderLeft: `4px solid var(--mantine-color-${a.color}-6)`, paddingLeft: 8 }}>
            <Text size="sm" w={96} style={{ flexShrink: 0 }}>
              {timeRange(a, session.clinic.timeZone)}
            </Text>
            <Text size="sm" style={{ flex: 1 }} truncate>
              {a.typeName} · {patientsOf(a)}
              {a.roomName ? ` · ${a.roomName}` : ''}
            </Text>
            {a.status !== 'booked' ? <Badge size="xs" variant="light">{STATUS_LABELS[a.status]}</Badge> : null}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
