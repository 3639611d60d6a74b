import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { can } from '@lantern/core';
import { inquiryPath } from '../../app/paths';
import { useSession } from '../../app/session-context';
import { formatShortDateTime } from '../../ui/time';
import { useAcknowledgeAlert, useOpenAlerts } from './intake-api';

/**
 * Urgent alerts at the top of the home screen: an inquiry whose pre-screen showed a safety signal
 * (clinical.md §4.2). They stay until someone acknowledges them, and name no one: open the inquiry.
 */
export function UrgentAlertsPanel(): React.JSX.Element | null {
  const session = useSession();
  const allowed = can(session.user.roles, 'alerts.read');
  if (!allowed) return null;
  return <OpenAlerts />;
}

function OpenAlerts(): React.JSX.Element | null {
  const session = useSession();
  const alerts = useOpenAlerts();
  const acknowledge = useAcknowledgeAlert();
  if (!alerts.data || alerts.data.length === 0) return null;
  return (
    <section aria-label="Urgent alerts">
      <Stack gap="sm">
        {alerts.data.map((alert) => (
          <Alert key={alert.id} color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} title={alert.title} role="alert">
            <Stack gap={6}>
              <List size="sm" c="white">
                {alert.reasons.map((reason) => (
                  <List.Item key={reason.code}>{reason.message}</List.Item>
                ))}
              </List>
              <Text size="xs" c="red.1">
                Raised {formatShortDateTime(alert.createdAt, session.clinic.timeZone)}. Reach the person today; the pre-screen showed them crisis resources.
              </Text>
              <Group gap="sm">
                {alert.inquiryId ? (
                  <Anchor component={Link} to={inquiryPath(alert.inquiryId)} c="white" fw={700} size="sm" underline="always">
                    Open inquiry {alert.inquiryReference ?? ''}
                  </Anchor>
                ) : null}
                <Button size="xs" variant="white" color="red" onClick={() => acknowledge.mutate(alert.id)} loading={acknowledge.isPending && acknowledge.variables === alert.id}>
                  Acknowledge: I am handling this
                </Button>
              </Group>
            </Stack>
          </Alert>
        ))}
      </Stack>
    </section>
  );
}
