import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { lastApiActivityAt } from '../api/client';
import { signOut } from '../features/identity/auth-api';
import { useMe } from '../api/session';
import { formatCountdown } from '../ui/time';
import { signInPath } from './paths';
import { idleWarningLead, sessionDeadline } from './session-deadline';
import { useSession } from './session-context';
import { useLastUserInput } from './use-user-activity';

/** Keep-alive requests, when the person is working but the app is quiet, are at most this often. */
const HEARTBEAT_EVERY_MS = 60_000;

/**
 * Automatic logoff (HIPAA §164.312(a)(2)(iii)): warns two minutes before the idle timeout, counts
 * down, and at the deadline signs the session out on the server and returns to sign-in.
 *
 * Idleness is counted from the person's last input, not from the last request: screens that poll
 * (the alerts panel) would otherwise keep an unattended workstation signed in forever. The deadline
 * is also never later than the server's own (last request + idle time), and someone who is working
 * while the app is quiet is kept signed in by a /api/me once half the idle time has passed. Once the
 * warning is open, only "Stay signed in" extends the session.
 */
export function IdleTimeoutGuard(): React.JSX.Element | null {
  const session = useSession();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const lastHeartbeat = useRef(0);
  const signingOut = useRef(false);
  const [now, setNow] = useState(() => Date.now());
  const [extending, setExtending] = useState(false);
  const [warningOpen, setWarningOpen] = useState(false);
  const [lastInput, markInput] = useLastUserInput(warningOpen);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);

  const minutes = session.session.idleTimeoutMinutes;
  const idleMs = minutes * 60_000;
  const deadline = sessionDeadline({
    lastActivityAt: Math.min(lastInput, lastApiActivityAt()),
    idleTimeoutMinutes: session.session.idleTimeoutMinutes,
    expiresAt: session.session.expiresAt,
    fetchedAt: me.dataUpdatedAt,
  });
  const remaining = deadline - now;
  const warning = remaining <= idleWarningLead(session.session.idleTimeoutMinutes);
  const expired = remaining <= 0;
  if (warning !== warningOpen) setWarningOpen(warning);

  useEffect(() => {
    if (expired) {
      if (signingOut.current) return;
      signingOut.current = true;
      // The server may still count the session as alive (polling keeps it so): end it explicitly.
      const next = `${location.pathname}${location.search}`;
      void signOut()
        .catch(() => undefined)
        .then(() => navigate(signInPath({ reason: 'idle', next }), { replace: true }))
        .then(() => queryClient.clear());
      return;
    }
    const working = now - lastInput < HEARTBEAT_EVERY_MS;
    const halfway = remaining < idleMs / 2;
    if (!warning && working && halfway && now - lastHeartbeat.current > HEARTBEAT_EVERY_MS) {
      lastHeartbeat.current = now;
      void me.refetch();
    }
  }, [expired, warning, now, remaining, idleMs, lastInput, me, navigate, location, queryClient]);

  if (expired) return null;
  return (
    <Modal
      opened={warning}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      title="Are you still there?"
    >
      <Stack gap="md">
        <Text size="sm">For patients&apos; privacy, Lantern signs you out after {minutes === 1 ? '1 minute' : `${minutes} minutes`} without activity.</Text>
        <Text size="lg" fw={600} role="timer" aria-live="off">
          Signing out in {formatCountdown(remaining / 1000)}
        </Text>
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              void signOut()
                .catch(() => undefined)
                .then(() => navigate(signInPath({ reason: 'signed_out' }), { replace: true }))
                .then(() => queryClient.clear());
            }}
          >
            Sign out now
          </Button>
          <Button
            loading={extending}
            onClick={() => {
              markInput();
              setExtending(true);
              void me.refetch().finally(() => setExtending(false));
            }}
          >
            Stay signed in
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
