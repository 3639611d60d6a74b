import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's title (the one h1), a line saying what the page is for, and its main actions. */
export function PageHeader(props: { title: string; description?: ReactNode; actions?: ReactNode }): React.JSX.Element {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap" gap="md">
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {props.title}
        </Title>
        {props.description ? (
          <Text c="dimmed" size="sm" maw={640}>
            {props.description}
          </Text>
        ) : null}
      </Stack>
      {props.actions ? (
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          {props.actions}
        </Group>
      ) : null}
    </Group>
  );
}
