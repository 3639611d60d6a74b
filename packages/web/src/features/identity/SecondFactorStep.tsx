import { useState } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';

type Factor = { totp: string } | { recoveryCode: string };

/** The second sign-in step: the authenticator's 6-digit code, or one of the saved recovery codes. */
export function SecondFactorStep(props: { busy: boolean; error?: string; onSubmit: (factor: Factor) => void; onBack: () => void }): React.JSX.Element {
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  const [value, setValue] = useState('');
  const isTotp = mode === 'totp';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = value.replace(/\s+/g, '');
        props.onSubmit(isTotp ? { totp: trimmed } : { recoveryCode: trimmed });
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          {isTotp
            ? 'Open your authenticator app and enter the 6-digit code it shows for Lantern.'
            : 'Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once.'}
        </Text>
        {isTotp ? (
          <TextInput
            key="totp"
            label="6-digit code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            autoFocus
            value={value}
            error={props.error}
            onChange={(event) => setValue(event.currentTarget.value)}
            styles={{ input: { letterSpacing: '0.3em', fontSize: 20 } }}
          />
        ) : (
          <TextInput
            key="recovery"
            label="Recovery code"
            placeholder="ABCDE-12345"
            autoComplete="off"
            required
            autoFocus
            value={value}
            error={props.error}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
        )}
        <Button type="submit" loading={props.busy} fullWidth>
          Verify and sign in
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={props.onBack}>
            Back
          </Anchor>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setMode(isTotp ? 'recovery' : 'totp');
              setValue('');
            }}
          >
            {isTotp ? 'Use a recovery code instead' : 'Use the authenticator app instead'}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
