import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconMail } from '@tabler/icons-react';
import { useSession } from '../../app/session-context';
import { formatDateTime } from '../../ui/time';
import type { CreatedStaff } from './admin-api';

/** The one-time invitation link, with a copy button; it is not shown again after this. */
export function InviteLink(props: { created: CreatedStaff; onDone: () => void }): React.JSX.Element {
  const session = useSession();
  const { staff, inviteUrl, inviteExpiresAt } = props.created;
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconMail aria-hidden />}>
        {staff.displayName} ({staff.email}) is invited. The invitation was also placed in the outbox. Give them this link, which works once and
        expires {formatDateTime(inviteExpiresAt, session.clinic.timeZone)}.
      </Alert>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput label="Invitation link" value={inviteUrl} readOnly style={{ flex: 1 }} onFocus={(event) => event.currentTarget.select()} />
        <CopyButton value={inviteUrl}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        Treat the link like a password: anyone who opens it first can set the password for this account.
      </Text>
      <Group justify="flex-end">
        <Button onClick={props.onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
