import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, CopyButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconAlertTriangle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { ME_KEY } from '../../api/session';
import { HOME_PATH } from '../../app/paths';

function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The recovery codes, shown once: copy or download them, and say they are saved before going on. */
export function RecoveryCodes(props: { codes: readonly string[]; email: string }): React.JSX.Element {
  const [saved, setSaved] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const asText = [`Lantern recovery codes for ${props.email}`, 'Each code signs you in once. Keep them somewhere safe.', '', ...props.codes, ''].join('\n');
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        Keep these somewhere safe and private, such as a password manager. Anyone with a code and your password can sign in as you.
      </Alert>
      <Paper withBorder p="md" radius="sm" bg="gray.0">
        <List listStyleType="none" aria-label="Recovery codes" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px 16px' }}>
          {props.codes.map((code) => (
            <List.Item key={code} ff="monospace" fz="md">
              {code}
            </List.Item>
          ))}
        </List>
      </Paper>
      <Group gap="sm">
        <CopyButton value={props.codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => downloadText('lantern-recovery-codes.txt', asText)}>
          Download .txt
        </Button>
      </Group>
      <Checkbox label="I have saved these recovery codes somewhere safe" checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />
      <Text size="xs" c="dimmed">
        You can continue once you have saved them.
      </Text>
      <Button
        disabled={!saved}
        loading={leaving}
        onClick={() => {
          setLeaving(true);
          // The session now counts as MFA-satisfied; reload it before entering the app.
          void queryClient.invalidateQueries({ queryKey: ME_KEY }).then(() => navigate(HOME_PATH, { replace: true }));
        }}
      >
        Continue to Lantern
      </Button>
    </Stack>
  );
}
