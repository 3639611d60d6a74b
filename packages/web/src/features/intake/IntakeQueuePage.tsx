import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Select, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { INQUIRY_STATUS_LABELS, INQUIRY_STATUSES, TRIAGE_KINDS, TRIAGE_LABELS } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { InquiryQueueTable } from './InquiryQueueTable';
import { QUEUE_PAGE_SIZE, useInquiries, type QueueFilters } from './intake-api';

interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
}

/** The option whose value was chosen (Select hands back a plain string). */
function chosen<T extends string>(options: readonly Option<T>[], value: string | null, fallback: T): T {
  return options.find((option) => option.value === value)?.value ?? fallback;
}

const STATUS_OPTIONS: Option<QueueFilters['status']>[] = [
  { value: 'open', label: 'Open (not closed or converted)' },
  ...INQUIRY_STATUSES.map((status) => ({ value: status, label: INQUIRY_STATUS_LABELS[status] })),
  { value: '', label: 'Any status' },
];
const TRIAGE_OPTIONS: Option<QueueFilters['triage']>[] = [{ value: '', label: 'Any triage' }, ...TRIAGE_KINDS.map((kind) => ({ value: kind, label: TRIAGE_LABELS[kind] }))];
const ASSIGNEE_OPTIONS: Option<QueueFilters['assignee']>[] = [
  { value: '', label: 'Anyone' },
  { value: 'me', label: 'Assigned to me' },
  { value: 'unassigned', label: 'Unassigned' },
];

/** The intake queue: inquiries from the public site, urgent safety screens first. */
export function IntakeQueuePage(): React.JSX.Element {
  const [filters, setFilters] = useState<QueueFilters>({ status: 'open', triage: '', assignee: '' });
  const [offset, setOffset] = useState(0);
  const inquiries = useInquiries(filters, offset);
  const rows = inquiries.data ?? [];
  const change = (patch: Partial<QueueFilters>): void => {
    setFilters({ ...filters, ...patch });
    setOffset(0);
  };
  return (
    <>
      <PageHeader title="Intake" description="Inquiries and pre-screens from the public site. Urgent safety screens come first; every opened inquiry is recorded in the audit trail." />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select label="Status" data={STATUS_OPTIONS} value={filters.status} onChange={(value) => change({ status: chosen(STATUS_OPTIONS, value, 'open') })} allowDeselect={false} w={250} />
        <Select label="Triage" data={TRIAGE_OPTIONS} value={filters.triage} onChange={(value) => change({ triage: chosen(TRIAGE_OPTIONS, value, '') })} allowDeselect={false} w={200} />
        <Select label="Assigned" data={ASSIGNEE_OPTIONS} value={filters.assignee} onChange={(value) => change({ assignee: chosen(ASSIGNEE_OPTIONS, value, '') })} allowDeselect={false} w={190} />
      </Group>
      {inquiries.isPending ? <Loading label="Loading inquiries…" /> : null}
      {inquiries.isError ? <ErrorAlert error={inquiries.error} title="The queue could not be loaded" onRetry={() => void inquiries.refetch()} /> : null}
      {inquiries.data && rows.length === 0 ? (
        <EmptyState mt="xl" icon={<IconInbox />} withIndicatorBackground title="No inquiries here" description="Nothing matches these filters. New inquiries from the public site appear here as they arrive." />
      ) : null}
      {rows.length > 0 ? (
        <Paper withBorder radius="md" style={{ opacity: inquiries.isPlaceholderData ? 0.6 : 1 }}>
          <InquiryQueueTable inquiries={rows} />
        </Paper>
      ) : null}
      {offset > 0 || rows.length === QUEUE_PAGE_SIZE ? (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            Inquiries {offset + 1}–{offset + rows.length}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - QUEUE_PAGE_SIZE))}>
              Previous page
            </Button>
            <Button variant="default" size="xs" disabled={rows.length < QUEUE_PAGE_SIZE} onClick={() => setOffset(offset + QUEUE_PAGE_SIZE)}>
              Next page
            </Button>
          </Group>
        </Group>
      ) : null}
    </>
  );
}
