import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, List, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRefreshAlert, IconTrash } from '@tabler/icons-react';
import type { EligibilityDecisionView, EligibilityOutcome, EligibilityView } from '@lantern/core';
import { useCan, useSession } from '../../app/session-context';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/time';
import { EligibilityBadge } from './EligibilityBadge';
import { unmetOf, useEligibility, useRecordDecision } from './eligibility-api';
import { TabSection } from './TabSection';
import { UnmetList } from './UnmetList';

const OUTCOMES: readonly (readonly [EligibilityOutcome, string])[] = [
  ['eligible', 'Eligible'],
  ['eligible_with_conditions', 'Eligible with conditions'],
  ['not_eligible', 'Not eligible'],
];
const OUTCOME_LABEL = Object.fromEntries(OUTCOMES) as Record<EligibilityOutcome, string>;

function DecisionCard({ decision, current }: { decision: EligibilityDecisionView; current: boolean }): React.JSX.Element {
  const session = useSession();
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={current ? 'Current decision' : 'Earlier decision'}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{OUTCOME_LABEL[decision.outcome]}</Text>
          {!current ? <Badge variant="outline" color="gray" tt="none">Superseded</Badge> : null}
        </Group>
        <Text size="sm" c="dimmed">
          Signed by {decision.decidedBy.displayName}, {formatDateTime(decision.decidedAt, session.clinic.timeZone)} · policy version {decision.policyVersion}
        </Text>
        {decision.conditions.length > 0 ? (
          <List size="sm" spacing={2} aria-label="Conditions of eligibility">
            {decision.conditions.map((condition) => (
              <List.Item key={condition}>{condition}</List.Item>
            ))}
          </List>
        ) : null}
        {decision.clearances.map((c) => (
          <Text key={c.ruleId} size="xs" c="dimmed">Cleared {c.ruleId}: {c.note}</Text>
        ))}
        {decision.overrides.map((o) => (
          <Text key={o.ruleId} size="xs" c="red">Overridden {o.ruleId}: {o.reason}</Text>
        ))}
        {decision.reopened ? (
          <Alert color="orange" variant="light" icon={<IconRefreshAlert aria-hidden />} title={`Re-opened ${formatDateTime(decision.reopened.at, session.clinic.timeZone)}`}>
            <Text size="sm">{decision.reopened.reason}</Text>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function DecisionForm({ patientId, view }: { patientId: string; view: EligibilityView }): React.JSX.Element {
  const [outcome, setOutcome] = useState<EligibilityOutcome | null>(null);
  const [conditions, setConditions] = useState<string[]>(['']);
  const [confirming, setConfirming] = useState(false);
  const record = useRecordDecision(patientId);
  const listed = conditions.map((c) => c.trim()).filter((c) => c !== '');
  const unmet = outcome ? view.unmetByOutcome[outcome] : [];
  const needsConditions = outcome === 'eligible_with_conditions' && listed.length === 0;
  const blocked = unmetOf(record.error);
  return (
    <Paper withBorder radius="md" p="md" component="form" aria-label="Record the eligibility decision" onSubmit={(event: React.FormEvent) => {
      event.preventDefault();
      setConfirming(true);
    }}>
      <Stack gap="md">
        <Title order={3} fz="md">
          {view.current ? 'Record a new decision' : 'Record the decision'}
        </Title>
        <Radio.Group label="Determination" value={outcome ?? ''} onChange={(value) => setOutcome(value as EligibilityOutcome)} required>
          <Group gap="lg" mt={4}>
            {OUTCOMES.map(([value, label]) => (
              <Radio key={value} value={value} label={label} />
            ))}
          </Group>
        </Radio.Group>
        {outcome === 'eligible_with_conditions' ? (
          <Stack gap="xs">
            {conditions.map((condition, index) => (
              <Group key={index} gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={`Condition ${index + 1}`}
                  placeholder="e.g. Oral route only for the first two sessions"
                  maxLength={500}
                  value={condition}
                  onChange={(e) => setConditions(conditions.map((c, i) => (i === index ? e.currentTarget.value : c)))}
                  error={needsConditions && index === 0 ? 'List the conditions of eligibility' : undefined}
                />
                <ActionIcon mt={24} variant="subtle" color="red" size="lg" aria-label={`Remove condition ${index + 1}`} disabled={conditions.length === 1} onClick={() => setConditions(conditions.filter((_, i) => i !== index))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={conditions.length >= 20} onClick={() => setConditions([...conditions, ''])}>
                Add a condition
              </Button>
            </Group>
          </Stack>
        ) : null}
        <UnmetList title="This decision cannot be recorded yet" items={blocked.length > 0 ? blocked : unmet} />
        {record.error && blocked.length === 0 ? <ErrorAlert error={record.error} title="Decision not recorded" /> : null}
        <Group justify="flex-end">
          <Button type="submit" disabled={!outcome || unmet.length > 0 || needsConditions}>
            Sign decision
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title="Sign the eligibility decision?"
        confirmLabel="Sign decision"
        busy={record.isPending}
        error={record.error && blocked.length === 0 ? record.error : null}
        onClose={() => {
          record.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          outcome &&
          record.mutate(
            { outcome, conditions: outcome === 'eligible_with_conditions' ? listed : [], supersedes: view.current?.id ?? null },
            {
              onSuccess: () => {
                setConfirming(false);
                setOutcome(null);
                setConditions(['']);
                notifications.show({ color: 'teal', title: 'Decision recorded', message: `${OUTCOME_LABEL[outcome]}, signed with your name.` });
              },
              onError: () => setConfirming(false),
            },
          )
        }
      >
        <Text size="sm">
          {outcome ? `“${OUTCOME_LABEL[outcome]}”` : 'The decision'} is recorded with your signature, the contraindication assessment and the policy version in force. It cannot be edited; a later decision supersedes it.
        </Text>
      </ConfirmModal>
    </Paper>
  );
}

/** The eligibility decision: where it stands, what is still missing, and (for physicians) the signed decision. */
export function EligibilityTab({ patientId }: { patientId: string }): React.JSX.Element {
  const eligibility = useEligibility(patientId);
  const mayDecide = useCan('eligibility.decide');
  return (
    <TabSection
      title="Eligibility"
      description="Recorded by a physician once the therapist evaluation and the physician exam are both signed. It is the gate before any medicine session, and re-opens when new contraindicating information is entered."
      query={eligibility}
    >
      {(view) => (
        <>
          <Group gap="sm">
            <EligibilityBadge status={view.status} />
            <Text size="sm" c="dimmed">
              Therapist evaluation {view.therapistEvaluationSigned ? 'signed' : 'not signed yet'} · physician exam {view.physicianExamSigned ? 'signed' : 'not signed yet'}
            </Text>
          </Group>
          {view.current ? <DecisionCard decision={view.current} current /> : null}
          {mayDecide ? <DecisionForm patientId={patientId} view={view} /> : <UnmetList title="Before a physician can record the decision" items={view.unmetByOutcome.not_eligible.filter((u) => u.code !== 'decided_by_physician')} />}
          {view.history.slice(1).map((decision) => (
            <DecisionCard key={decision.id} decision={decision} current={false} />
          ))}
        </>
      )}
    </TabSection>
  );
}
