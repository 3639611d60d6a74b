import { Button, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDeviceTablet } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { consentKind, type ConsentRecord } from '@lantern/core';
import { IdleTimeoutGuard } from '../../app/IdleTimeoutGuard';
import { patientConsentsPath } from '../../app/paths';
import { useCan, useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LanternMark } from '../../ui/LanternMark';
import { Loading } from '../../ui/Loading';
import { usePatient } from '../patients/patients-api';
import { useConsentDocuments, useSignConsent } from './consent-api';
import { SigningForm } from './SigningForm';

type Stage = 'handover' | 'sign' | 'done';

/**
 * The signing screen, full-screen and without the staff navigation: a staff member opens it for one
 * document, hands the tablet to the patient, and takes it back when it is signed. The staff member
 * stays signed in and is recorded as the witness.
 */
export function ConsentSigningPage(): React.JSX.Element {
  const { id = '', kind: rawKind = '' } = useParams();
  const kind = consentKind.safeParse(rawKind);
  const session = useSession();
  const allowed = useCan('consent.collect');
  const navigate = useNavigate();
  const patient = usePatient(id);
  const documents = useConsentDocuments(kind.success ? { kind: kind.data } : {});
  const sign = useSignConsent(id);
  const [stage, setStage] = useState<Stage>('handover');
  const [signed, setSigned] = useState<ConsentRecord | null>(null);
  const backToStaff = (): void => void navigate(patientConsentsPath(id));
  const document = documents.data?.[0];
  const name = patient.data ? (patient.data.preferredName ?? patient.data.legalName) : '';

  let content: React.JSX.Element;
  if (!kind.success || !allowed) {
    content = <ErrorAlert error={kind.success ? 'Presenting consents is not part of your role.' : 'There is no such kind of consent document.'} title="Nothing to sign" />;
  } else if (patient.isPending || documents.isPending) {
    content = <Loading label="Preparing the document…" />;
  } else if (patient.isError || documents.isError) {
    content = <ErrorAlert error={patient.error ?? documents.error} title="The document could not be prepared" onRetry={() => void documents.refetch()} />;
  } else if (!document || !patient.data) {
    content = <ErrorAlert error="No version of this document has been published yet. An administrator publishes it." title="Nothing to sign" />;
  } else if (stage === 'handover') {
    content = (
      <Center mih="60vh">
        <Paper withBorder radius="lg" p="xl" maw={620}>
          <Stack gap="lg" align="center" ta="center">
            <IconDeviceTablet size={56} stroke={1.4} aria-hidden />
            <Title order={1} fz={30}>
              Please hand the tablet to {name}
            </Title>
            <Text size="lg">
              {name}, {session.user.displayName} has opened “{document.title}” (version {document.version}) for you to read and sign. Take your time, and
              ask if anything is unclear.
            </Text>
            <Button size="xl" onClick={() => setStage('sign')}>
              Start reading
            </Button>
          </Stack>
        </Paper>
      </Center>
    );
  } else if (stage === 'sign') {
    content = (
      <SigningForm
        key={document.id}
        document={document}
        patientName={patient.data.legalName}
        busy={sign.isPending}
        error={sign.error}
        onReload={() => {
          sign.reset();
          void documents.refetch();
        }}
        onSign={(request) =>
          sign.mutate(request, {
            onSuccess: (record) => {
              setSigned(record);
              setStage('done');
              window.scrollTo({ top: 0 });
            },
          })
        }
      />
    );
  } else {
    content = (
      <Center mih="60vh">
        <Paper withBorder radius="lg" p="xl" maw={620}>
          <Stack gap="lg" align="center" ta="center" role="status">
            <IconCircleCheck size={56} stroke={1.4} color="var(--mantine-color-teal-6)" aria-hidden />
            <Title order={1} fz={30}>
              Thank you, {name}
            </Title>
            <Text size="lg">
              You signed “{document.title}”{signed ? ` as “${signed.typedName}”` : ''}. Please hand the tablet back to {session.user.displayName}.
            </Text>
            <Button size="lg" variant="default" onClick={backToStaff}>
              Staff: back to the consents
            </Button>
          </Stack>
        </Paper>
      </Center>
    );
  }

  return (
    <div style={{ minHeight: '100vh', background: 'var(--mantine-color-gray-0)' }}>
      <Group component="header" justify="space-between" px="lg" py="sm" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="sm">
          <LanternMark />
          <Text c="dimmed" size="sm" visibleFrom="xs">
            {session.clinic.name}
          </Text>
        </Group>
        <Group gap="sm">
          <Text size="sm" c="dimmed" visibleFrom="sm">
            Witness: {session.user.displayName}
          </Text>
          {stage !== 'done' ? (
            <Button variant="default" onClick={backToStaff}>
              Return to staff
            </Button>
          ) : null}
        </Group>
      </Group>
      <Container size="md" py="xl" component="main">
        {content}
      </Container>
      <IdleTimeoutGuard />
    </div>
  );
}
