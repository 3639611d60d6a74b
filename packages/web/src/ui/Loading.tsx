import { Center, Group, Loader, Text } from '@mantine/core';

/** A visible, announced loading state. */
export function Loading({ label = 'Loading…', fullPage = false }: { label?: string; fullPage?: boolean }): React.JSX.Element {
  return (
    <Center mih={fullPage ? '100vh' : 160} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}
