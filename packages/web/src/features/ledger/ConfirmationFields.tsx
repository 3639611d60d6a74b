import { Fieldset, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Confirmation } from './ledger-api';

export interface ConfirmationDraft {
  userId: string | null;
  password: string;
  totp: string;
}

export const EMPTY_CONFIRMATION: ConfirmationDraft = { userId: null, password: '', totp: '' };

/** The draft as the API takes it, or null until a person and password are given. */
export function confirmationOf(draft: ConfirmationDraft): Confirmation | null {
  if (!draft.userId || !draft.password) return null;
  return { userId: draft.userId, password: draft.password, ...(draft.totp.trim() ? { totp: draft.totp.trim() } : {}) };
}

/**
 * A second person confirming on this device, now: they pick their own name and type their own
 * password and authenticator code. Nothing is remembered after the request.
 */
export function ConfirmationFields(props: {
  legend: string;
  who: string;
  people: ReadonlyArray<{ id: string; name: string }>;
  value: ConfirmationDraft;
  onChange: (value: ConfirmationDraft) => void;
  /** The signer is the signed-in person: no choice of name. */
  fixedPerson?: string;
}): React.JSX.Element {
  const { value, onChange } = props;
  return (
    <Fieldset legend={props.legend}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          Hand the device to the {props.who}. They confirm with their own password and the code from their authenticator app.
        </Text>
        {props.fixedPerson ? (
          <TextInput label={props.who[0]?.toUpperCase() + props.who.slice(1)} value={props.fixedPerson} readOnly />
        ) : (
          <Select
            allowDeselect={false}
            label={props.who[0]?.toUpperCase() + props.who.slice(1)}
            placeholder="Choose your name"
            data={props.people.map((p) => ({ value: p.id, label: p.name }))}
            value={value.userId}
            onChange={(userId) => onChange({ ...value, userId })}
            searchable
            required
          />
        )}
        <PasswordInput
          label={`${props.who[0]?.toUpperCase()}${props.who.slice(1)}'s password`}
          value={value.password}
          onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
          autoComplete="off"
          required
        />
        <TextInput
          label="Authenticator code"
          description="6 digits"
          inputMode="numeric"
          maxLength={6}
          value={value.totp}
          onChange={(event) => onChange({ ...value, totp: event.currentTarget.value.replace(/\D/g, '') })}
          autoComplete="one-time-code"
        />
      </Stack>
    </Fieldset>
  );
}
