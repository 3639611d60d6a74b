import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';

/** A chart tab's frame: its heading, what it is for, its actions, and the load state of its data. */
export function TabSection<T>(props: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  query: UseQueryResult<T, ApiError>;
  children: (data: T) => ReactNode;
}): React.JSX.Element {
  const { query } = props;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <div>
          <Title order={2} fz="lg">
            {props.title}
          </Title>
          {props.description ? (
            <Text size="sm" c="dimmed" maw={620}>
              {props.description}
            </Text>
          ) : null}
        </div>
        {props.actions && query.data !== undefined ? <Group gap="xs" wrap="nowrap">{props.actions}</Group> : null}
      </Group>
      {query.isPending ? <Loading label={`Loading ${props.title.toLowerCase()}…`} /> : null}
      {query.isError ? (
        <ErrorAlert
          error={query.error}
          title={query.error.code === 'out_of_scope' ? 'This part of the chart is not open to you' : `${props.title} could not be loaded`}
          onRetry={query.error.status >= 500 || query.error.status === 0 ? () => void query.refetch() : undefined}
        />
      ) : null}
      {query.data !== undefined ? props.children(query.data) : null}
    </Stack>
  );
}
