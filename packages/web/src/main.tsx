import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { onAuthFailure } from './api/client';
import { createQueryClient } from './api/query-client';
import { MFA_ENROL_PATH, signInPath } from './app/paths';
import { router } from './app/router';
import { theme } from './app/theme';

const queryClient = createQueryClient();

// The API client reports lost sessions and pending MFA enrolment; the router decides where to go.
onAuthFailure((failure) => {
  const here = `${window.location.pathname}${window.location.search}`;
  if (failure.kind === 'mfa_enrolment_required') {
    void router.navigate(MFA_ENROL_PATH, { replace: true });
    return;
  }
  if (window.location.pathname === '/sign-in') return;
  // Whether it timed out or was ended elsewhere ("sign out everywhere"), the session has ended.
  void router.navigate(signInPath({ reason: 'expired', next: here }), { replace: true }).then(() => queryClient.clear());
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
