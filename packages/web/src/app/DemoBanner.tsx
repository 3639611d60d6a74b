import { Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export const DEMO_BANNER_HEIGHT = 30;

/** Permanent, non-dismissable: the demo clinic must never be mistaken for a real one. */
export function DemoBanner(): React.JSX.Element {
  return (
    <Group role="status" h={DEMO_BANNER_HEIGHT} justify="center" gap={8} bg="yellow.2" c="yellow.9" wrap="nowrap" px="md">
      <IconAlertTriangle size={16} aria-hidden />
      <Text size="sm" fw={600}>
        Demo clinic: not for real patient data
      </Text>
    </Group>
  );
}
