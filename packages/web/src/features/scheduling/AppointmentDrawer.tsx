import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Drawer, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { CANCEL_REASON_LABELS, CANCEL_REASONS, type AppointmentView, type CancelReason } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AttendanceButtons } from './AttendanceButtons';
import { GroupMembers } from './GroupMembers';
import { useAttendance, useCancelAppointment, useSetStatus } from './scheduling-api';
import { dayLabel, STATUS_LABELS, timeRange } from './labels';

/** One appointment: who, when, where; check-in, move and cancel (with a reason); a group's members. */
export function AppointmentDrawer(props: { appointment: AppointmentView; timeZone: string; onClose: () => void; onMove: (a: AppointmentView) => void }): React.JSX.Element {
  const { appointment: a } = props;
  const status = useSetStatus();
  const attendance = useAttendance(a.id);
  const started = Date.parse(a.start) <= Date.now() && a.status !== 'cancelled';
  const cancel = useCancelAppointment(a.id);
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [note, setNote] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [following, setFollowing] = useState(false);
  const live = a.status === 'booked' || a.status === 'arrived';
  // A group's patients are listed (and added and withdrawn) by GroupMembers; withdrawn people are not "with" anyone.
  const group = a.kind === 'group';
  const people = a.participants.filter((p) => p.status !== 'withdrawn' && !(group && p.kind === 'patient'));
  const mark = (patientId: string, value: 'attended' | 'no_show'): void => attendance.mutate({ patientId, attendance: value });
  return (
    <Drawer opened onClose={props.onClose} position="right" title={a.typeName} size="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={a.color} variant="light">
            {STATUS_LABELS[a.status]}
          </Badge>
          {a.lateCancelFee ? <Badge color="orange">Late-cancel fee</Badge> : null}
          {a.seriesIndex ? <Badge variant="outline">Series, #{a.seriesIndex}</Badge> : null}
        </Group>
        <Text>
          {dayLabel(a.localDate, 'long')}, {timeRange(a, props.timeZone)}
        </Text>
        <Text size="sm">{a.roomName ?? (a.telehealthUrl ? 'Video visit' : 'No room')}</Text>
        <Stack gap={2}>
          {people.map((p) => (
            <Text key={p.id} size="sm">
              {p.name ?? 'Patient (not on your care team)'} <Text span c="dimmed" size="xs">
                {p.role === 'patient' ? (p.status === 'waitlisted' ? 'waitlist' : 'patient') : p.role}
                {p.attendance ? ` · ${p.attendance.replace('_', ' ')}` : ''}
              </Text>
              {started ? <AttendanceButtons participant={p} onMark={mark} /> : null}
            </Text>
          ))}
        </Stack>
        {group ? <GroupMembers appointment={a} started={started} onMark={mark} /> : null}
        {a.staffNotes ? (
          <Text size="sm" c="dimmed">
            {a.staffNotes}
          </Text>
        ) : null}
        <Anchor href={`/api/appointments/${a.id}/calendar.ics`} size="sm">
          Download calendar file (.ics)
        </Anchor>
        {status.isError ? <ErrorAlert error={status.error} title="Not changed" /> : null}
        {attendance.isError ? <ErrorAlert error={attendance.error} title="Attendance not recorded" /> : null}
        <Group gap="xs">
          {a.status === 'booked' ? <Button size="xs" onClick={() => status.mutate({ id: a.id, status: 'arrived' }, { onSuccess: props.onClose })}>Check in</Button> : null}
          {a.status === 'booked' ? <Button size="xs" variant="default" onClick={() => props.onMove(a)}>Move</Button> : null}
          {a.status === 'arrived' ? <Button size="xs" onClick={() => status.mutate({ id: a.id, status: 'in_progress' }, { onSuccess: props.onClose })}>Start session</Button> : null}
          {live && !cancelling ? <Button size="xs" color="red" variant="light" onClick={() => setCancelling(true)}>Cancel appointment</Button> : null}
        </Group>
        {cancelling ? (
          <Stack gap="xs">
            <Select label="Reason for cancelling" data={CANCEL_REASONS.map((r) => ({ value: r, label: CANCEL_REASON_LABELS[r] }))} value={reason} onChange={(v) => setReason(v as CancelReason | null)} />
            <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
            {a.seriesId ? <Checkbox label="Also cancel the rest of this series" checked={following} onChange={(e) => setFollowing(e.currentTarget.checked)} /> : null}
            {cancel.isError ? <ErrorAlert error={cancel.error} title="Not cancelled" /> : null}
            <Group gap="xs">
              <Button size="xs" color="red" disabled={!reason} loading={cancel.isPending} onClick={() => reason && cancel.mutate({ reason, note: note.trim() || null, scope: following ? 'following' : 'one' }, { onSuccess: props.onClose })}>
                Confirm cancellation
              </Button>
              <Button size="xs" variant="default" onClick={() => setCancelling(false)}>
                Keep appointment
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Drawer>
  );
}
