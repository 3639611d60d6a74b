import { useState } from 'react';
import { Alert, Badge, Button, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ContraindicationResultView } from '@lantern/core';
import { useCan, useSession } from '../../app/session-context';
import { formatCalendarDate, formatShortDateTime } from '../../ui/time';
import { useContraindications, useRecordClearance, useRecordOverride } from './eligibility-api';
import { ReportedConditions } from './ReportedConditions';
import { ResolutionModal } from './ResolutionModal';
import { TabSection } from './TabSection';

const LEVEL = {
  absolute: { label: 'Absolute', color: 'red', icon: IconAlertOctagon },
  relative: { label: 'Relative', color: 'orange', icon: IconAlertTriangle },
  clear: { label: 'Clear', color: 'teal', icon: IconCircleCheck },
} as const;

function ResultCard(props: { result: ContraindicationResultView; onClear?: () => void; onOverride?: () => void }): React.JSX.Element {
  const session = useSession();
  const { result } = props;
  const level = LEVEL[result.level];
  const resolution = result.resolution;
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={`${level.label}: ${result.ruleId}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <level.icon size={18} color={`var(--mantine-color-${level.color}-6)`} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm" fw={500}>
              {result.reason}
            </Text>
          </Group>
          <Badge color={level.color} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {level.label}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          Rule <code>{result.ruleId}</code>
          {result.severity ? ` · ${result.severity} severity` : ''}
        </Text>
        {result.evidence.length > 0 ? (
          <List size="xs" spacing={2}>
            {result.evidence.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        ) : null}
        {result.level === 'relative' && result.clearance.length > 0 && !resolution?.applies ? <Text size="xs">Clearance needed: {result.clearance.join('; ')}</Text> : null}
        {resolution ? (
          <Alert color={resolution.applies ? 'teal' : 'yellow'} variant="light" p="xs" title={resolution.kind === 'override' ? 'Overridden by the medical director' : 'Cleared'}>
            <Text size="xs">
              {resolution.text} — {resolution.by.displayName}, {formatShortDateTime(resolution.at, session.clinic.timeZone)}
            </Text>
            {!resolution.applies ? <Text size="xs" fw={500}>New evidence since: this needs to be {resolution.kind === 'override' ? 'overridden' : 'cleared'} again.</Text> : null}
          </Alert>
        ) : null}
        {props.onClear || props.onOverride ? (
          <Group gap="xs">
            {props.onClear ? (
              <Button size="xs" variant="light" onClick={props.onClear}>
                Document clearance
              </Button>
            ) : null}
            {props.onOverride ? (
              <Button size="xs" variant="light" color="red" onClick={props.onOverride}>
                Override
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Every contraindication rule over the chart now: absolute and relative first, with clearances and overrides. */
export function ContraindicationsTab({ patientId }: { patientId: string }): React.JSX.Element {
  const session = useSession();
  const assessment = useContraindications(patientId);
  const mayClear = useCan('eligibility.decide');
  const isDirector = session.user.roles.includes('admin') && session.user.roles.includes('physician');
  const clearance = useRecordClearance(patientId);
  const override = useRecordOverride(patientId);
  const [clearing, setClearing] = useState<ContraindicationResultView | null>(null);
  const [overriding, setOverriding] = useState<ContraindicationResultView | null>(null);
  const [showClear, setShowClear] = useState(false);
  return (
    <TabSection
      title="Contraindications"
      description="The clinic's rules (clinical.md §2) over the signed evaluations, diagnoses, medications, allergies and reported conditions, under the current policy."
      query={assessment}
    >
      {(view) => {
        const standing = view.results.filter((r) => r.level !== 'clear');
        const clear = view.results.filter((r) => r.level === 'clear');
        return (
          <>
            <Text size="sm" c="dimmed">
              Assessed {formatCalendarDate(view.assessedOn)} under policy version {view.policyVersion}
              {view.includesSelfReport ? ' · includes the intake self-report' : ''}.
            </Text>
            {standing.length === 0 ? (
              <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="No contraindication found">
                Nothing recorded on the chart triggers a rule. This is not the same as ruled out: it reflects what has been documented.
              </Alert>
            ) : null}
            {standing.map((result) => (
              <ResultCard
                key={result.ruleId}
                result={result}
                onClear={result.level === 'relative' && mayClear && !result.resolution?.applies ? () => setClearing(result) : undefined}
                onOverride={result.level === 'absolute' && isDirector && !result.resolution?.applies ? () => setOverriding(result) : undefined}
              />
            ))}
            <Group>
              <Button variant="subtle" size="xs" onClick={() => setShowClear((open) => !open)} aria-expanded={showClear}>
                {showClear ? 'Hide' : 'Show'} the {clear.length} rules screened clear
              </Button>
            </Group>
            <Collapse expanded={showClear}>
              <Stack gap="xs">
                {clear.map((result) => (
                  <ResultCard key={result.ruleId} result={result} />
                ))}
              </Stack>
            </Collapse>
            <ReportedConditions patientId={patientId} findings={view.findings} />
            <ResolutionModal
              key={`clear-${clearing?.ruleId ?? ''}`}
              result={clearing}
              kind="clearance"
              busy={clearance.isPending}
              error={clearance.error}
              onClose={() => {
                clearance.reset();
                setClearing(null);
              }}
              onSubmit={(note) => clearing && clearance.mutate({ ruleId: clearing.ruleId, note }, { onSuccess: () => setClearing(null) })}
            />
            <ResolutionModal
              key={`override-${overriding?.ruleId ?? ''}`}
              result={overriding}
              kind="override"
              busy={override.isPending}
              error={override.error}
              onClose={() => {
                override.reset();
                setOverriding(null);
              }}
              onSubmit={(reason) => overriding && override.mutate({ ruleId: overriding.ruleId, reason }, { onSuccess: () => setOverriding(null) })}
            />
          </>
        );
      }}
    </TabSection>
  );
}
