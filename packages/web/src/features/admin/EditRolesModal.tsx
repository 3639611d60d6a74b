import { useState } from 'react';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { STAFF_ROLES, type StaffMember, type StaffRole } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ROLE_OPTIONS } from '../../ui/RoleBadges';
import { useUpdateRoles } from './admin-api';

function isRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** Replaces a member's roles (checkboxes: easier than a multi-select on a tablet). */
export function EditRolesModal(props: { member: StaffMember; opened: boolean; onClose: () => void }): React.JSX.Element {
  const [roles, setRoles] = useState<StaffRole[]>(props.member.roles);
  const mutation = useUpdateRoles();
  const close = (): void => {
    mutation.reset();
    setRoles(props.member.roles);
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={`Roles for ${props.member.displayName}`} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(
            { id: props.member.id, roles },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `Roles updated for ${props.member.displayName}` });
                props.onClose();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <Checkbox.Group
            label="Roles"
            description="A person may hold several roles. Changes apply at their next request."
            value={roles}
            onChange={(values) => setRoles(values.filter(isRole))}
            error={roles.length === 0 ? 'Give at least one role' : undefined}
          >
            <SimpleGrid cols={2} mt="xs" spacing="xs">
              {ROLE_OPTIONS.map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {mutation.error ? <ErrorAlert error={mutation.error} title="Roles not saved" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={roles.length === 0}>
              Save roles
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
