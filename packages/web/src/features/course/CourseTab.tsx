import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Stepper, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { CYCLE_DECISION_LABELS, PHASE_LABELS, PHASES, SESSION_KIND_LABELS, type CourseTimelineView, type CycleDecision } from '@lantern/core';
import { Link } from 'react-router';
import { newPlanPath } from '../../app/paths';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { formatCalendarDate, formatDateTime } from '../../ui/time';
import { UnmetList } from '../chart/UnmetList';
import { unmetOf, useCourse, useCourseStep, useCreatePlan, useRecordSession } from './course-api';
import { PlanCard } from './PlanCard';
import { SafetyFlags } from './SafetyFlags';
import { SessionNoteModal } from './SessionNoteModal';

const STEPPED = PHASES.filter((phase) => phase !== 'maintenance');

const EVENT_LABELS: Record<string, string> = {
  prep_minimum: 'Preparation minimum set',
  readiness: 'Readiness attested',
  first_route: 'First session route overridden',
  cycle_decision: 'Cycle decision',
};

/** Opens an individual course for a patient who has none (the therapist drafts the plan). */
function OpenCourse(props: { patientId: string }): React.JSX.Element {
  const create = useCreatePlan();
  const [focus, setFocus] = useState<string | null>('general');
  const [goal, setGoal] = useState('');
  const [intentions, setIntentions] = useState('');
  return (
    <Card withBorder maw={640}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({
            modality: 'individual',
            focus: focus ?? 'general',
            title: 'Individual course',
            patientIds: [props.patientId],
            content: { targetConditions: [], goals: goal.trim() ? [goal.trim()] : [], intentions, careTeam: [] },
          });
        }}
      >
        <Stack gap="sm">
          <Title order={3} fz="md">
            No course of care yet
          </Title>
          <Text size="sm">Draft the treatment plan to open the patient&apos;s course. A physician co-signs it and the patient acknowledges it.</Text>
          <Select label="Focus" data={[{ value: 'general', label: 'General' }, { value: 'grief', label: 'Grief' }, { value: 'religious_trauma', label: 'Religious trauma' }]} value={focus} onChange={setFocus} allowDeselect={false} />
          <TextInput label="First goal" value={goal} onChange={(event) => setGoal(event.currentTarget.value)} />
          <Textarea label="The patient's intentions" autosize minRows={2} value={intentions} onChange={(event) => setIntentions(event.currentTarget.value)} />
          {create.error ? <ErrorAlert error={create.error} title="The course was not opened" /> : null}
          <Group justify="space-between">
            <Anchor component={Link} to={newPlanPath({ patientId: props.patientId, modality: 'couples' })} size="sm">
              Plan a couples, family or group course instead
            </Anchor>
            <Button type="submit" loading={create.isPending}>
              Open course
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NextStep({ course }: { course: CourseTimelineView }): React.JSX.Element {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Next step
        </Text>
        <Text fw={600}>{course.nextStep ?? 'The course is complete'}</Text>
        {course.blockers.length === 0 && course.nextStep ? (
          <Group gap={6} c="green">
            <IconCircleCheck size={18} aria-hidden />
            <Text size="sm">Nothing blocks it</Text>
          </Group>
        ) : (
          <UnmetList title="What blocks it" items={course.blockers} />
        )}
        <Text size="sm" c="dimmed">
          Preparation: {course.prep.signed} of {course.prep.minimum} sessions signed{course.prep.overridden ? ' (minimum set for this patient)' : ''}
        </Text>
        {course.integration.map((window) => (
          <Text key={window.medicineSessionId} size="sm">
            Integration after the medicine session of {formatCalendarDate(window.medicineDate)}:{' '}
            <Badge color={window.state === 'overdue' ? 'red' : window.state === 'done' ? 'green' : window.state === 'due' ? 'yellow' : 'gray'}>{window.state}</Badge> (due {formatCalendarDate(window.dueFrom)} to {formatCalendarDate(window.dueBy)})
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

function Actions({ course, onNote }: { course: CourseTimelineView; onNote: (id: string) => void }): React.JSX.Element {
  const session = useSession();
  const record = useRecordSession();
  const step = useCourseStep(course.courseId);
  const [route, setRoute] = useState<'oral' | 'im'>('oral');
  const [decision, setDecision] = useState<CycleDecision | null>(null);
  const therapist = session.user.roles.includes('therapist');
  const author = therapist || session.user.roles.includes('physician');
  const recordSession = (kind: 'preparation' | 'medicine' | 'integration' | 'follow_up'): void => {
    step.reset();
    record.mutate(
      { planId: course.planId, patientId: course.patientId, kind, ...(kind === 'medicine' ? { route } : {}) },
      { onSuccess: (result) => (result.noteIds[0] ? onNote(result.noteIds[0]) : undefined) },
    );
  };
  const refused = unmetOf(record.error ?? step.error);
  const other = record.error ?? step.error;
  if (!author || course.status === 'completed') return <></>;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Record
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => recordSession('preparation')} loading={record.isPending && record.variables.kind === 'preparation'}>
            Preparation session
          </Button>
          <Group gap={4}>
            <Select aria-label="Medicine route" size="xs" w={92} data={[{ value: 'oral', label: 'Oral' }, { value: 'im', label: 'IM' }]} value={route} onChange={(value) => setRoute(value === 'im' ? 'im' : 'oral')} allowDeselect={false} />
            <Button size="xs" variant="light" onClick={() => recordSession('medicine')} loading={record.isPending && record.variables.kind === 'medicine'}>
              Medicine session
            </Button>
          </Group>
          <Button size="xs" variant="light" onClick={() => recordSession('integration')}>
            Integration session
          </Button>
          <Button size="xs" variant="light" onClick={() => recordSession('follow_up')}>
            Follow-up
          </Button>
        </Group>
        {therapist ? (
          <Group gap="xs">
            <Button size="xs" onClick={() => step.mutate({ path: 'readiness', body: {} })} loading={step.isPending && step.variables.path === 'readiness'}>
              Attest readiness
            </Button>
            <Select
              aria-label="Cycle decision"
              placeholder="Decision after integration"
              size="xs"
              w={280}
              data={Object.entries(CYCLE_DECISION_LABELS).map(([value, label]) => ({ value, label }))}
              value={decision}
              onChange={(value) => setDecision(value as CycleDecision | null)}
            />
            <Button size="xs" variant="default" disabled={decision === null} onClick={() => step.mutate({ path: 'cycle-decisions', body: { decision } })}>
              Record decision
            </Button>
          </Group>
        ) : null}
        <UnmetList title="Refused: these conditions are not met" color="red" items={refused} />
        {other && refused.length === 0 ? <ErrorAlert error={other} title="Not recorded" /> : null}
      </Stack>
    </Card>
  );
}

/** The course timeline: where the patient is, what comes next and what blocks it, every session and decision. */
export function CourseTab({ patientId }: { patientId: string }): React.JSX.Element {
  const session = useSession();
  const course = useCourse(patientId);
  const [noteId, setNoteId] = useState<string | null>(null);
  if (course.isPending) return <Loading label="Loading the course…" />;
  if (course.isError) return course.error.status === 404 ? <OpenCourse patientId={patientId} /> : <ErrorAlert error={course.error} title="The course could not be loaded" />;
  const data = course.data;
  const active = data.phase === 'maintenance' ? STEPPED.indexOf('integration') + 1 : STEPPED.indexOf(data.phase);
  const zone = session.clinic.timeZone;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} fz="lg">
            {PHASE_LABELS[data.phase]}
          </Title>
          <Text size="sm" c="dimmed">
            {data.plan.modality === 'individual' ? 'Individual' : data.plan.modality === 'couples' ? `Couples: ${data.plan.title}` : `Group: ${data.plan.title}`} · focus {data.plan.focusLabel} · plan v{data.plan.revisions.at(-1)?.version ?? 1}
            {data.plan.revisions.at(-1)?.cosignedBy ? ` co-signed by ${data.plan.revisions.at(-1)?.cosignedBy ?? ''}` : ' (awaiting physician co-signature)'}
          </Text>
        </div>
        {data.plan.suggestedMeasures.length > 0 ? (
          <Text size="xs" c="dimmed" maw={320}>
            Suggested measures: {data.plan.suggestedMeasures.map((m) => `${m.name} (${m.purpose})`).join(', ')}
          </Text>
        ) : null}
      </Group>
      <Stepper active={active} size="xs" aria-label="Course phases" allowNextStepsSelect={false}>
        {STEPPED.map((phase) => (
          <Stepper.Step key={phase} label={PHASE_LABELS[phase]} />
        ))}
      </Stepper>
      <SafetyFlags course={data} />
      <SimpleGrid cols={2} spacing="md">
        <NextStep course={data} />
        <Actions course={data} onNote={setNoteId} />
      </SimpleGrid>
      <PlanCard course={data} />
      <Card withBorder>
        <Title order={3} fz="md" mb="xs">
          Sessions
        </Title>
        {data.sessions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No sessions recorded yet.
          </Text>
        ) : (
          <Table striped aria-label="Sessions of the course">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Session</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Notes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDateTime(s.heldAt, zone)}</Table.Td>
                  <Table.Td>
                    {SESSION_KIND_LABELS[s.kind]}
                    {s.route ? ` (${s.route === 'im' ? 'IM' : 'oral'})` : ''}
                    {s.format !== 'individual' ? ` · ${s.format}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.signed ? 'green' : 'yellow'}>{s.signed ? 'Signed' : 'Note pending'}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {s.notes.map((n) => (
                        <Button key={n.id} size="compact-xs" variant="subtle" onClick={() => setNoteId(n.id)} aria-label={`Open ${n.kind.replace('_', ' ')} note of ${formatDateTime(s.heldAt, zone)}`}>
                          {n.kind === 'shared_summary' ? 'Shared summary' : n.status === 'signed' ? (n.cosignPending ? 'Needs co-sign' : 'Open note') : 'Write note'}
                        </Button>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {data.events.length > 0 ? (
        <Card withBorder>
          <Title order={3} fz="md" mb="xs">
            History
          </Title>
          <Stack gap={4}>
            {data.events.map((event) => (
              <Text key={event.id} size="sm">
                {formatDateTime(event.at, zone)}: {EVENT_LABELS[event.kind] ?? event.kind}
                {event.kind === 'cycle_decision' && event.value ? ` (${CYCLE_DECISION_LABELS[event.value as CycleDecision]})` : ''}
                {event.kind === 'prep_minimum' && event.value ? ` to ${event.value}` : ''} by {event.by}
                {event.reason ? `: ${event.reason}` : ''} · policy v{event.policyVersion}
              </Text>
            ))}
          </Stack>
        </Card>
      ) : null}
      <SessionNoteModal noteId={noteId} onClose={() => setNoteId(null)} />
    </Stack>
  );
}
