import { Alert, List, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';

/** What still stops a step (signing, a decision), each reason in a clinician's words. */
export function UnmetList(props: { title: string; items: readonly { code: string; message: string }[]; color?: string }): React.JSX.Element | null {
  if (props.items.length === 0) return null;
  return (
    <Alert color={props.color ?? 'yellow'} variant="light" icon={<IconListCheck aria-hidden />} title={props.title}>
      <List size="sm" spacing={4} aria-label={props.title}>
        {props.items.map((item, index) => (
          <List.Item key={`${item.code}-${index}`}>
            <Text size="sm">{item.message}</Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
