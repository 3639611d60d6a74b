import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { StaffScheduleView } from '@lantern/core';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/time';
import { timeOffInstants } from './hours';
import { useAddTimeOff, useWithdrawTimeOff } from './setup-api';

type TimeOff = StaffScheduleView['timeOff'][number];

/**
 * Time off ahead (each can be withdrawn, after a confirmation: the hours become bookable again), and
 * a form to record more (whole days, or from and until a time). `own`: the signed-in clinician's.
 */
export function TimeOffEditor(props: { member: StaffScheduleView; timeZone: string; today: string; own?: boolean }): React.JSX.Element {
  const { member, timeZone } = props;
  const add = useAddTimeOff(member.id);
  const withdraw = useWithdrawTimeOff(member.id);
  const [withdrawing, setWithdrawing] = useState<TimeOff | null>(null);
  const span = (o: TimeOff): string => `${formatDateTime(o.start, timeZone)} until ${formatDateTime(o.end, timeZone)}`;
  const [fromDate, setFromDate] = useState(props.today);
  const [toDate, setToDate] = useState(props.today);
  const [wholeDays, setWholeDays] = useState(true);
  const [fromTime, setFromTime] = useState('09:00');
  const [toTime, setToTime] = useState('17:00');
  const [note, setNote] = useState('');
  const datesOk = /^\d{4}-\d{2}-\d{2}$/.test(fromDate) && /^\d{4}-\d{2}-\d{2}$/.test(toDate);
  const timesOk = wholeDays || (/^\d{2}:\d{2}$/.test(fromTime) && /^\d{2}:\d{2}$/.test(toTime));
  const order = datesOk && timesOk ? (wholeDays ? toDate >= fromDate : `${toDate}T${toTime}` > `${fromDate}T${fromTime}`) : true;
  const submit = (): void => {
    const { start, end } = timeOffInstants({ fromDate, toDate, wholeDays, fromTime, toTime }, timeZone);
    withdraw.reset();
    add.mutate({ start, end, note: note.trim() || null }, { onSuccess: () => setNote('') });
  };
  const sorted = [...member.timeOff].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          Time off
        </Title>
        {withdraw.isSuccess && !withdrawing ? (
          // An Alert is role="alert": announced when it appears.
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Time off withdrawn" withCloseButton closeButtonLabel="Dismiss" onClose={() => withdraw.reset()}>
            Those hours can be booked again.
          </Alert>
        ) : null}
        {sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            No time off ahead.
          </Text>
        ) : (
          <Table aria-label={props.own ? 'My time off' : `Time off of ${member.displayName}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>From</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{formatDateTime(o.start, timeZone)}</Table.Td>
                  <Table.Td>{formatDateTime(o.end, timeZone)}</Table.Td>
                  <Table.Td>{o.note ?? ''}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-sm" variant="subtle" color="red" aria-label={`Withdraw time off from ${span(o)}`} onClick={() => { withdraw.reset(); setWithdrawing(o); }}>
                      Withdraw
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end" gap="sm">
          <TextInput type="date" label="First day off" w={150} value={fromDate} onChange={(e) => setFromDate(e.currentTarget.value)} />
          {!wholeDays ? <TextInput type="time" label="From" w={110} value={fromTime} onChange={(e) => setFromTime(e.currentTarget.value)} /> : null}
          <TextInput type="date" label="Last day off" w={150} value={toDate} onChange={(e) => setToDate(e.currentTarget.value)} error={!order ? 'Must not be before the first day' : undefined} />
          {!wholeDays ? <TextInput type="time" label="Until" w={110} value={toTime} onChange={(e) => setToTime(e.currentTarget.value)} /> : null}
          <TextInput label="Note (optional)" placeholder="e.g. Conference" value={note} maxLength={200} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1, minWidth: 160 }} />
        </Group>
        <Checkbox label="Whole days" checked={wholeDays} onChange={(e) => setWholeDays(e.currentTarget.checked)} />
        <div aria-live="polite">
          {add.isError ? <ErrorAlert error={add.error} title="Time off not recorded" /> : null}
        </div>
        <Group justify="flex-end">
          <Button variant="light" disabled={!datesOk || !timesOk || !order} loading={add.isPending} onClick={submit}>
            Add time off
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={withdrawing !== null}
        title="Withdraw this time off?"
        confirmLabel="Withdraw time off"
        color="red"
        busy={withdraw.isPending}
        error={withdraw.error}
        onClose={() => setWithdrawing(null)}
        onConfirm={() => {
          if (withdrawing) withdraw.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) });
        }}
      >
        <Text size="sm">
          {withdrawing ? span(withdrawing) : ''}
          {withdrawing?.note ? ` (${withdrawing.note})` : ''}. {props.own ? 'You' : member.displayName} can be booked in those hours again, within the weekly hours.
        </Text>
      </ConfirmModal>
    </Card>
  );
}
