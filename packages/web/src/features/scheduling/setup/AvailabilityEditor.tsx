import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { StaffScheduleView } from '@lantern/core';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fullWeek, sparseWeek, weekIsValid, type DateException, type Week } from './hours';
import { useSaveStaffAvailability } from './setup-api';
import { ExceptionsEditor, WeekEditor } from './WeekEditor';

/** A staff member's weekly template and date exceptions, saved together (`own`: the signed-in clinician's). */
export function AvailabilityEditor(props: { member: StaffScheduleView; today: string; own?: boolean }): React.JSX.Element {
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
        <WeekEditor caption={props.own ? 'My weekly hours' : `Weekly hours of ${member.displayName}`} week={week} onChange={edit(setWeek)} emptyText="Not working" />
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
            {props.own ? 'Save my hours' : `Save hours of ${member.displayName}`}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
