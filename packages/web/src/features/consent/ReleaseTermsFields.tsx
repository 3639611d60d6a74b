import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';

export interface ReleaseTermsDraft {
  readonly recipient: string;
  readonly scope: string;
  readonly purpose: string;
  /** Empty for the clinic's default (one year from signing). */
  readonly expiresOn: string;
}

export const EMPTY_RELEASE_TERMS: ReleaseTermsDraft = { recipient: '', scope: '', purpose: '', expiresOn: '' };

/** Recipient, scope, purpose and expiry of an MHRA release, filled in with the patient before signing. */
export function ReleaseTermsFields(props: { value: ReleaseTermsDraft; onChange: (next: ReleaseTermsDraft) => void; errors: Partial<Record<keyof ReleaseTermsDraft, string>> }): React.JSX.Element {
  const set = (field: keyof ReleaseTermsDraft) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    props.onChange({ ...props.value, [field]: event.currentTarget.value });
  return (
    <Stack gap="md">
      <TextInput
        size="lg"
        label="Who may receive the records"
        description="A person or organization, e.g. “Dr. Ana Lee, Northside Family Medicine”."
        value={props.value.recipient}
        onChange={set('recipient')}
        maxLength={300}
        error={props.errors.recipient}
        required
      />
      <Textarea
        size="lg"
        label="Which records may be released"
        description="For example: treatment summary, medication list, diagnoses."
        autosize
        minRows={2}
        value={props.value.scope}
        onChange={set('scope')}
        maxLength={2000}
        error={props.errors.scope}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput size="lg" label="Purpose (optional)" value={props.value.purpose} onChange={set('purpose')} maxLength={500} error={props.errors.purpose} />
        <TextInput
          size="lg"
          type="date"
          label="Expires on (optional)"
          description="Leave empty for the clinic's default: one year from today."
          value={props.value.expiresOn}
          onChange={set('expiresOn')}
          error={props.errors.expiresOn}
        />
      </SimpleGrid>
    </Stack>
  );
}
