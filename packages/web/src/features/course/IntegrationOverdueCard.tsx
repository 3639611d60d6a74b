import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../ui/time';
import { useIntegrationOverdue } from './course-api';

/** Home screen: the caller's patients whose integration after a medicine session is overdue. */
export function IntegrationOverdueCard(): React.JSX.Element | null {
  const overdue = useIntegrationOverdue();
  if (!overdue.data || overdue.data.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconClockExclamation aria-hidden />} title="Integration overdue">
      <Text size="sm" mb={4}>
        These patients had a medicine session and no signed integration session within the clinic&apos;s window.
      </Text>
      <List size="sm" spacing={2} aria-label="Patients with overdue integration">
        {overdue.data.map((row) => (
          <List.Item key={row.courseId}>
            <Anchor component={Link} to={`/patients/${row.patientId}?tab=course`}>
              {row.name}
            </Anchor>{' '}
            (due by {row.integrationDueBy ? formatCalendarDate(row.integrationDueBy) : '—'})
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
