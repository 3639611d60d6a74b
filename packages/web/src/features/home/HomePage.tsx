import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../app/session-context';
import { AdminSummary } from './AdminSummary';
import { AuditorSummary } from './AuditorSummary';
import { CareTeamSummary } from './CareTeamSummary';
import { RoleCard } from './RoleCard';
import { UrgentAlertsPanel } from '../intake/UrgentAlertsPanel';
import { IntegrationOverdueCard } from '../course/IntegrationOverdueCard';
import { ROLE_HOME } from './role-home';
import { TodayAgenda } from '../scheduling/TodayAgenda';
import { can, type StaffRole } from '@lantern/core';

function greeting(timeZone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function firstName(displayName: string): string {
  const words = displayName.replace(/,.*$/, '').split(/\s+/).filter(Boolean);
  return words[0]?.startsWith('Dr') ? displayName.replace(/,.*$/, '') : (words[0] ?? displayName);
}

function summaryFor(role: StaffRole): React.JSX.Element | null {
  switch (role) {
    case 'admin':
      return <AdminSummary />;
    case 'auditor':
      return <AuditorSummary />;
    case 'therapist':
      return <CareTeamSummary />;
    case 'physician':
    case 'nurse':
    case 'front_desk':
    case 'billing':
      return null;
  }
}

/** Home: a card for each of the user's roles, with live figures where Lantern has them. */
export function HomePage(): React.JSX.Element {
  const session = useSession();
  const today = new Intl.DateTimeFormat('en-US', { timeZone: session.clinic.timeZone, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date());
  return (
    <Stack gap="lg">
      <UrgentAlertsPanel />
      {can(session.user.roles, 'patients.clinical') ? <IntegrationOverdueCard /> : null}
      <div>
        <Title order={1} fz={26}>
          {greeting(session.clinic.timeZone)}, {firstName(session.user.displayName)}
        </Title>
        <Text c="dimmed" size="sm">
          {today} at {session.clinic.name}
        </Text>
      </div>
      {session.user.roles.some((role) => role === 'therapist' || role === 'physician' || role === 'nurse') ? <TodayAgenda /> : null}
      <SimpleGrid cols={{ base: 1, md: session.user.roles.length > 1 ? 2 : 1 }} spacing="lg" maw={session.user.roles.length > 1 ? undefined : 720}>
        {session.user.roles.map((role) => (
          <RoleCard key={role} home={ROLE_HOME[role]}>
            {summaryFor(role)}
          </RoleCard>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
