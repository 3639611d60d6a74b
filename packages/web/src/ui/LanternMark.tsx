import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';

/** The Lantern wordmark: a small flame and the name. */
export function LanternMark({ size = 'md' }: { size?: 'md' | 'lg' }): React.JSX.Element {
  const large = size === 'lg';
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={large ? 40 : 32} radius="md" variant="gradient" gradient={{ from: 'indigo.7', to: 'indigo.5', deg: 135 }} aria-hidden>
        <IconFlame size={large ? 24 : 20} color="var(--mantine-color-yellow-4)" />
      </ThemeIcon>
      <Text fw={700} fz={large ? 26 : 20} c="indigo.9" lh={1}>
        Lantern
      </Text>
    </Group>
  );
}
