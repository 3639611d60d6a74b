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

/** The same person chosen, their password and code cleared: a refused confirmation is typed again, never kept. */
export function withoutSecrets(draft: ConfirmationDraft): ConfirmationDraft {
  return { ...draft, password: '', totp: '' };
}

/** What an optional confirmation still lacks: nothing when nobody is chosen, the password once someone is. */
export function optionalConfirmationMissing(draft: ConfirmationDraft, who: string): string[] {
  return draft.userId && !draft.password ? [`${who}'s password`] : [];
}

/** What a required confirmation still lacks, in words. */
export function confirmationMissing(draft: ConfirmationDraft, who: string): string[] {
  return [...(draft.userId ? [] : [who]), ...(draft.password ? [] : [`${who}'s password`])];
}

function capitalised(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
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
  /** Nobody need confirm (a witness the rules do not require); once someone is chosen, their password is. */
  optional?: boolean;
  /** Name, password and code side by side, for forms that are tall already. */
  inline?: boolean;
}): React.JSX.Element {
  const { value, onChange } = props;
  const who = capitalised(props.who);
  const passwordRequired = !props.optional || value.userId !== null;
  const fields = (
    <>
      {props.fixedPerson ? (
        <TextInput label={who} value={props.fixedPerson} readOnly />
      ) : (
        <Select
          allowDeselect={Boolean(props.optional)}
          clearable={Boolean(props.optional)}
          label={who}
          placeholder={props.optional ? 'Nobody (optional)' : 'Choose your name'}
          data={props.people.map((p) => ({ value: p.id, label: p.name }))}
          value={value.userId}
          onChange={(userId) => onChange(userId ? { ...value, userId } : EMPTY_CONFIRMATION)}
          searchable
          required={!props.optional}
        />
      )}
      <PasswordInput
        label={`${who}'s password`}
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
        autoComplete="off"
        required={passwordRequired}
        disabled={!passwordRequired}
      />
      <TextInput
        label="Authenticator code"
        description={props.inline ? undefined : '6 digits'}
        placeholder={props.inline ? '6 digits' : undefined}
        inputMode="numeric"
        maxLength={6}
        value={value.totp}
        onChange={(event) => onChange({ ...value, totp: event.currentTarget.value.replace(/\D/g, '') })}
        autoComplete="one-time-code"
        disabled={!passwordRequired}
      />
    </>
  );
  return (
    <Fieldset legend={props.legend}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          Hand the device to the {props.who}. They confirm with their own password and the code from their authenticator app.
        </Text>
        {props.inline ? (
          // The code is six digits: give the name and password the room.
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.2fr) minmax(0, 1.2fr) minmax(0, 0.8fr)', gap: 'var(--mantine-spacing-sm)' }}>{fields}</div>
        ) : (
          fields
        )}
      </Stack>
    </Fieldset>
  );
}
