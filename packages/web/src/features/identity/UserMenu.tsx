import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconLogout2 } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '@lantern/core';
import { notifications } from '@mantine/notifications';
import { messageOf } from '../../api/api-error';
import { signInPath, type SignInReason } from '../../app/paths';
import { useSession } from '../../app/session-context';
import { signOut, signOutEverywhere } from './auth-api';
import { ChangePasswordModal } from './ChangePasswordModal';

function initials(name: string): string {
  const words = name.replace(/^(Dr\.?)\s+/i, '').split(/[\s,]+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase();
}

/** The signed-in person, their roles, and the account actions: password, sign out, sign out everywhere. */
export function UserMenu(): React.JSX.Element {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const roles = session.user.roles.map((role) => ROLE_LABELS[role]).join(', ');

  const leave = async (reason: SignInReason): Promise<void> => {
    await navigate(signInPath({ reason }), { replace: true });
    queryClient.clear();
  };
  const signOutMutation = useMutation({
    mutationFn: async (everywhere: boolean) => (everywhere ? signOutEverywhere() : signOut().then(() => 1)),
    onSuccess: (_ended, everywhere) => leave(everywhere ? 'everywhere' : 'signed_out'),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: messageOf(error) }),
  });

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={`Account menu: ${session.user.displayName}, ${roles}`} px="xs" py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Group gap="sm" wrap="nowrap">
              <Avatar color="indigo" radius="xl" size={34} aria-hidden>
                {initials(session.user.displayName)}
              </Avatar>
              <div style={{ lineHeight: 1.2, minWidth: 0 }}>
                <Text size="sm" fw={600} truncate maw={200}>
                  {session.user.displayName}
                </Text>
                <Text size="xs" c="dimmed" truncate maw={200}>
                  {roles}
                </Text>
              </div>
              <IconChevronDown size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{session.user.email}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setPasswordOpen(true)}>
            Change password
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOutMutation.mutate(false)}>
            Sign out
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout2 size={16} />} onClick={() => signOutMutation.mutate(true)}>
            Sign out everywhere
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={() => setPasswordOpen(false)} onChanged={() => leave('password_changed')} />
    </>
  );
}
