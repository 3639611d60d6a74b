import { useState } from 'react';
import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useBreakGlassGrants, useRecentAuditCount } from '../audit/audit-api';
import { Stat } from '../../ui/Stat';

/** Live figures for auditors: audit entries in the last 24 hours and break-glass grants awaiting review. */
export function AuditorSummary(): React.JSX.Element {
  // Fixed for the life of the page so the query key is stable.
  const [since] = useState(() => new Date(Date.now() - 24 * 3_600_000).toISOString());
  const recent = useRecentAuditCount(since);
  const grants = useBreakGlassGrants(true);
  return (
    <Group gap="xl" align="flex-end">
      <Stat label="Audit entries, last 24 hours" value={recent.data} loading={recent.isPending} failed={recent.isError} />
      <Stat label="Break-glass grants to review" value={grants.data?.length} loading={grants.isPending} failed={grants.isError} />
      {grants.data && grants.data.length > 0 ? (
        <Anchor component={Link} to="/audit/break-glass" size="sm" mb={4}>
          Review now
        </Anchor>
      ) : null}
    </Group>
  );
}
