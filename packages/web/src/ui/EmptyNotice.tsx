import type { ReactNode } from 'react';
import { EmptyState } from '@mantine/core';

/**
 * An honest empty state: what is (not) here and what to do. The title is a real heading: level 1
 * when it stands for the whole page (not found, no access), level 2 inside a page.
 */
export function EmptyNotice(props: { icon: ReactNode; title: string; description: ReactNode; level?: 1 | 2; children?: ReactNode }): React.JSX.Element {
  return (
    <EmptyState mt="xl" icon={props.icon} withIndicatorBackground>
      <EmptyState.Title order={props.level ?? 2}>{props.title}</EmptyState.Title>
      <EmptyState.Description>{props.description}</EmptyState.Description>
      {props.children ? <EmptyState.Actions>{props.children}</EmptyState.Actions> : null}
    </EmptyState>
  );
}
