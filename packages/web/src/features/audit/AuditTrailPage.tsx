import { useState } from 'react';
import { Button, Group, Pagination, Paper, SegmentedControl, Text } from '@mantine/core';
import { IconDownload, IconFileSearch } from '@tabler/icons-react';
import { queryString } from '../../api/client';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { PageHeader } from '../../ui/PageHeader';
import { useAuditEvents, useVerifyChain } from './audit-api';
import { auditSearchParams, NO_FILTERS, type AuditFilters } from './audit-filters';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { VerifyChainButton, VerifyChainResult } from './VerifyChain';

const PAGE_SIZE = 50;

/** The auditor's screen: search, sort, page through and export the trail, and check its chain. */
export function AuditTrailPage(): React.JSX.Element {
  const session = useSession();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const events = useAuditEvents(filters, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, session.clinic.timeZone);
  const verify = useVerifyChain();
  const apply = (next: AuditFilters): void => {
    setFilters(next);
    setPage(1);
  };
  const csvHref = `/api/audit/events.csv${queryString(auditSearchParams(filters, session.clinic.timeZone))}`;
  const total = events.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every sign-in, chart access and change, in an append-only, hash-chained log."
        actions={
          <>
            <VerifyChainButton verify={verify} />
            <Button component="a" href={csvHref} download variant="default" leftSection={<IconDownload size={16} />}>
              Export CSV
            </Button>
          </>
        }
      />
      <VerifyChainResult verify={verify} />
      <AuditFilterBar applied={filters} onApply={apply} />
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {events.data ? (total === 0 ? 'No entries' : `Showing ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} entries`) : ' '}
        </Text>
        <SegmentedControl
          size="xs"
          aria-label="Sort order"
          value={filters.sort}
          onChange={(value) => apply({ ...filters, sort: value === 'oldest' ? 'oldest' : 'newest' })}
          data={[
            { value: 'newest', label: 'Newest first' },
            { value: 'oldest', label: 'Oldest first' },
          ]}
        />
      </Group>
      {events.isPending ? <Loading label="Loading audit entries…" /> : null}
      {events.isError ? <ErrorAlert error={events.error} title="The audit trail could not be loaded" onRetry={() => void events.refetch()} /> : null}
      {events.data && events.data.events.length === 0 ? (
        <EmptyNotice icon={<IconFileSearch />} title="No matching entries" description="Nothing in the trail matches these filters. Widen the dates or clear a filter." />
      ) : null}
      {events.data && events.data.events.length > 0 ? (
        <Paper withBorder radius="md" style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }} aria-busy={events.isFetching}>
          <AuditTable
            events={events.data.events}
            onFilterUser={(userId) => apply({ ...filters, userId })}
            onFilterPatient={(patientId) => apply({ ...filters, patientId })}
          />
        </Paper>
      ) : null}
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            siblings={1}
            getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            getControlProps={(control) => ({ 'aria-label': `${control[0]?.toUpperCase() ?? ''}${control.slice(1)} page` })}
          />
        </Group>
      ) : null}
    </>
  );
}
