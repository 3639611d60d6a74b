import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import type { AppointmentView } from '@lantern/core';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The month at a glance: each day's appointments counted and dotted by type colour; a day opens its day view. */
export function MonthView(props: { dates: readonly string[]; month: string; today: string; appointments: readonly AppointmentView[]; onDay: (date: string) => void }): React.JSX.Element {
  const byDate = new Map<string, AppointmentView[]>();
  for (const a of props.appointments) byDate.set(a.localDate, [...(byDate.get(a.localDate) ?? []), a]);
  return (
    <Box role="region" aria-label="Month" style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4 }}>
      {WEEKDAYS.map((d) => (
        <Text key={d} size="xs" fw={600} c="dimmed" ta="center">
          {d}
        </Text>
      ))}
      {props.dates.map((date) => {
        const items = byDate.get(date) ?? [];
        const inMonth = date.startsWith(props.month);
        const colors = [...new Set(items.map((a) => a.color))];
        return (
          <UnstyledButton
            key={date}
            onClick={() => props.onDay(date)}
            aria-label={`${date}: ${items.length} appointment${items.length === 1 ? '' : 's'}`}
            style={{
              minHeight: 72,
              padding: 6,
              borderRadius: 6,
              background: 'white',
              border: date === props.today ? '2px solid var(--mantine-color-blue-5)' : '1px solid var(--mantine-color-gray-3)',
              opacity: inMonth ? 1 : 0.5,
            }}
          >
            <Text size="sm" fw={600}>
              {Number(date.slice(8))}
            </Text>
            {items.length > 0 ? (
              <>
                <Text size="xs">{items.length} booked</Text>
                <Group gap={3} mt={2}>
                  {colors.map((c) => (
                    <span key={c} aria-hidden style={{ width: 8, height: 8, borderRadius: 4, background: `var(--mantine-color-${c}-6)` }} />
                  ))}
                </Group>
              </>
            ) : null}
          </UnstyledButton>
        );
      })}
    </Box>
  );
}
