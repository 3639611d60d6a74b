import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { PageHeader } from '../../../ui/PageHeader';
import { utcToZonedWallTime } from '../../../ui/time';
import { useSchedulingSetup } from '../scheduling-api';
import { AppointmentTypesPanel } from './AppointmentTypesPanel';
import { ClinicHoursPanel } from './ClinicHoursPanel';
import { RoomsPanel } from './RoomsPanel';
import { StaffAvailabilityPanel } from './StaffAvailabilityPanel';

const TABS = ['staff', 'types', 'clinic', 'rooms'] as const;
type Tab = (typeof TABS)[number];

/**
 * Schedule set-up (issue #5), for `schedule.manage`: staff hours and time off, appointment types,
 * the clinic's opening hours and holidays, and its rooms. What is saved here is what the calendar
 * and the slot finder use.
 */
export function ScheduleSetupPage(): React.JSX.Element {
  const setup = useSchedulingSetup();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'staff';
  const header = <PageHeader title="Schedule set-up" description="Who works when, what each appointment type needs, and when the clinic is open. Times are the clinic's wall-clock time." />;
  if (setup.isPending) return <>{header}<Loading label="Loading the schedule set-up…" /></>;
  if (setup.isError) return <>{header}<ErrorAlert error={setup.error} title="The schedule set-up could not be loaded" onRetry={() => void setup.refetch()} /></>;
  const today = utcToZonedWallTime(new Date().toISOString(), setup.data.timeZone).slice(0, 10);
  return (
    <>
      {header}
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'staff' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="staff">Staff hours and time off</Tabs.Tab>
          <Tabs.Tab value="types">Appointment types</Tabs.Tab>
          <Tabs.Tab value="clinic">Opening hours and holidays</Tabs.Tab>
          <Tabs.Tab value="rooms">Rooms</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="staff">
          <StaffAvailabilityPanel setup={setup.data} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="types">
          <AppointmentTypesPanel types={setup.data.appointmentTypes} />
        </Tabs.Panel>
        <Tabs.Panel value="clinic">
          <ClinicHoursPanel setup={setup.data} today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="rooms">
          <RoomsPanel rooms={setup.data.rooms} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
