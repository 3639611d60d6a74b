import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { fetchMe, ME_KEY } from '../../api/session';
import { HOME_PATH, isSafeNext, isSignInReason, SIGN_IN_NOTICES } from '../../app/paths';
import { CenteredCard } from '../../ui/CenteredCard';
import { signIn, type Credentials } from './auth-api';
import { describeSignInFailure, type SignInFailure } from './sign-in-errors';
import { SecondFactorStep } from './SecondFactorStep';

/** Sign-in: e-mail and password, then (when the account has MFA) a 6-digit or recovery code. */
export function SignInPage(): React.JSX.Element {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [failure, setFailure] = useState<SignInFailure>({});
  const reason = params.get('reason');
  const nextParam = params.get('next');
  const next = nextParam && isSafeNext(nextParam) ? nextParam : HOME_PATH;

  // Someone already signed in (a bookmark of /sign-in) goes straight on; a 401 here is expected.
  const probe = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, enabled: !isSignInReason(reason) });

  const mutation = useMutation({
    mutationFn: (credentials: Credentials) => signIn(credentials),
    onSuccess: async () => {
      await queryClient.resetQueries();
      await navigate(next, { replace: true });
    },
    onError: (error) => {
      const described = describeSignInFailure(error);
      if (described.needsCode) {
        setStep('code');
        setFailure({});
      } else {
        setFailure(described);
      }
    },
  });

  if (probe.data && !mutation.isPending) return <Navigate to={next} replace />;

  const notice = isSignInReason(reason) ? SIGN_IN_NOTICES[reason] : null;
  return (
    <CenteredCard title="Sign in" subtitle="Lantern: care records for ketamine-assisted psychotherapy">
      {notice && step === 'password' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          {notice}
        </Alert>
      ) : null}
      {failure.form ? (
        <Alert color="red" variant="light" icon={<IconLock aria-hidden />} title="Could not sign in">
          {failure.form}
        </Alert>
      ) : null}
      {step === 'password' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setFailure({});
            mutation.mutate({ email: email.trim(), password });
          }}
        >
          <Stack gap="md">
            <TextInput label="E-mail" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} autoFocus />
            <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
            <Button type="submit" loading={mutation.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      ) : (
        <SecondFactorStep
          busy={mutation.isPending}
          error={failure.code}
          onSubmit={(factor) => {
            setFailure({});
            mutation.mutate({ email: email.trim(), password, ...factor });
          }}
          onBack={() => {
            setStep('password');
            setFailure({});
          }}
        />
      )}
    </CenteredCard>
  );
}
