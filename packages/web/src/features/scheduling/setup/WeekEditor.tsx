import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { dayLabel } from '../labels';
import { duplicateDates, WEEK_ORDER, WEEKDAY_LABELS, type DateException, type Range, type Week } from './hours';
import { RangesField } from './RangesField';

/** A weekly template, Monday to Sunday, one row a day; clinic-local wall time. */
export function WeekEditor(props: { week: Week; onChange: (week: Week) => void; emptyText: string; caption: string }): React.JSX.Element {
  return (
    <Table verticalSpacing={6} aria-label={props.caption}>
      <Table.Tbody>
        {WEEK_ORDER.map((day) => (
          <Table.Tr key={day}>
            <Table.Th scope="row" w={120} style={{ verticalAlign: 'top', paddingTop: 10 }}>
              {WEEKDAY_LABELS[day]}
            </Table.Th>
            <Table.Td>
              <RangesField label={WEEKDAY_LABELS[day]} ranges={props.week[day]} emptyText={props.emptyText} onChange={(ranges) => props.onChange({ ...props.week, [day]: ranges })} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Dates that replace the weekly template: different hours, or none at all (a day off, a closed
 * day). One exception a date; the list is kept in date order when saved.
 */
export function ExceptionsEditor(props: { exceptions: DateException[]; onChange: (exceptions: DateException[]) => void; emptyText: string; today: string }): React.JSX.Element {
  const { exceptions, onChange } = props;
  const twice = duplicateDates(exceptions);
  const set = (i: number, patch: Partial<DateException>): void => onChange(exceptions.map((e, k) => (k === i ? { ...e, ...patch } : e)));
  return (
    <Stack gap="xs">
      {exceptions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No date exceptions.
        </Text>
      ) : null}
      {exceptions.map((exception, i) => {
        const name = exception.date ? dayLabel(exception.date) : `exception ${i + 1}`;
        return (
          <Group key={i} align="flex-start" gap="md" wrap="nowrap">
            <TextInput
              type="date"
              size="xs"
              w={150}
              label="Date"
              value={exception.date}
              onChange={(e) => set(i, { date: e.currentTarget.value })}
              error={twice.has(exception.date) ? 'This date has another exception' : !exception.date ? 'Pick a date' : undefined}
            />
            <Stack gap={2} pt={22} style={{ flex: 1 }}>
              <RangesField label={name} ranges={exception.ranges} emptyText={props.emptyText} onChange={(ranges: Range[]) => set(i, { ranges })} />
            </Stack>
            <ActionIcon mt={26} variant="subtle" color="red" aria-label={`Remove the exception for ${name}`} onClick={() => onChange(exceptions.filter((_, k) => k !== i))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...exceptions, { date: props.today, ranges: [] }])}>
          Add a date exception
        </Button>
      </Group>
    </Stack>
  );
}
