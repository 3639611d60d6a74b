import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Capability } from '@lantern/core';
import { EmptyNotice } from '../ui/EmptyNotice';
import { useCan } from './session-context';
import { HOME_PATH } from './paths';

/** Shows a page only to roles that hold `capability`; others get a plain explanation, not a blank. */
export function RequireCapability(props: { capability: Capability; children: ReactNode }): React.JSX.Element {
  const allowed = useCan(props.capability);
  if (allowed) return <>{props.children}</>;
  return (
    <EmptyNotice
      level={1}
      icon={<IconLock />}
      title="This page is not part of your role"
      description="Your roles do not include access to this page. If you need it for your work, ask a clinic administrator."
    >
      <Button component={Link} to={HOME_PATH} variant="default">
        Go to home
      </Button>
    </EmptyNotice>
  );
}
