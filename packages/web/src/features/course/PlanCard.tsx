import { useState } from 'react';
import { Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CourseTimelineView } from '@lantern/core';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { UnmetList } from '../chart/UnmetList';
import { unmetOf, usePlanStep, useRoster } from './course-api';

/**
 * The treatment plan (CarePlan) of the course: goals and intentions of its latest version, who
 * co-signed it and whether this patient acknowledged it; for a couple or a group, who may dose now.
 */
export function PlanCard({ course }: { course: CourseTimelineView }): React.JSX.Element {
  const session = useSession();
  const plan = course.plan;
  const latest = plan.revisions.at(-1);
  const step = usePlanStep(plan.id);
  const [typedName, setTypedName] = useState('');
  const shared = plan.modality !== 'individual';
  const roster = useRoster(plan.id, shared);
  const acknowledged = latest?.acknowledgedBy.includes(course.patientId) ?? false;
  const counts = latest?.content.plannedCounts;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} fz="md">
            Treatment plan v{latest?.version ?? 1}
          </Title>
          <Group gap={4}>
            <Badge color={latest?.cosignedBy ? 'green' : 'yellow'}>{latest?.cosignedBy ? `Co-signed by ${latest.cosignedBy}` : 'Awaiting physician co-signature'}</Badge>
            <Badge color={acknowledged ? 'green' : 'gray'}>{acknowledged ? 'Acknowledged by the patient' : 'Not yet acknowledged'}</Badge>
          </Group>
        </Group>
        {latest && latest.content.goals.length > 0 ? (
          <List size="sm" aria-label="Goals">
            {latest.content.goals.map((goal) => (
              <List.Item key={goal}>{goal}</List.Item>
            ))}
          </List>
        ) : null}
        {latest?.content.intentions ? <Text size="sm">Intentions: {latest.content.intentions}</Text> : null}
        {counts ? (
          <Text size="xs" c="dimmed">
            Planned: preparation {counts.preparation.min}–{counts.preparation.max}, medicine {counts.medicine.min}–{counts.medicine.max}, integration {counts.integrationPerMedicine.min}–{counts.integrationPerMedicine.max} after each medicine session
          </Text>
        ) : null}
        <Group gap="xs" align="flex-end">
          {latest && !latest.cosignedBy && session.user.roles.includes('physician') ? (
            <Button size="xs" loading={step.isPending} onClick={() => step.mutate({ path: 'cosign', body: { version: latest.version } })}>
              Co-sign plan
            </Button>
          ) : null}
          {latest?.cosignedBy && !acknowledged ? (
            <>
              <TextInput size="xs" label="Patient types their name to acknowledge" value={typedName} onChange={(event) => setTypedName(event.currentTarget.value)} w={260} />
              <Button size="xs" variant="light" disabled={typedName.trim().length < 2} loading={step.isPending} onClick={() => step.mutate({ path: 'acknowledgements', body: { patientId: course.patientId, typedName: typedName.trim() } })}>
                Record acknowledgement
              </Button>
            </>
          ) : null}
        </Group>
        <UnmetList title="The plan step was refused" color="red" items={unmetOf(step.error)} />
        {step.error && unmetOf(step.error).length === 0 ? <ErrorAlert error={step.error} title="Not saved" /> : null}
        {shared && roster.data ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {plan.modality === 'group' ? `Group of ${plan.members.length}${plan.capacity ? ` (capacity ${plan.capacity})` : ''}` : 'Participants'}: who may dose now
            </Text>
            <List size="sm" spacing={2} aria-label="Who may dose now">
              {roster.data.map((member) => (
                <List.Item key={member.patientId}>
                  {member.name}: {member.mayDose ? 'may dose' : `not yet (${member.unmet.map((u) => u.message).join('; ')})`}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
