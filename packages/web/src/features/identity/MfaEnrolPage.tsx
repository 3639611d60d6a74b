import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error';
import { CenteredCard } from '../../ui/CenteredCard';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useSession } from '../../app/session-context';
import { startEnrolment } from './mfa-api';
import { EnrolmentScan } from './EnrolmentScan';
import { RecoveryCodes } from './RecoveryCodes';
import { SignOutLink } from './SignOutLink';
import { HOME_PATH } from '../../app/paths';

/**
 * Two-factor enrolment, required before anything else: scan the QR code (or type the key), prove it
 * with a code, then save the recovery codes, which are shown only once.
 */
export function MfaEnrolPage(): React.JSX.Element {
  const session = useSession();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const alreadyEnrolled = session.user.mfaEnabled && recoveryCodes === null;
  // A query, not an effect: it runs once per visit even when React mounts twice in development,
  // so the QR code shown is always the secret the server holds as pending.
  const enrolment = useQuery({
    queryKey: ['mfa-enrolment', session.user.id],
    queryFn: startEnrolment,
    enabled: !alreadyEnrolled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  if (recoveryCodes) {
    return (
      <CenteredCard title="Save your recovery codes" width={560} subtitle="If you lose your phone, each of these codes lets you sign in once. They will not be shown again.">
        <RecoveryCodes codes={recoveryCodes} email={session.user.email} />
      </CenteredCard>
    );
  }

  const conflict = enrolment.error instanceof ApiError && enrolment.error.code === 'mfa_already_enabled';
  if (alreadyEnrolled || conflict) {
    return (
      <CenteredCard title="Two-factor authentication is set up">
        <Text size="sm">Your account already uses an authenticator app. To move to a new phone, ask an administrator to reset two-factor authentication.</Text>
        <Button component={Link} to={HOME_PATH}>
          Go to Lantern
        </Button>
      </CenteredCard>
    );
  }

  return (
    <CenteredCard
      title="Set up two-factor authentication"
      width={560}
      subtitle={`${session.clinic.name} asks every staff member to confirm sign-ins with an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password).`}
    >
      {enrolment.isPending ? <Loading label="Preparing your code…" /> : null}
      {enrolment.isError ? <ErrorAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} /> : null}
      {enrolment.data ? <EnrolmentScan enrolment={enrolment.data} onConfirmed={setRecoveryCodes} /> : null}
      <Text size="xs" c="dimmed" ta="center">
        No phone with you? <SignOutLink /> and come back when you have it.
      </Text>
    </CenteredCard>
  );
}
