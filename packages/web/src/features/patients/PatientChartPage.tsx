import { Alert, Anchor, Breadcrumbs, Text } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { PATIENTS_PATH } from '../../app/paths';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { formatTime } from '../../ui/time';
import { useChartHeader } from '../chart/chart-api';
import { ChartView } from '../chart/ChartView';
import { BreakGlassPanel } from './BreakGlassPanel';
import { useBreakGlass } from './patients-api';

/** One patient's chart (header, profile and clinical tabs); outside the care team, the way in is break-glass. */
export function PatientChartPage(): React.JSX.Element {
  const { id = '' } = useParams();
  const session = useSession();
  const header = useChartHeader(id);
  const breakGlass = useBreakGlass();
  const outOfScope = header.error?.code === 'out_of_scope';
  return (
    <>
      <Breadcrumbs mb="md" aria-label="Breadcrumb">
        <Anchor component={Link} to={PATIENTS_PATH} size="sm">
          Patients
        </Anchor>
        <Text size="sm">{header.data ? header.data.legalName : 'Chart'}</Text>
      </Breadcrumbs>
      {header.isPending ? <Loading label="Opening chart…" /> : null}
      {outOfScope ? <BreakGlassPanel patientId={id} mutation={breakGlass} /> : null}
      {header.isError && !outOfScope ? (
        <ErrorAlert
          error={header.error}
          title={header.error.status === 404 ? 'No such patient' : 'The chart could not be opened'}
          onRetry={header.error.status >= 500 || header.error.status === 0 ? () => void header.refetch() : undefined}
        />
      ) : null}
      {header.data ? (
        <>
          {breakGlass.data ? (
            <Alert color="red" variant="light" icon={<IconLockOpen aria-hidden />} title="Emergency access" mb="md" role="status">
              You are viewing this chart through break-glass access until {formatTime(breakGlass.data.expiresAt, session.clinic.timeZone)}. Every view is recorded
              and will be reviewed.
            </Alert>
          ) : null}
          <ChartView header={header.data} />
        </>
      ) : null}
    </>
  );
}
