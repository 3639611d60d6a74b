import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signInPath } from '../../app/paths';
import { signOut } from './auth-api';

/** "Sign out" as an inline link, for pages shown outside the app shell. */
export function SignOutLink(): React.JSX.Element {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Anchor
      component="button"
      type="button"
      size="xs"
      onClick={() => {
        void signOut()
          .catch(() => undefined)
          .then(() => navigate(signInPath({ reason: 'signed_out' }), { replace: true }))
          .then(() => queryClient.clear());
      }}
    >
      Sign out
    </Anchor>
  );
}
