import { Button, Group, Text } from '@mantine/core';

/**
 * Cancel and submit for a ledger form. Until the form has what the entry needs, the submit button
 * waits and the form says what is still missing, rather than refusing without a word.
 */
export function FormActions(props: { submitLabel: string; pending: boolean; missing: readonly string[]; onCancel: () => void; color?: string }): React.JSX.Element {
  const waiting = props.missing.length > 0;
  return (
    <Group justify="space-between" align="center" wrap="nowrap" gap="md">
      <Text size="sm" c="dimmed" aria-live="polite" style={{ minWidth: 0 }}>
        {waiting ? `Still needed: ${props.missing.join(', ')}` : ''}
      </Text>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Button variant="default" onClick={props.onCancel} disabled={props.pending}>
          Cancel
        </Button>
        <Button type="submit" color={props.color} loading={props.pending} disabled={waiting}>
          {props.submitLabel}
        </Button>
      </Group>
    </Group>
  );
}
