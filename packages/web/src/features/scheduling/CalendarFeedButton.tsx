import { Button, CopyButton, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarShare } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useCalendarFeed, useRenewFeed } from './scheduling-api';

/** The signed-in staff member's private calendar feed: make a new address (shown once) or revoke it. */
export function CalendarFeedButton(): React.JSX.Element {
  const feed = useCalendarFeed();
  const change = useRenewFeed();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <Popover width={380} position="bottom-end" withArrow>
      <Popover.Target>
        <Button variant="default" leftSection={<IconCalendarShare size={16} aria-hidden />}>
          Calendar feed
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">Subscribe to your appointments in your phone or desktop calendar. Events show the type, time and room, never patient names.</Text>
          <Text size="sm" c="dimmed">{feed.data?.active ? 'Your feed is active.' : 'You have no feed yet.'}</Text>
          {url ? (
            <>
              <TextInput label="Your private feed address (shown once)" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={url}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy address'}</Button>}</CopyButton>
            </>
          ) : null}
          {change.isError ? <ErrorAlert error={change.error} title="Not changed" /> : null}
          <Button size="xs" onClick={() => change.mutate('renew', { onSuccess: (view) => setUrl(view.url) })} loading={change.isPending}>
            {feed.data?.active ? 'Make a new address (the old one stops working)' : 'Create feed address'}
          </Button>
          {feed.data?.active ? (
            <Button size="xs" color="red" variant="subtle" onClick={() => change.mutate('revoke', { onSuccess: () => setUrl(null) })}>
              Revoke feed
            </Button>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
