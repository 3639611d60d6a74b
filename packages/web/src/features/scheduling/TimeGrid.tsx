import { Box, Text, UnstyledButton } from '@mantine/core';
import type { AppointmentView } from '@lantern/core';
import { AppointmentBlock, DRAG_TYPE } from './AppointmentBlock';
import { CELL_MINUTES, placeInDay, timeOf } from './calendar-grid';

/** One column of the grid: a staff member or a room on a date. */
export interface GridColumn {
  readonly key: string;
  readonly label: string;
  readonly date: string;
  readonly staffId: string | null;
  readonly roomId: string | null;
  readonly appointments: readonly AppointmentView[];
}

/** Where a click or a drop landed. */
export interface GridCell {
  readonly column: GridColumn;
  readonly time: string;
}

const PX_PER_MINUTE = 0.9;

/**
 * Day columns side by side on one clinic-local time axis. Every empty quarter hour is a button
 * (click to book there); appointments sit on top and can be dragged onto another cell.
 */
export function TimeGrid(props: {
  columns: readonly GridColumn[];
  hours: { start: number; end: number };
  timeZone: string;
  cellLabel: (cell: GridCell) => string;
  onCell: (cell: GridCell) => void;
  onOpen: (appointment: AppointmentView) => void;
  onDrop: (appointmentId: string, cell: GridCell) => void;
}): React.JSX.Element {
  const { hours } = props;
  const cells = Array.from({ length: (hours.end - hours.start) / CELL_MINUTES }, (_, i) => hours.start + i * CELL_MINUTES);
  const height = (hours.end - hours.start) * PX_PER_MINUTE;
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: `52px repeat(${props.columns.length}, minmax(96px, 1fr))`, overflowX: 'auto' }} role="region" aria-label="Calendar">
      <div style={{ display: 'contents' }}>
        <div />
        {props.columns.map((column) => (
          <Text key={column.key} size="sm" fw={600} ta="center" py={6} truncate style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', position: 'sticky', top: 0, background: 'white', zIndex: 3 }}>
            {column.label}
          </Text>
        ))}
      </div>
      <div style={{ display: 'contents' }}>
        <div aria-hidden style={{ position: 'relative', height }}>
          {cells.filter((m) => m % 60 === 0).map((m) => (
            <Text key={m} size="xs" c="dimmed" style={{ position: 'absolute', top: (m - hours.start) * PX_PER_MINUTE - 7, right: 6 }}>
              {timeOf(m)}
            </Text>
          ))}
        </div>
        {props.columns.map((column) => (
          <div key={column.key} style={{ position: 'relative', height, borderLeft: '1px solid var(--mantine-color-gray-3)', background: 'white' }}>
            {cells.map((m) => {
              const cell = { column, time: timeOf(m) };
              return (
                <UnstyledButton
                  key={m}
                  aria-label={props.cellLabel(cell)}
                  onClick={() => props.onCell(cell)}
                  onDragOver={(event) => {
                    if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
                  }}
                  onDrop={(event) => {
                    const id = event.dataTransfer.getData(DRAG_TYPE);
                    if (id) props.onDrop(id, cell);
                  }}
                  className="lantern-calendar-cell"
                  style={{
                    position: 'absolute',
                    top: (m - hours.start) * PX_PER_MINUTE,
                    height: CELL_MINUTES * PX_PER_MINUTE,
                    left: 0,
                    right: 0,
                    borderTop: m % 60 === 0 ? '1px solid var(--mantine-color-gray-3)' : '1px dashed var(--mantine-color-gray-1)',
                  }}
                />
              );
            })}
            {column.appointments.map((a) => {
              const place = placeInDay(a, props.timeZone, hours);
              return <AppointmentBlock key={a.id} appointment={a} timeZone={props.timeZone} top={place.top} height={place.height} pxPerMinute={PX_PER_MINUTE} onOpen={props.onOpen} />;
            })}
          </div>
        ))}
      </div>
    </Box>
  );
}
