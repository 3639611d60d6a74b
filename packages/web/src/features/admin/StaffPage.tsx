import { useState } from 'react';
import { Button, Paper } from '@mantine/core';
import { IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { PageHeader } from '../../ui/PageHeader';
import { Loading } from '../../ui/Loading';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useStaff } from './admin-api';
import { InviteStaffModal } from './InviteStaffModal';
import { StaffTable } from './StaffTable';

/** Staff accounts: who has which roles, MFA and lock state, and the invitation of new members. */
export function StaffPage(): React.JSX.Element {
  const staff = useStaff();
  const [inviting, setInviting] = useState(false);
  return (
    <>
      <PageHeader
        title="Staff"
        description="Everyone with a Lantern account at this clinic. Roles decide what each person can see and do."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
            Invite staff member
          </Button>
        }
      />
      {staff.isPending ? <Loading label="Loading staff…" /> : null}
      {staff.isError ? <ErrorAlert error={staff.error} title="Staff could not be loaded" onRetry={() => void staff.refetch()} /> : null}
      {staff.data && staff.data.length === 0 ? (
        <EmptyNotice icon={<IconUsersGroup />} title="No staff yet" description="Invite the first members of your team." />
      ) : null}
      {staff.data && staff.data.length > 0 ? (
        <Paper withBorder radius="md">
          <StaffTable staff={staff.data} />
        </Paper>
      ) : null}
      <InviteStaffModal opened={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
