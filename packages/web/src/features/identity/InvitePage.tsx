import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error';
import { CenteredCard } from '../../ui/CenteredCard';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { acceptInvite } from './auth-api';

/** Reads the invitation token from `#<token>`: the fragment never reaches server logs or referrers. */
function tokenFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
}

/** An invited staff member sets their first password from the link in their invitation. */
export function InvitePage(): React.JSX.Element {
  const [token] = useState(tokenFromHash);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({ mutationFn: acceptInvite });

  // Take the token out of the address bar (and history) once it is read.
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  if (mutation.isSuccess) {
    return (
      <CenteredCard title="Your password is set">
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
          Sign in with your e-mail and new password. You will then set up two-factor authentication with an authenticator app.
        </Alert>
        <Button component={Link} to="/sign-in" fullWidth>
          Continue to sign in
        </Button>
      </CenteredCard>
    );
  }

  if (!token) {
    return (
      <CenteredCard title="Invitation link incomplete">
        <Text size="sm">
          This page needs the full link from your invitation e-mail (it ends with a long code after a # sign). Open the link again, or ask your
          administrator for a new invitation.
        </Text>
        <Button component={Link} to="/sign-in" variant="default">
          Go to sign in
        </Button>
      </CenteredCard>
    );
  }

  const error = mutation.error;
  const passwordError = error instanceof ApiError ? error.fieldError('password') : undefined;
  const tokenError = error instanceof ApiError ? error.fieldError('token') : undefined;
  return (
    <CenteredCard title="Welcome to Lantern" subtitle="Choose a password for your staff account. Longer is stronger: a short sentence you will remember works well.">
      {tokenError ? <ErrorAlert error={tokenError} title="This invitation cannot be used" /> : null}
      {error && !passwordError && !tokenError ? <ErrorAlert error={error} /> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (password !== confirm) {
            setMismatch(true);
            return;
          }
          setMismatch(false);
          mutation.mutate({ token, password });
        }}
      >
        <Stack gap="md">
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            autoFocus
            value={password}
            error={passwordError}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            value={confirm}
            error={mismatch ? 'The two passwords do not match' : undefined}
            onChange={(event) => setConfirm(event.currentTarget.value)}
          />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            Set password
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
