import { Badge, Button, Group, List, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useState } from 'react';
import type { LossReportView, StockView } from '@lantern/core';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { formatCalendarDate } from '../../ui/time';
import { CompleteLossStepModal } from './CompleteLossStepModal';
import { useLossReports } from './ledger-api';
import { useLedgerPermissions } from './ledger-permissions';
import { dueWords, STEP_STATUS } from './loss-due';
import { OpenLossReportModal } from './OpenLossReportModal';

type Step = LossReportView['steps'][number];

/**
 * Thefts and significant losses with their checklist (21 CFR 1301.76(b); clinical.md §6.2 item 6):
 * each step with its due date (the DEA Field Division within one business day of discovery), marked
 * done once, with the date and its reference.
 */
export function LossReportsPanel(props: { stock: StockView }): React.JSX.Element {
  const reports = useLossReports();
  const { mayRecord } = useLedgerPermissions();
  const [opening, setOpening] = useState(false);
  const [completing, setCompleting] = useState<{ report: LossReportView; step: Step } | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={600}>
          A theft, or a loss that is significant (by amount, or as a pattern of small losses), is reported: the DEA Field Division in writing within one business day
          of discovery, DEA Form 106 electronically, and the state board; the police too for a theft.
        </Text>
        {mayRecord ? (
          <Button color="orange" leftSection={<IconAlertOctagon size={16} aria-hidden />} onClick={() => setOpening(true)} style={{ flexShrink: 0 }}>
            Open a loss report
          </Button>
        ) : null}
      </Group>
      {reports.isPending ? <Loading label="Loading loss reports…" /> : null}
      {reports.error ? <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} /> : null}
      {reports.data?.length === 0 ? <EmptyNotice icon={<IconAlertOctagon aria-hidden />} title="No loss reports" description="Nothing has been reported lost or stolen." /> : null}
      {(reports.data ?? []).map((report) => (
        <LossReportCard key={report.id} report={report} today={props.stock.today} mayRecord={mayRecord} onComplete={(step) => setCompleting({ report, step })} />
      ))}
      {opening ? <OpenLossReportModal today={props.stock.today} onClose={() => setOpening(false)} /> : null}
      {completing ? <CompleteLossStepModal report={completing.report} step={completing.step} today={props.stock.today} onClose={() => setCompleting(null)} /> : null}
    </Stack>
  );
}

function LossReportCard(props: { report: LossReportView; today: string; mayRecord: boolean; onComplete: (step: Step) => void }): React.JSX.Element {
  const { report } = props;
  const open = report.steps.filter((s) => s.status === 'open' || s.status === 'overdue').length;
  const title = `${report.lossKind === 'theft' ? 'Theft' : 'Loss'} of ${report.amountMg} mg, discovered ${formatCalendarDate(report.discoveredOn)}`;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb={4}>
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Badge color={open === 0 ? 'teal' : report.steps.some((s) => s.status === 'overdue') ? 'red' : 'orange'}>{open === 0 ? 'All steps done' : `${open} step${open === 1 ? '' : 's'} to do`}</Badge>
      </Group>
      {report.reasons.length > 0 ? (
        <List size="sm" c="dimmed" mb="xs" aria-label="Why it is reported">
          {report.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      ) : null}
      <Table verticalSpacing="xs" aria-label={`Checklist: ${title}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Step</Table.Th>
            <Table.Th w={130}>Due</Table.Th>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th>Done</Table.Th>
            {props.mayRecord ? (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.steps.map((step) => {
            const done = step.completedOn !== null;
            return (
              <Table.Tr key={step.step}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {step.label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatCalendarDate(step.dueOn)}</Text>
                  {done ? null : (
                    <Text size="xs" c={step.status === 'overdue' ? 'red.8' : 'dimmed'}>
                      {dueWords(step.dueOn, props.today)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STEP_STATUS[step.status].color} miw={84} style={{ overflow: 'visible' }}>
                    {STEP_STATUS[step.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {step.completedOn ? (
                    <>
                      <Text size="sm">
                        {formatCalendarDate(step.completedOn)}
                        {step.reference ? `, ref. ${step.reference}` : ''}
                      </Text>
                      {step.completedByName ? (
                        <Text size="xs" c="dimmed">
                          by {step.completedByName}
                        </Text>
                      ) : null}
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                {props.mayRecord ? (
                  <Table.Td ta="right">
                    {done ? null : (
                      <Button size="compact-sm" variant="light" aria-label={`Mark done: ${step.label}`} onClick={() => props.onComplete(step)}>
                        Mark done
                      </Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
