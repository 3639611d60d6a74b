import { Stack } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useSession } from '../../app/session-context';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { utcToZonedWallTime } from '../../ui/time';
import { useSchedulingSetup } from './scheduling-api';
import { AvailabilityEditor } from './setup/AvailabilityEditor';
import { TimeOffEditor } from './setup/TimeOffEditor';

/**
 * A clinician's own weekly hours, date exceptions and time off (`schedule.own_hours`): the same
 * editors the front desk uses in schedule set-up, for one person. The server refuses anyone else's.
 */
export function MyHoursPage(): React.JSX.Element {
  const session = useSession();
  const setup = useSchedulingSetup();
  const header = <PageHeader title="My hours" description="When you can be booked: your weekly hours, dates that differ, and time off. The calendar and the slot finder use what you save here. Times are the clinic's wall-clock time." />;
  if (setup.isPending) return <>{header}<Loading label="Loading your hours…" /></>;
  if (setup.isError) return <>{header}<ErrorAlert error={setup.error} title="Your hours could not be loaded" onRetry={() => void setup.refetch()} /></>;
  const me = setup.data.staff.find((s) => s.id === session.user.id);
  if (!me) {
    return (
      <>
        {header}
        <EmptyNotice icon={<IconCalendarOff />} title="You are not on the schedule" description="Only clinicians who see patients have hours on the calendar. If you should be bookable, ask the front desk or an administrator." />
      </>
    );
  }
  const today = utcToZonedWallTime(new Date().toISOString(), setup.data.timeZone).slice(0, 10);
  return (
    <>
      {header}
      <Stack gap="md">
        <AvailabilityEditor member={me} today={today} own />
        <TimeOffEditor member={me} timeZone={setup.data.timeZone} today={today} own />
      </Stack>
    </>
  );
}
