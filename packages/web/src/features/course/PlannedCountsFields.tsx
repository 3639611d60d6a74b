import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { PLANNED_COUNT_MAX, type PlannedCounts } from '@lantern/core';
import { COUNTED_PHASES, draftOf, sameCounts, type CountsDraft } from './planned-counts-form';

interface PlannedCountsFieldsProps {
  /** The clinic policy's counts, what the draft starts from. */
  readonly policy: PlannedCounts;
  readonly policyVersion: number;
  readonly draft: CountsDraft;
  readonly onChange: (draft: CountsDraft) => void;
  /** The message for a field (`preparation.max`), from the form's own check or the server's refusal. */
  readonly errorOf: (path: string) => string | undefined;
}

/** The new plan's planned session counts per phase: the clinic policy's, changeable for this plan. */
export function PlannedCountsFields({ policy, policyVersion, draft, onChange, errorOf }: PlannedCountsFieldsProps): React.JSX.Element {
  const set = (phase: keyof CountsDraft, end: 'min' | 'max', value: number | string): void => onChange({ ...draft, [phase]: { ...draft[phase], [end]: value } });
  return (
    <Card withBorder component="section" aria-labelledby="planned-counts-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} fz="md" id="planned-counts-title">
              Planned sessions per phase
            </Title>
            <Text size="sm" c="dimmed">
              Starts from the clinic policy (version {policyVersion}); change them for this plan if needed.
            </Text>
          </div>
          {sameCounts(draft, policy) ? null : (
            <Button size="xs" variant="subtle" onClick={() => onChange(draftOf(policy))}>
              Use the clinic policy
            </Button>
          )}
        </Group>
        <Stack gap={0}>
          {COUNTED_PHASES.map(({ key, legend }, index) => {
            const errors = (['min', 'max'] as const).map((end) => errorOf(`${key}.${end}`));
            const messages = [...new Set(errors.filter((message) => message !== undefined))];
            const messageId = `planned-${key}-error`;
            return (
              <Stack key={key} gap={4} role="group" aria-labelledby={`planned-${key}-label`} py="xs" style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}>
                <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
                  <div>
                    <Text size="sm" fw={500} id={`planned-${key}-label`}>
                      {legend}
                    </Text>
                    <Text size="xs" c="dimmed">
                      Clinic policy: {policy[key].min}–{policy[key].max}
                    </Text>
                  </div>
                  <Group gap="sm" wrap="nowrap">
                    {(['min', 'max'] as const).map((end, i) => (
                      <NumberInput
                        key={end}
                        w={104}
                        label={end === 'min' ? 'Min' : 'Max'}
                        aria-label={`${legend}, ${end === 'min' ? 'minimum' : 'maximum'}`}
                        aria-describedby={errors[i] ? messageId : undefined}
                        min={0}
                        max={PLANNED_COUNT_MAX}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="none"
                        value={draft[key][end]}
                        onChange={(value) => set(key, end, value)}
                        error={errors[i] !== undefined}
                      />
                    ))}
                  </Group>
                </Group>
                {messages.length > 0 ? (
                  <Text size="xs" c="red" ta="right" id={messageId}>
                    {messages.join(' ')}
                  </Text>
                ) : null}
              </Stack>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}
