import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { INQUIRY_STATUS_LABELS, type InquiryDetail, type InquiryStatus } from '@lantern/core';
import { patientPath } from '../../app/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAssignees, useChangeInquiry } from './intake-api';

const SETTABLE: readonly Exclude<InquiryStatus, 'converted'>[] = ['new', 'contacted', 'evaluation_scheduled', 'closed'];

/** Who has the inquiry, where it stands, and the way to a chart. */
export function InquiryActions({ inquiry, onConvert }: { inquiry: InquiryDetail; onConvert: () => void }): React.JSX.Element {
  const assignees = useAssignees();
  const change = useChangeInquiry(inquiry.id);
  const converted = inquiry.status === 'converted';
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz={18} mb="sm">
        Next steps
      </Title>
      <Stack gap="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label="Assigned to"
            placeholder="Unassigned"
            data={(assignees.data ?? []).map((person) => ({ value: person.id, label: person.displayName }))}
            value={inquiry.assignedTo?.id ?? null}
            onChange={(value) => change.mutate({ kind: 'assign', userId: value })}
            clearable
            searchable
            disabled={change.isPending}
            w={240}
          />
          {converted ? (
            <Text size="sm">Status: {INQUIRY_STATUS_LABELS.converted}</Text>
          ) : (
            <Select
              label="Status"
              data={SETTABLE.map((status) => ({ value: status, label: INQUIRY_STATUS_LABELS[status] }))}
              value={inquiry.status}
              onChange={(value) => {
                const status = SETTABLE.find((candidate) => candidate === value);
                if (status) change.mutate({ kind: 'status', status });
              }}
              allowDeselect={false}
              disabled={change.isPending}
              w={220}
            />
          )}
          {inquiry.patient ? (
            <Text size="sm" pb={6}>
              Chart:{' '}
              <Anchor component={Link} to={patientPath(inquiry.patient.id)} fw={600}>
                {inquiry.patient.mrn}
              </Anchor>
            </Text>
          ) : (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={onConvert} disabled={converted}>
              Convert to patient
            </Button>
          )}
        </Group>
        {change.isError ? <ErrorAlert error={change.error} title="The change was not saved" /> : null}
      </Stack>
    </Paper>
  );
}
