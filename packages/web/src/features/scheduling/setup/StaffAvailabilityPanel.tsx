import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { SchedulingSetup, StaffScheduleView } from '@lantern/core';
import { RoleBadges } from '../../../ui/RoleBadges';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/time';
import { fullWeek, sparseWeek, timeOffInstants, weekIsValid, type DateException, type Week } from './hours';
import { useAddTimeOff, useSaveStaffAvailability } from './setup-api';
import { ExceptionsEditor, WeekEditor } from './WeekEditor';

/** A staff member's weekly template and date exceptions, saved together. */
function AvailabilityEditor(props: { member: StaffScheduleView; today: string }): React.JSX.Element {
  const { member } = props;
  const save = useSaveStaffAvailability(member.id);
  const [week, setWeek] = useState<Week>(() => fullWeek(member.weekly));
  const [exceptions, setExceptions] = useState<DateException[]>(() => member.overrides.map((o) => ({ date: o.date, ranges: o.ranges.map((r) => ({ ...r })) })));
  const valid = weekIsValid(week, exceptions);
  const edit = <T,>(setter: (value: T) => void) => (value: T): void => {
    save.reset();
    setter(value);
  };
  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          Weekly hours
        </Title>
        <Text size="sm" c="dimmed">
          Clinic-local time: 09:00–17:00 stays 09:00–17:00 across the daylight-saving changes. Days without hours are days off.
        </Text>
        <WeekEditor caption={`Weekly hours of ${member.displayName}`} week={week} onChange={edit(setWeek)} emptyText="Not working" />
        <Title order={3} size="h5">
          Date exceptions
        </Title>
        <Text size="sm" c="dimmed">
          A date with different hours replaces the weekly hours for that date; a date without hours is a day off.
        </Text>
        <ExceptionsEditor exceptions={exceptions} onChange={edit(setExceptions)} emptyText="Day off" today={props.today} />
        <div aria-live="polite">
          {save.isError ? <ErrorAlert error={save.error} title="Hours not saved" /> : null}
          {save.isSuccess ? (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Hours saved">
              The calendar and slot search use the new hours from now on.
            </Alert>
          ) : null}
        </div>
        <Group justify="flex-end">
          <Button
            disabled={!valid}
            loading={save.isPending}
            onClick={() => save.mutate({ weekly: sparseWeek(week), overrides: [...exceptions].sort((a, b) => a.date.localeCompare(b.date)) })}
          >
            Save hours of {member.displayName}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Time off already recorded, and a form to record more (whole days, or from and until a time). */
function TimeOffEditor(props: { member: StaffScheduleView; timeZone: string; today: string }): React.JSX.Element {
  const { member, timeZone } = props;
  const add = useAddTimeOff(member.id);
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
    add.mutate({ start, end, note: note.trim() || null }, { onSuccess: () => setNote('') });
  };
  const sorted = [...member.timeOff].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          Time off
        </Title>
        {sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            No time off ahead.
          </Text>
        ) : (
          <Table aria-label={`Time off of ${member.displayName}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>From</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{formatDateTime(o.start, timeZone)}</Table.Td>
                  <Table.Td>{formatDateTime(o.end, timeZone)}</Table.Td>
                  <Table.Td>{o.note ?? ''}</Table.Td>
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
        <div aria-live="polite">{add.isError ? <ErrorAlert error={add.error} title="Time off not recorded" /> : null}</div>
        <Group justify="flex-end">
          <Button variant="light" disabled={!datesOk || !timesOk || !order} loading={add.isPending} onClick={submit}>
            Add time off
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Pick a staff member, then edit their weekly hours, date exceptions and time off. */
export function StaffAvailabilityPanel(props: { setup: SchedulingSetup; today: string }): React.JSX.Element {
  const { setup } = props;
  const [staffId, setStaffId] = useState<string | null>(setup.staff[0]?.id ?? null);
  const member = setup.staff.find((s) => s.id === staffId);
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Select
          label="Staff member"
          w={320}
          data={setup.staff.map((s) => ({ value: s.id, label: s.displayName }))}
          value={staffId}
          onChange={setStaffId}
          allowDeselect={false}
          searchable
        />
        {member ? <RoleBadges roles={member.roles} /> : null}
      </Group>
      {member ? (
        // Keyed by member: switching staff starts the forms afresh from the saved set-up.
        <Stack gap="md" key={member.id}>
          <AvailabilityEditor member={member} today={props.today} />
          <TimeOffEditor member={member} timeZone={setup.timeZone} today={props.today} />
        </Stack>
      ) : (
        <Text c="dimmed">No staff members yet.</Text>
      )}
    </Stack>
  );
}
