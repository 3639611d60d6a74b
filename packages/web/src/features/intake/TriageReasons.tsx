import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { TriageReason } from '@lantern/core';

const GROUPS: readonly { level: TriageReason['level']; title: string; color: string }[] = [
  { level: 'urgent', title: 'Safety: act today', color: 'red' },
  { level: 'absolute', title: 'Likely stops treatment (self-reported; confirm in evaluation)', color: 'orange' },
  { level: 'relative', title: 'Needs clearance or review before dosing', color: 'yellow' },
  { level: 'follow_up', title: 'Follow up', color: 'blue' },
];

/** Why the triage came out as it did, most pressing first, with what each item needs. */
export function TriageReasons({ reasons, policyVersion }: { reasons: readonly TriageReason[]; policyVersion: number }): React.JSX.Element {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz={18} mb="sm">
        Triage reasons
      </Title>
      {reasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing found in what they told us. The evaluation decides eligibility.
        </Text>
      ) : (
        <Stack gap="sm">
          {GROUPS.map((group) => {
            const items = reasons.filter((reason) => reason.level === group.level);
            if (items.length === 0) return null;
            return (
              <Alert key={group.level} color={group.color} variant="light" title={group.title} icon={group.level === 'urgent' ? <IconAlertTriangle aria-hidden /> : <IconInfoCircle aria-hidden />}>
                <List size="sm" spacing={6}>
                  {items.map((reason) => (
                    <List.Item key={`${reason.level}-${reason.code}`}>
                      {reason.message}
                      {reason.clearance.length > 0 ? (
                        <Text size="xs" c="dimmed">
                          Needs: {reason.clearance.join('; ')}
                        </Text>
                      ) : null}
                      {reason.evidence.length > 0 ? (
                        <Text size="xs" c="dimmed">
                          From: {reason.evidence.join('; ')}
                        </Text>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            );
          })}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        Triaged under clinic policy version {policyVersion}.
      </Text>
    </Paper>
  );
}
