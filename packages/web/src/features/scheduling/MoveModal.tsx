import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import type { AppointmentView, SchedulingSetup, StaffRole } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { UnmetList } from '../chart/UnmetList';
import { useCheckPlacement, useReschedule } from './scheduling-api';
import { patientsOf } from './labels';

/** Where an appointment was dropped (or where the move form starts). */
export interface MoveTarget {
  readonly date: string;
  readonly time: string;
  readonly staffId: string | null;
  readonly roomId: string | null;
}

/** The staff after a drop onto another staff member's column: they take the seat of a role they hold. */
function staffAfterDrop(appointment: AppointmentView, setup: SchedulingSetup, staffId: string | null): string[] {
  const current = appointment.participants.filter((p) => p.kind === 'staff').map((p) => ({ id: p.refId, role: p.role }));
  if (!staffId || current.some((s) => s.id === staffId)) return current.map((s) => s.id);
  const roles = (setup.staff.find((s) => s.id === staffId)?.roles ?? []) as readonly StaffRole[];
  const seat = current.findIndex((s) => roles.includes(s.role as StaffRole));
  return current.map((s, i) => (i === seat ? staffId : s.id));
}

/**
 * Moves an appointment, checking the new place live against every rule as it changes (drag and
 * drop lands here with the dropped cell filled in). Nothing changes until "Move" is pressed, and
 * the server checks once more then.
 */
export function MoveModal(props: { appointment: AppointmentView; target: MoveTarget; setup: SchedulingSetup; onClose: () => void }): React.JSX.Element {
  const { appointment: a, setup } = props;
  const [date, setDate] = useState(props.target.date);
  const [time, setTime] = useState(props.target.time);
  const [roomId, setRoomId] = useState<string | null>(props.target.roomId ?? a.roomId);
  const [following, setFollowing] = useState(false);
  const staffIds = useMemo(() => staffAfterDrop(a, setup, props.target.staffId), [a, setup, props.target.staffId]);
  const [placement] = useDebouncedValue({ date, time, roomId }, 250);
  const check = useCheckPlacement();
  const move = useReschedule(a.id);
  const { mutate: runCheck } = check;
  const patientIds = a.participants.filter((p) => p.kind === 'patient' && p.status === 'booked').map((p) => p.refId);

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(placement.date) || !/^\d{2}:\d{2}$/.test(placement.time)) return;
    runCheck({ appointmentTypeId: a.appointmentTypeId, patientIds, start: { date: placement.date, time: placement.time }, staffIds, roomId: placement.roomId, reschedulingAppointmentId: a.id });
    // patientIds derive from `a`; re-run only when the place changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [placement, staffIds, a.id, a.appointmentTypeId, runCheck]);

  const names = new Map(setup.staff.map((s) => [s.id, s.displayName]));
  const ok = check.data?.ok === true;
  return (
    <Modal opened onClose={props.onClose} title={`Move ${a.typeName.toLowerCase()}`} size="lg">
      <Stack gap="md">
        <Text size="sm">
          {patientsOf(a)} with {staffIds.map((id) => names.get(id) ?? 'Staff').join(' + ')}
        </Text>
        <Group grow>
          <TextInput label="Date" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <TextInput label="Start time" type="time" step={900} value={time} onChange={(e) => setTime(e.currentTarget.value)} />
          <Select label="Room" data={setup.rooms.filter((r) => r.active).map((r) => ({ value: r.id, label: r.name }))} value={roomId} onChange={setRoomId} clearable placeholder="No room (video)" />
        </Group>
        {a.seriesId ? (
          <Checkbox label="Also move the later occurrences of this series (those changed on their own keep their time)" checked={following} onChange={(e) => setFollowing(e.currentTarget.checked)} />
        ) : null}
        <div aria-live="polite">
          {ok ? (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="This time works">
              Everyone and the room are free, and every rule is kept.
            </Alert>
          ) : null}
          {check.data && !ok ? <UnmetList title="This time does not work" items={check.data.violations} color="red" /> : null}
          {check.isError ? <ErrorAlert error={check.error} title="The time could not be checked" /> : null}
        </div>
        {move.isError ? <ErrorAlert error={move.error} title="Not moved" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep it where it is
          </Button>
          <Button
            disabled={!ok}
            loading={move.isPending}
            onClick={() => move.mutate({ start: { date, time }, staffIds, roomId, version: a.version, scope: following ? 'following' : 'one' }, { onSuccess: props.onClose })}
          >
            Move
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
