import { Suspense } from 'react';
import { AppShell, Burger, Divider, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { UserMenu } from '../features/identity/UserMenu';
import { LanternMark } from '../ui/LanternMark';
import { Loading } from '../ui/Loading';
import { DEMO_BANNER_HEIGHT, DemoBanner } from './DemoBanner';
import { IdleTimeoutGuard } from './IdleTimeoutGuard';
import { MainNav } from './MainNav';
import { useSession } from './session-context';

const HEADER_HEIGHT = 60;

/** The signed-in frame: demo banner, header (clinic, user menu), role-aware navbar, the page. */
export function AppLayout(): React.JSX.Element {
  const session = useSession();
  const [navOpen, nav] = useDisclosure(false);
  const headerHeight = HEADER_HEIGHT + (session.demo ? DEMO_BANNER_HEIGHT : 0);
  return (
    <AppShell
      header={{ height: headerHeight }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
      styles={{ main: { backgroundColor: 'var(--mantine-color-gray-0)' } }}
    >
      <AppShell.Header>
        {session.demo ? <DemoBanner /> : null}
        <Group h={HEADER_HEIGHT} px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={navOpen ? 'Close navigation' : 'Open navigation'} />
            <LanternMark />
            <Divider orientation="vertical" visibleFrom="xs" />
            <Text fw={500} c="gray.7" truncate visibleFrom="xs">
              {session.clinic.name}
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          <MainNav onNavigate={nav.close} />
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" pt="sm">
            Times in {session.clinic.timeZone.replace('_', ' ')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loading label="Opening page…" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <IdleTimeoutGuard />
    </AppShell>
  );
}
