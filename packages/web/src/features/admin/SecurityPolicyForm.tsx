import { useState } from 'react';
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { securityPolicy, type SecurityPolicy } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSavePolicy, type PolicyVersionView } from './admin-api';
import { SECURITY_FIELDS } from './policy-fields';

type Draft = Record<keyof SecurityPolicy, number | string>;

/** The security section of the policy as NumberInputs, checked against the shared schema first. */
export function SecurityPolicyForm({ current }: { current: PolicyVersionView }): React.JSX.Element {
  const [draft, setDraft] = useState<Draft>(current.policy.security);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Partial<Record<keyof SecurityPolicy, string>>>({});
  const save = useSavePolicy();
  const changed = SECURITY_FIELDS.some((field) => Number(draft[field.key]) !== current.policy.security[field.key]);

  const submit = (): void => {
    const parsed = securityPolicy.safeParse(Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, value === '' ? undefined : Number(value)])));
    if (!parsed.success) {
      const found: Partial<Record<keyof SecurityPolicy, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = SECURITY_FIELDS.find((candidate) => candidate.key === issue.path[0]);
        if (field) found[field.key] = `Enter a whole number from ${field.min} to ${field.max}`;
      }
      setProblems(found);
      return;
    }
    setProblems({});
    save.mutate(
      { policy: { ...current.policy, security: parsed.data }, note: note.trim() || null },
      { onSuccess: (saved) => notifications.show({ color: 'teal', title: 'Policy saved', message: `Version ${saved.version} is now in force.` }) },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Paper withBorder radius="md" p="lg">
        <Stack gap="lg">
          <div>
            <Title order={2} fz="lg">
              Security
            </Title>
            <Text size="sm" c="dimmed">
              Sign-in, sessions, locks and emergency access.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="lg">
            {SECURITY_FIELDS.map((field) => (
              <NumberInput
                key={field.key}
                label={field.label}
                description={field.description}
                rightSection={<Text size="xs" c="dimmed" pr="xs">{field.unit}</Text>}
                rightSectionWidth={field.unit.length * 7 + 20}
                min={field.min}
                max={field.max}
                allowDecimal={false}
                allowNegative={false}
                value={draft[field.key]}
                error={problems[field.key]}
                onChange={(value) => setDraft((previous) => ({ ...previous, [field.key]: value }))}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            ))}
          </SimpleGrid>
          <TextInput
            label="Note for this version"
            description="Why the change: kept with the version for later review (optional)."
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {save.error ? <ErrorAlert error={save.error} title="Policy not saved" /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!changed && note.trim() === ''}>
              Save as version {current.version + 1}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
