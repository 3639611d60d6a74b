import { Anchor, Badge, Button, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PHASE_LABELS, PHASES } from '@lantern/core';
import { NEW_PLAN_PATH } from '../../app/paths';
import { useCan } from '../../app/session-context';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { formatCalendarDate } from '../../ui/time';
import { useCoursesByPhase } from './course-api';

/** Clinic-wide: every open course by phase, with its next step and what blocks it (scoped to the caller). */
export function CoursesByPhasePage(): React.JSX.Element {
  const courses = useCoursesByPhase();
  const author = useCan('notes.author');
  return (
    <Stack gap="lg">
      <PageHeader
        title="Courses by phase"
        description="Where each patient is in the program, what comes next, and what blocks it."
        actions={
          author ? (
            <Button component={Link} to={NEW_PLAN_PATH} leftSection={<IconPlus size={16} aria-hidden />}>
              New plan
            </Button>
          ) : null
        }
      />
      {courses.isPending ? <Loading label="Loading courses…" /> : null}
      {courses.isError ? <ErrorAlert error={courses.error} title="Courses could not be loaded" /> : null}
      {courses.data?.length === 0 ? <EmptyNotice icon={<IconRoute aria-hidden />} title="No open courses" description="When a therapist opens a patient's course, it appears here." /> : null}
      {courses.data && courses.data.length > 0
        ? PHASES.map((phase) => {
            const rows = courses.data.filter((c) => c.phase === phase);
            if (rows.length === 0) return null;
            return (
              <Card key={phase} withBorder>
                <Title order={2} fz="md" mb="xs">
                  {PHASE_LABELS[phase]} ({rows.length})
                </Title>
                <Table striped aria-label={`${PHASE_LABELS[phase]} courses`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Patient</Table.Th>
                      <Table.Th>Plan</Table.Th>
                      <Table.Th>Next step</Table.Th>
                      <Table.Th>Blockers</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.courseId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/patients/${row.patientId}?tab=course`}>
                            {row.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {row.mrn}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{row.modality === 'individual' ? 'Individual' : `${row.modality === 'couples' ? 'Couples' : 'Group'}: ${row.planTitle}`}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{row.nextStep ?? '—'}</Text>
                          {row.integrationState === 'overdue' && row.integrationDueBy ? <Badge color="red">Integration overdue since {formatCalendarDate(row.integrationDueBy)}</Badge> : null}
                        </Table.Td>
                        <Table.Td>
                          {row.blockers.length === 0 ? (
                            <Text size="sm" c="green">
                              None
                            </Text>
                          ) : (
                            <List size="sm" spacing={2}>
                              {row.blockers.map((b, i) => (
                                <List.Item key={`${b.code}-${i}`}>{b.message}</List.Item>
                              ))}
                            </List>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            );
          })
        : null}
    </Stack>
  );
}
