import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, CopyButton, Group, Image, List, Stack, TextInput, Tooltip, ActionIcon } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { MfaEnrolmentStart } from '@lantern/core';
import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { confirmEnrolment } from './mfa-api';

/** Groups the base32 secret in fours so it can be typed without losing one's place. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** Step one of enrolment: the QR code, the key for typing in by hand, and the code that proves it. */
export function EnrolmentScan(props: { enrolment: MfaEnrolmentStart; onConfirmed: (codes: string[]) => void }): React.JSX.Element {
  const [code, setCode] = useState('');
  const mutation = useMutation({ mutationFn: confirmEnrolment, onSuccess: props.onConfirmed });
  const codeError = mutation.error instanceof ApiError ? mutation.error.fieldError('code') : undefined;
  return (
    <Stack gap="md">
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Image
          src={props.enrolment.qrDataUrl}
          alt="QR code to add Lantern to your authenticator app"
          w={176}
          h={176}
          fit="contain"
          radius="sm"
          style={{ border: '1px solid var(--mantine-color-gray-3)', flexShrink: 0 }}
        />
        <Stack gap="xs">
          <List type="ordered" size="sm" spacing={6}>
            <List.Item>Open your authenticator app and add an account.</List.Item>
            <List.Item>Scan this QR code with the app.</List.Item>
            <List.Item>Enter the 6-digit code the app shows.</List.Item>
          </List>
          <Group gap={6} wrap="nowrap" align="flex-end" mt="xs">
            <TextInput
              label="Setup key"
              description="Cannot scan? Type this key into the app instead."
              value={grouped(props.enrolment.secret)}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              style={{ flex: 1 }}
            />
            <CopyButton value={props.enrolment.secret}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy key'}>
                  <ActionIcon variant="default" size={36} onClick={copy} aria-label="Copy setup key">
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Group>
      {mutation.error && !codeError ? <ErrorAlert error={mutation.error} /> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(code.replace(/\s+/g, ''));
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="6-digit code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={7}
            value={code}
            error={codeError}
            onChange={(event) => setCode(event.currentTarget.value)}
            styles={{ input: { letterSpacing: '0.3em', fontSize: 18 } }}
          />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            Confirm
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
