import type { ReactNode } from 'react';
import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { RoleHome } from './role-home';

/** One role's card on the home page: what it is for, live figures where there are any, a way in. */
export function RoleCard(props: { home: RoleHome; children?: ReactNode }): React.JSX.Element {
  const { home } = props;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={`role-${home.title}`}>
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={36} radius="md" variant="light" color={home.color} aria-hidden>
            <home.icon size={20} />
          </ThemeIcon>
          <Title order={2} fz="lg" id={`role-${home.title}`}>
            {home.title}
          </Title>
        </Group>
        {props.children}
        <Text size="sm" c="dimmed">
          {home.upcoming}
        </Text>
        {home.link ? (
          <Group mt="auto">
            <Button component={Link} to={home.link.to} variant="light" color={home.color} size="xs" rightSection={<IconArrowRight size={14} />}>
              {home.link.label}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
