import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { activeItem, navFor } from './nav-items';
import { useSession } from './session-context';

/** The role-aware navigation: only what the signed-in user's capabilities allow. */
export function MainNav(props: { onNavigate?: () => void }): React.JSX.Element {
  const session = useSession();
  const { pathname } = useLocation();
  const sections = navFor(session.user.roles);
  const active = activeItem(pathname, sections.flatMap((section) => section.items));
  return (
    <div>
      <Stack gap="md">
        {sections.map((section) => (
          <div key={section.label ?? 'main'}>
            {section.label ? (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} style={{ letterSpacing: '0.04em' }}>
                {section.label}
              </Text>
            ) : null}
            {section.items.map((item) => {
              const isActive = item === active;
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                  active={isActive}
                  aria-current={isActive ? 'page' : undefined}
                  onClick={props.onNavigate}
                  styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 } }}
                />
              );
            })}
          </div>
        ))}
      </Stack>
    </div>
  );
}
