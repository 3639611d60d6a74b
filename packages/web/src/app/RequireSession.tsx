import type { ReactNode } from 'react';
import { Center, Stack, Text } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/session';
import { SignOutLink } from '../features/identity/SignOutLink';
import { CenteredCard } from '../ui/CenteredCard';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { MFA_ENROL_PATH, signInPath } from './paths';
import { SessionContext } from './session-context';

/**
 * Renders its children only for a signed-in staff session: signed-out visitors go to sign-in (and
 * come back afterwards), and a session that still owes MFA enrolment goes to enrolment first.
 */
export function RequireSession(props: { children: ReactNode; enrolment?: boolean }): React.JSX.Element {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Opening Lantern…" fullPage />;
  if (me.isError && me.error.status === 401) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={signInPath({ reason: me.error.code === 'session_expired' || me.data ? 'expired' : undefined, next })} replace />;
  }
  // A failed refresh (say, the network dropped) keeps the last good session on screen.
  if (!me.data) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={480}>
          <ErrorAlert error={me.error} title="Lantern could not load your session" onRetry={() => void me.refetch()} />
        </Stack>
      </Center>
    );
  }
  const session = me.data;
  if (session.session.mfa === 'enrolment_required' && !props.enrolment) return <Navigate to={MFA_ENROL_PATH} replace />;
  if (session.user.kind !== 'staff') {
    return (
      <CenteredCard title="Patient portal">
        <Text size="sm">This part of Lantern is for clinic staff. The patient portal is not available yet; your clinic will tell you when it is.</Text>
        <Text size="sm">
          <SignOutLink />
        </Text>
      </CenteredCard>
    );
  }
  return <SessionContext value={session}>{props.children}</SessionContext>;
}
