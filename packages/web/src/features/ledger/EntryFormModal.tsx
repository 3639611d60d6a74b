import { Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A ledger form: its fields in one column, sent by the submit button or Enter without reloading the
 * page. An optional line of introduction says what the entry is for. The children carry the fields,
 * the refusal and the form's own actions.
 */
export function EntryForm(props: { onSubmit: () => void; intro?: string; children: ReactNode }): React.JSX.Element {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <Stack gap="sm">
        {props.intro ? (
          <Text size="sm" c="dimmed">
            {props.intro}
          </Text>
        ) : null}
        {props.children}
      </Stack>
    </form>
  );
}

/**
 * A ledger form in a centred dialog named by its title (the dialog's accessible name). Open unless
 * `opened` says otherwise: most forms are mounted only while they are shown.
 */
export function EntryFormModal(props: {
  title: string;
  size: 'lg' | 'xl';
  onClose: () => void;
  onSubmit: () => void;
  opened?: boolean;
  intro?: string;
  children: ReactNode;
}): React.JSX.Element {
  return (
    <Modal opened={props.opened ?? true} onClose={props.onClose} title={props.title} size={props.size} centered>
      <EntryForm onSubmit={props.onSubmit} intro={props.intro}>
        {props.children}
      </EntryForm>
    </Modal>
  );
}
