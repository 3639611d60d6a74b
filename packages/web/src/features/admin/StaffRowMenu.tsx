import { useState } from 'react';
import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconDots, IconLockOpen, IconShieldX, IconUserCheck, IconUserOff, IconUserShield } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import type { StaffMember } from '@lantern/core';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useStaffAction, type StaffAction } from './admin-api';
import { EditRolesModal } from './EditRolesModal';

interface ActionCopy {
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly done: string;
  readonly color: string;
}

function copyFor(action: StaffAction, name: string): ActionCopy {
  switch (action) {
    case 'deactivate':
      return {
        title: `Deactivate ${name}?`,
        body: `${name} will be signed out everywhere and cannot sign in until reactivated. Their records and audit history stay.`,
        confirm: 'Deactivate',
        done: `${name} is deactivated`,
        color: 'red',
      };
    case 'reactivate':
      return { title: `Reactivate ${name}?`, body: `${name} will be able to sign in again with their existing password and two-factor setup.`, confirm: 'Reactivate', done: `${name} is active again`, color: 'indigo' };
    case 'reset-mfa':
      return {
        title: `Reset two-factor for ${name}?`,
        body: `${name}'s authenticator app and recovery codes stop working. They will set up two-factor authentication again at their next sign-in. Do this when a phone is lost or replaced.`,
        confirm: 'Reset two-factor',
        done: `Two-factor authentication reset for ${name}`,
        color: 'orange',
      };
    case 'unlock':
      return { title: `Unlock ${name}?`, body: `${name} can try signing in again straight away.`, confirm: 'Unlock', done: `${name} is unlocked`, color: 'indigo' };
  }
}

/** The per-row account actions; anything that cannot be undone in one click asks first. */
export function StaffRowMenu({ member, isSelf }: { member: StaffMember; isSelf: boolean }): React.JSX.Element {
  const [pending, setPending] = useState<StaffAction | null>(null);
  const [editingRoles, setEditingRoles] = useState(false);
  const mutation = useStaffAction();
  const copy = pending ? copyFor(pending, member.displayName) : null;
  const close = (): void => {
    setPending(null);
    mutation.reset();
  };
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={220}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.displayName}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconUserShield size={16} />} onClick={() => setEditingRoles(true)}>
            Edit roles
          </Menu.Item>
          {member.locked && member.active ? (
            <Menu.Item leftSection={<IconLockOpen size={16} />} onClick={() => setPending('unlock')}>
              Unlock
            </Menu.Item>
          ) : null}
          {member.mfaEnabled ? (
            <Menu.Item leftSection={<IconShieldX size={16} />} onClick={() => setPending('reset-mfa')}>
              Reset two-factor
            </Menu.Item>
          ) : null}
          <Menu.Divider />
          {member.active ? (
            <Menu.Item color="red" leftSection={<IconUserOff size={16} />} disabled={isSelf} onClick={() => setPending('deactivate')}>
              {isSelf ? 'Deactivate (not your own account)' : 'Deactivate'}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => setPending('reactivate')}>
              Reactivate
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={copy !== null}
        title={copy?.title ?? ''}
        confirmLabel={copy?.confirm ?? ''}
        color={copy?.color}
        busy={mutation.isPending}
        error={mutation.error}
        onClose={close}
        onConfirm={() => {
          if (!pending || !copy) return;
          mutation.mutate(
            { id: member.id, action: pending },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: copy.done });
                close();
              },
            },
          );
        }}
      >
        <Text size="sm">{copy?.body}</Text>
      </ConfirmModal>
      <EditRolesModal member={member} opened={editingRoles} onClose={() => setEditingRoles(false)} />
    </>
  );
}
