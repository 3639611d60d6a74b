import { Button } from '@mantine/core';
import type { AppointmentView } from '@lantern/core';

type Participant = AppointmentView['participants'][number];

/** "Attended" / "Did not come" for one seated patient once the appointment has started. */
export function AttendanceButtons(props: { participant: Participant; onMark: (patientId: string, attendance: 'attended' | 'no_show') => void }): React.JSX.Element | null {
  const { participant: p } = props;
  if (p.kind !== 'patient' || p.status !== 'booked' || p.name === null || p.attendance) return null;
  return (
    <>
      {' '}
      <Button size="compact-xs" variant="subtle" onClick={() => props.onMark(p.refId, 'attended')} aria-label={`${p.name} attended`}>
        Attended
      </Button>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => props.onMark(p.refId, 'no_show')} aria-label={`${p.name} did not come`}>
        Did not come
      </Button>
    </>
  );
}
