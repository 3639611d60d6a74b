import { useMemo, useState } from 'react';
import { Button, Group, Paper, SegmentedControl, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconClockEdit, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { instantToLocal, type AppointmentView } from '@lantern/core';
import { MY_HOURS_PATH } from '../../app/paths';
import { useCan, useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { AppointmentDrawer } from './AppointmentDrawer';
import { BookingModal, type BookingPreset } from './BookingModal';
import { CalendarFeedButton } from './CalendarFeedButton';
import { gridHours, shiftDate, visibleDates, type CalendarView } from './calendar-grid';
import { dayLabel } from './labels';
import { MonthView } from './MonthView';
import { MoveModal, type MoveTarget } from './MoveModal';
import { useAppointments, useSchedulingSetup } from './scheduling-api';
import { TimeGrid, type GridColumn } from './TimeGrid';

type Columns = 'staff' | 'room';

function holds(a: AppointmentView, by: Columns, id: string): boolean {
  return by === 'room' ? a.roomId === id : a.participants.some((p) => p.kind === 'staff' && p.refId === id);
}

/**
 * The clinic calendar (issue #5): a day by staff member or by room side by side, a week of one
 * person or room, and the month. Click an empty quarter hour to book there with the slot finder's
 * suggestions; drag an appointment to move it (checked live before it moves).
 */
export function CalendarPage(): React.JSX.Element {
  const session = useSession();
  const ownHours = useCan('schedule.own_hours');
  const zone = session.clinic.timeZone;
  const today = instantToLocal(Date.now(), zone).date;
  const [view, setView] = useState<CalendarView>('day');
  const [by, setBy] = useState<Columns>('staff');
  const [date, setDate] = useState(today);
  const [focus, setFocus] = useState<string | null>(null);
  const [booking, setBooking] = useState<BookingPreset | null>(null);
  const [open, setOpen] = useState<AppointmentView | null>(null);
  const [moving, setMoving] = useState<{ appointment: AppointmentView; target: MoveTarget } | null>(null);
  const setup = useSchedulingSetup();
  const dates = visibleDates(view, date);
  const appointments = useAppointments(dates[0] ?? date, dates[dates.length - 1] ?? date);

  const resources = useMemo(() => {
    if (!setup.data) return [];
    return by === 'staff'
      ? setup.data.staff.map((s) => ({ id: s.id, name: s.displayName }))
      : setup.data.rooms.filter((r) => r.active).map((r) => ({ id: r.id, name: r.name }));
  }, [setup.data, by]);
  const focused = resources.find((r) => r.id === focus) ?? resources[0];

  if (setup.isPending) return <Loading label="Loading the calendar…" />;
  if (setup.isError) return <ErrorAlert error={setup.error} title="The calendar could not be loaded" onRetry={() => void setup.refetch()} />;
  const rows = appointments.data ?? [];
  const columns: GridColumn[] =
    view === 'day'
      ? resources.map((r) => ({ key: r.id, label: r.name, date, staffId: by === 'staff' ? r.id : null, roomId: by === 'room' ? r.id : null, appointments: rows.filter((a) => a.localDate === date && holds(a, by, r.id)) }))
      : focused
        ? dates.map((d) => ({ key: d, label: dayLabel(d), date: d, staffId: by === 'staff' ? focused.id : null, roomId: by === 'room' ? focused.id : null, appointments: rows.filter((a) => a.localDate === d && holds(a, by, focused.id)) }))
        : [];
  const byId = new Map(rows.map((a) => [a.id, a]));
  const title = view === 'month' ? new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`)) : view === 'week' ? `Week of ${dayLabel(dates[0] ?? date, 'long')}` : dayLabel(date, 'long');

  return (
    <>
      <PageHeader
        title="Calendar"
        description="Click an empty time to book with suggested slots; drag an appointment to move it."
        actions={
          <>
            {ownHours ? (
              <Button component={Link} to={MY_HOURS_PATH} variant="default" leftSection={<IconClockEdit size={16} aria-hidden />}>
                My hours
              </Button>
            ) : null}
            <CalendarFeedButton />
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setBooking({ date, time: null, staffId: null, roomId: null })}>
              Book appointment
            </Button>
          </>
        }
      />
      <Group justify="space-between" mb="sm" gap="sm">
        <Group gap="xs">
          <Button variant="default" size="xs" aria-label="Previous" onClick={() => setDate(shiftDate(view, date, -1))}>
            <IconChevronLeft size={16} aria-hidden />
          </Button>
          <Button variant="default" size="xs" onClick={() => setDate(today)}>
            Today
          </Button>
          <Button variant="default" size="xs" aria-label="Next" onClick={() => setDate(shiftDate(view, date, 1))}>
            <IconChevronRight size={16} aria-hidden />
          </Button>
          <Text fw={600} ml="xs">
            {title}
          </Text>
        </Group>
        <Group gap="xs">
          {view === 'week' ? (
            <Select aria-label={by === 'staff' ? 'Staff member' : 'Room'} size="xs" w={190} data={resources.map((r) => ({ value: r.id, label: r.name }))} value={focused?.id ?? null} onChange={setFocus} allowDeselect={false} />
          ) : null}
          {view !== 'month' ? <SegmentedControl aria-label="Columns" size="xs" value={by} onChange={(v) => setBy(v as Columns)} data={[{ value: 'staff', label: 'By staff' }, { value: 'room', label: 'By room' }]} /> : null}
          <SegmentedControl aria-label="View" size="xs" value={view} onChange={(v) => setView(v as CalendarView)} data={[{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }, { value: 'month', label: 'Month' }]} />
        </Group>
      </Group>
      <Group gap="md" mb="sm" aria-label="Appointment types">
        {setup.data.appointmentTypes.filter((t) => t.active).map((t) => (
          <Group key={t.id} gap={4}>
            <span aria-hidden style={{ width: 10, height: 10, borderRadius: 3, background: `var(--mantine-color-${t.color}-6)` }} />
            <Text size="xs">{t.name}</Text>
          </Group>
        ))}
      </Group>
      {appointments.isError ? <ErrorAlert error={appointments.error} title="Appointments could not be loaded" onRetry={() => void appointments.refetch()} /> : null}
      <Paper withBorder radius="md" p={view === 'month' ? 'sm' : 0} style={{ overflow: 'hidden' }}>
        {view === 'month' ? (
          <MonthView dates={dates} month={date.slice(0, 7)} today={today} appointments={rows} onDay={(d) => { setDate(d); setView('day'); }} />
        ) : (
          <TimeGrid
            columns={columns}
            hours={gridHours(setup.data.clinicHours.weekly)}
            timeZone={zone}
            cellLabel={(cell) => `Book ${dayLabel(cell.column.date)} ${cell.time}${view === 'day' ? ` with ${cell.column.label}` : ''}`}
            onCell={(cell) => setBooking({ date: cell.column.date, time: cell.time, staffId: cell.column.staffId, roomId: cell.column.roomId })}
            onOpen={setOpen}
            onDrop={(id, cell) => {
              const appointment = byId.get(id);
              if (appointment) setMoving({ appointment, target: { date: cell.column.date, time: cell.time, staffId: cell.column.staffId, roomId: cell.column.roomId } });
            }}
          />
        )}
      </Paper>
      {booking ? <BookingModal opened preset={booking} setup={setup.data} onClose={() => setBooking(null)} /> : null}
      {open ? (
        <AppointmentDrawer
          appointment={byId.get(open.id) ?? open}
          timeZone={zone}
          onClose={() => setOpen(null)}
          onMove={(a) => {
            setOpen(null);
            setMoving({ appointment: a, target: { date: a.localDate, time: a.localTime, staffId: null, roomId: a.roomId } });
          }}
        />
      ) : null}
      {moving ? <MoveModal appointment={moving.appointment} target={moving.target} setup={setup.data} onClose={() => setMoving(null)} /> : null}
    </>
  );
}
