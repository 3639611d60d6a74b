import { SimpleGrid } from '@mantine/core';
import { useOutbox, useStaff } from '../admin/admin-api';
import { Stat } from '../../ui/Stat';

/** Live figures for administrators: active staff, pending invitations, messages in the outbox. */
export function AdminSummary(): React.JSX.Element {
  const staff = useStaff();
  const outbox = useOutbox();
  const active = staff.data?.filter((member) => member.active);
  const awaitingSetup = staff.data?.filter((member) => member.active && !member.lastLoginAt);
  const queued = outbox.data?.filter((message) => message.status !== 'sent');
  return (
    <SimpleGrid cols={3} spacing="md">
      <Stat label="Active staff" value={active?.length} loading={staff.isPending} failed={staff.isError} />
      <Stat label="Never signed in" value={awaitingSetup?.length} loading={staff.isPending} failed={staff.isError} />
      <Stat label="Outbox messages" value={queued?.length} loading={outbox.isPending} failed={outbox.isError} />
    </SimpleGrid>
  );
}
