import { useState } from 'react';
import { Anchor, Breadcrumbs, Grid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { INTAKE_PATH, patientPath } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { ConvertInquiryModal } from './ConvertInquiryModal';
import { InquiryActions } from './InquiryActions';
import { InquiryNotes } from './InquiryNotes';
import { InquirySummaryCard } from './InquirySummaryCard';
import { PrescreenPanel } from './PrescreenPanel';
import { TriageReasons } from './TriageReasons';
import { useInquiry } from './intake-api';

/** One inquiry: who, why, the pre-screen and triage, and the actions that move it along. */
export function InquiryDetailPage(): React.JSX.Element {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const inquiry = useInquiry(id);
  const [converting, setConverting] = useState(false);
  return (
    <>
      <Breadcrumbs mb="md" aria-label="Breadcrumb">
        <Anchor component={Link} to={INTAKE_PATH} size="sm">
          Intake
        </Anchor>
        <Text size="sm">{inquiry.data ? `${inquiry.data.givenName} ${inquiry.data.familyName}` : 'Inquiry'}</Text>
      </Breadcrumbs>
      {inquiry.isPending ? <Loading label="Opening inquiry…" /> : null}
      {inquiry.isError ? (
        <ErrorAlert error={inquiry.error} title={inquiry.error.status === 404 ? 'No such inquiry' : 'The inquiry could not be opened'} onRetry={inquiry.error.status >= 500 ? () => void inquiry.refetch() : undefined} />
      ) : null}
      {inquiry.data ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <InquirySummaryCard inquiry={inquiry.data} />
              <InquiryActions inquiry={inquiry.data} onConvert={() => setConverting(true)} />
              <TriageReasons reasons={inquiry.data.triageReasons} policyVersion={inquiry.data.policyVersion} />
              <PrescreenPanel inquiry={inquiry.data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <InquiryNotes inquiry={inquiry.data} />
          </Grid.Col>
          <ConvertInquiryModal
            inquiry={inquiry.data}
            opened={converting}
            onClose={() => setConverting(false)}
            onConverted={(result) => {
              setConverting(false);
              notifications.show({ color: 'teal', title: result.linked ? 'Linked to the existing chart' : 'Chart created', message: `${result.patient.legalName}, ${result.patient.mrn}` });
              void navigate(patientPath(result.patient.id));
            }}
          />
        </Grid>
      ) : null}
    </>
  );
}
