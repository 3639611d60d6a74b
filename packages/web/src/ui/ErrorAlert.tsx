import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { messageOf } from '../api/api-error';

/** A failed load or action, in words, with a retry when there is something to retry. */
export function ErrorAlert(props: { error: unknown; title?: string; onRetry?: () => void }): React.JSX.Element {
  return (
    <Alert color="red" variant="light" title={props.title ?? 'Something went wrong'} icon={<IconAlertTriangle aria-hidden />}>
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{messageOf(props.error)}</Text>
        {props.onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={props.onRetry}>
            Try again
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
