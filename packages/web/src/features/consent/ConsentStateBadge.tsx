import { Badge } from '@mantine/core';
import type { ConsentState, ReleaseState } from '@lantern/core';

const STATE: Record<ConsentState | ReleaseState, { label: string; color: string }> = {
  current: { label: 'Current', color: 'teal' },
  active: { label: 'Active', color: 'teal' },
  outdated: { label: 'Re-consent needed', color: 'orange' },
  missing: { label: 'Not signed', color: 'gray' },
  expired: { label: 'Expired', color: 'red' },
  revoked: { label: 'Revoked', color: 'red' },
};

/** A consent's state in words and colour (the words carry the meaning; colour only helps). */
export function ConsentStateBadge({ state }: { state: ConsentState | ReleaseState }): React.JSX.Element {
  const { label, color } = STATE[state];
  return (
    <Badge color={color} variant="light" size="md" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }} style={{ whiteSpace: 'nowrap' }}>
      {label}
    </Badge>
  );
}
