import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanternMark } from './LanternMark';

/** The frame of the pages shown outside the app shell: sign-in, invitation, MFA enrolment. */
export function CenteredCard(props: { title: string; subtitle?: ReactNode; width?: number; children: ReactNode }): React.JSX.Element {
  return (
    <Box mih="100vh" bg="gray.0" py={48} px="md">
      <Center>
        <Stack w="100%" maw={props.width ?? 440} gap="lg">
          <Center>
            <LanternMark size="lg" />
          </Center>
          <Paper withBorder shadow="sm" radius="md" p="xl" component="main">
            <Stack gap="md">
              <div>
                <Title order={1} fz={24}>
                  {props.title}
                </Title>
                {props.subtitle ? (
                  <Text c="dimmed" size="sm" mt={4}>
                    {props.subtitle}
                  </Text>
                ) : null}
              </div>
              {props.children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
