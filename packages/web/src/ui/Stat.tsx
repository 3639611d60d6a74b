import { Skeleton, Stack, Text } from '@mantine/core';

/** A labelled figure; a skeleton while it loads and a dash (with a reason) when it failed. */
export function Stat(props: { label: string; value: number | undefined; loading: boolean; failed?: boolean }): React.JSX.Element {
  return (
    <Stack gap={0}>
      {props.loading ? (
        <Skeleton h={30} w={48} my={2} />
      ) : (
        <Text fz={28} fw={700} lh={1.2} title={props.failed ? 'Could not load' : undefined}>
          {props.failed || props.value === undefined ? '–' : props.value.toLocaleString('en-US')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
    </Stack>
  );
}
