import { useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import type { SchedulingSetup } from '@lantern/core';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { dayLabel } from '../labels';
import { fullWeek, sparseWeek, weekIsValid, type DateException, type Week } from './hours';
import { useSaveClinicHours } from './setup-api';
import { ExceptionsEditor, WeekEditor } from './WeekEditor';

/** The clinic's opening hours, dates with other hours, and the holidays it is closed. */
export function ClinicHoursPanel(props: { setup: SchedulingSetup; today: string }): React.JSX.Element {
  const { clinicHours } = props.setup;
  const save = useSaveClinicHours();
  const [week, setWeek] = useState<Week>(() => fullWeek(clinicHours.weekly));
  const [exceptions, setExceptions] = useState<DateException[]>(() => clinicHours.overrides.map((o) => ({ date: o.date, ranges: o.ranges.map((r) => ({ ...r })) })));
  const [holidays, setHolidays] = useState<string[]>(() => [...clinicHours.holidays]);
  const [newHoliday, setNewHoliday] = useState(props.today);
  const edit = <T,>(setter: (value: T) => void) => (value: T): void => {
    save.reset();
    setter(value);
  };
  const addHoliday = (): void => edit(setHolidays)([...new Set([...holidays, newHoliday])].sort());
  const valid = weekIsValid(week, exceptions);
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="md">
          <Title order={2} size="h4">
            Opening hours
          </Title>
          <Text size="sm" c="dimmed">
            In the clinic's time zone ({props.setup.timeZone}). Nothing is booked outside these hours, whatever the staff's own hours.
          </Text>
          <WeekEditor caption="Opening hours" week={week} onChange={edit(setWeek)} emptyText="Closed" />
          <Title order={3} size="h5">
            Dates with other hours
          </Title>
          <ExceptionsEditor exceptions={exceptions} onChange={edit(setExceptions)} emptyText="Closed" today={props.today} />
          <Title order={3} size="h5">
            Holidays
          </Title>
          {holidays.length === 0 ? (
            <Text size="sm" c="dimmed">
              No holidays.
            </Text>
          ) : (
            <Group gap="xs">
              {holidays.map((date) => (
                <Group key={date} gap={2} wrap="nowrap" px="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
                  <Text size="sm">
                    {dayLabel(date)} {date.slice(0, 4)}
                  </Text>
                  <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove the holiday on ${dayLabel(date, 'long')} ${date.slice(0, 4)}`} onClick={() => edit(setHolidays)(holidays.filter((d) => d !== date))}>
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            </Group>
          )}
          <Group align="flex-end" gap="sm">
            <TextInput type="date" label="Holiday" w={160} value={newHoliday} onChange={(e) => setNewHoliday(e.currentTarget.value)} />
            <Button variant="light" leftSection={<IconPlus size={14} aria-hidden />} disabled={!/^\d{4}-\d{2}-\d{2}$/.test(newHoliday) || holidays.includes(newHoliday)} onClick={addHoliday}>
              Add holiday
            </Button>
          </Group>
          <div aria-live="polite">
            {save.isError ? <ErrorAlert error={save.error} title="Opening hours not saved" /> : null}
            {save.isSuccess ? (
              <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Opening hours saved">
                The calendar and slot search use them from now on.
              </Alert>
            ) : null}
          </div>
          <Group justify="flex-end">
            <Button
              disabled={!valid}
              loading={save.isPending}
              onClick={() => save.mutate({ weekly: sparseWeek(week), overrides: [...exceptions].sort((a, b) => a.date.localeCompare(b.date)), holidays })}
            >
              Save opening hours
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
