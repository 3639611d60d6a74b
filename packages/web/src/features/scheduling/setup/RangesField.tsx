import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { rangeProblems, type Range } from './hours';

/**
 * One day's working stretches: a from/until pair per stretch, each named after `label` ("Monday
 * from", "Monday until 2") so a screen reader can tell them apart. `emptyText` says what no
 * stretches mean ("Closed", "Not working").
 */
export function RangesField(props: { label: string; ranges: Range[]; onChange: (ranges: Range[]) => void; emptyText: string; newRange?: Range }): React.JSX.Element {
  const { label, ranges, onChange } = props;
  const problems = rangeProblems(ranges);
  const suffix = (i: number): string => (ranges.length > 1 ? ` ${i + 1}` : '');
  const set = (i: number, patch: Partial<Range>): void => onChange(ranges.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const add = (): void => {
    const last = ranges[ranges.length - 1];
    // A second stretch starts where the first ends (e.g. after lunch); the first defaults to a working day.
    onChange([...ranges, last ? { start: last.end < '23:00' ? last.end : '23:00', end: '24:00' } : (props.newRange ?? { start: '09:00', end: '17:00' })]);
  };
  return (
    <Stack gap={4}>
      {ranges.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.emptyText}
        </Text>
      ) : null}
      {ranges.map((range, i) => (
        // Ranges have no identity of their own; their position is what the admin edits.
        <Stack key={i} gap={2}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              type="time"
              size="xs"
              w={110}
              aria-label={`${label} from${suffix(i)}`}
              value={range.start}
              onChange={(e) => set(i, { start: e.currentTarget.value })}
              error={problems.has(i)}
            />
            <Text size="sm" aria-hidden>
              –
            </Text>
            <TextInput
              type="time"
              size="xs"
              w={110}
              aria-label={`${label} until${suffix(i)}`}
              // A time input cannot show 24:00 (end of day): it shows 23:59 and saves it as 24:00.
              value={range.end === '24:00' ? '23:59' : range.end}
              onChange={(e) => set(i, { end: e.currentTarget.value === '23:59' ? '24:00' : e.currentTarget.value })}
              error={problems.has(i)}
            />
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${label} ${range.start}–${range.end}`} onClick={() => onChange(ranges.filter((_, k) => k !== i))}>
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
          {problems.has(i) ? (
            <Text size="xs" c="red" role="alert">
              {problems.get(i)}
            </Text>
          ) : null}
        </Stack>
      ))}
      <Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={add} aria-label={`Add hours on ${label}`} disabled={ranges.length >= 12}>
          Add hours
        </Button>
      </Group>
    </Stack>
  );
}
