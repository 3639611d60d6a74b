import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { STAFF_ROLES, type StaffRole } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ROLE_OPTIONS } from '../../ui/RoleBadges';
import { useInviteStaff } from './admin-api';
import { InviteLink } from './InviteLink';

function isRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** Invites a staff member, then shows the one-time link to pass on (it also goes to the outbox). */
export function InviteStaffModal(props: { opened: boolean; onClose: () => void }): React.JSX.Element {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [rolesTouched, setRolesTouched] = useState(false);
  const mutation = useInviteStaff();
  const error = mutation.error;
  const emailError = error?.code === 'email_taken' ? 'Someone at this clinic already has an account with this e-mail' : error?.fieldError('email');
  const nameError = error?.fieldError('displayName');
  const rolesError = error?.fieldError('roles') ?? (rolesTouched && roles.length === 0 ? 'Give at least one role' : undefined);
  const close = (): void => {
    setEmail('');
    setDisplayName('');
    setRoles([]);
    setRolesTouched(false);
    mutation.reset();
    props.onClose();
  };
  const created = mutation.data;
  return (
    <Modal opened={props.opened} onClose={close} title={created ? 'Invitation created' : 'Invite a staff member'} centered size="lg">
      {created ? (
        <InviteLink created={created} onDone={close} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setRolesTouched(true);
            if (roles.length === 0) return;
            mutation.mutate({ email: email.trim(), displayName: displayName.trim(), roles });
          }}
        >
          <Stack gap="md">
            <TextInput label="E-mail" type="email" required autoComplete="off" value={email} error={emailError} onChange={(event) => setEmail(event.currentTarget.value)} />
            <TextInput label="Full name" description="As colleagues and patients should see it, e.g. “Dr. Ana Ruiz” or “Sam Lee, RN”." required value={displayName} error={nameError} onChange={(event) => setDisplayName(event.currentTarget.value)} />
            <MultiSelect
              withAsterisk
              label="Roles"
              description="What this person will be able to see and do. A person may hold several roles."
              placeholder={roles.length === 0 ? 'Choose roles' : undefined}
              data={ROLE_OPTIONS}
              value={roles}
              onChange={(values) => {
                setRolesTouched(true);
                setRoles(values.filter(isRole));
              }}
              error={rolesError}
              comboboxProps={{ withinPortal: true }}
              hidePickedOptions
            />
            {error && !emailError && !nameError && !error.fieldError('roles') ? <ErrorAlert error={error} title="Invitation not sent" /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
