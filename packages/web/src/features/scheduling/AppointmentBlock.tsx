import { Text, UnstyledButton } from '@mantine/core';
import type { AppointmentView } from '@lantern/core';
import { patientsOf, STATUS_LABELS, timeRange } from './labels';

export const DRAG_TYPE = 'application/x-lantern-appointment';

/**
 * One appointment in a day column, coloured by its type. It opens the appointment on click and can
 * be dragged onto another cell to move it (the move is checked live before it is made).
 */
export function AppointmentBlock(props: { appointment: AppointmentView; timeZone: string; top: number; height: number; pxPerMinute: number; onOpen: (a: AppointmentView) => void }): React.JSX.Element {
  const { appointment: a } = props;
  const movable = a.status === 'booked';
  const label = `${a.typeName}, ${timeRange(a, props.timeZone)}, ${patientsOf(a)}, ${STATUS_LABELS[a.status]}`;
  return (
    <UnstyledButton
      aria-label={label}
      title={label}
      draggable={movable}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, a.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => props.onOpen(a)}
      style={{
        position: 'absolute',
        top: props.top * props.pxPerMinute,
        height: props.height * props.pxPerMinute - 2,
        left: 2,
        right: 2,
        zIndex: 2,
        overflow: 'hidden',
        padding: '2px 6px',
        borderRadius: 6,
        borderLeft: `4px solid var(--mantine-color-${a.color}-6)`,
        background: `var(--mantine-color-${a.color}-light)`,
        opacity: a.status === 'fulfilled' || a.status === 'no_show' ? 0.65 : 1,
        cursor: movable ? 'grab' : 'pointer',
      }}
    >
      <Text size="xs" fw={600} lh={1.2} truncate>
        {timeRange(a, props.timeZone)} {a.typeName}
      </Text>
      <Text size="xs" lh={1.2} truncate c="gray.8">
        {patientsOf(a)}
        {a.status !== 'booked' ? ` · ${STATUS_LABELS[a.status]}` : ''}
      </Text>
    </UnstyledButton>
  );
}
