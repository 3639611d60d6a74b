import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { changePassword } from './auth-api';

/** Changes the password; the server then ends every session, this one included. */
export function ChangePasswordModal(props: { opened: boolean; onClose: () => void; onChanged: () => Promise<void> }): React.JSX.Element {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({ mutationFn: changePassword, onSuccess: props.onChanged });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const currentError = error?.fieldError('currentPassword');
  const newError = error?.fieldError('newPassword');
  const close = (): void => {
    setCurrent('');
    setNext('');
    setConfirm('');
    setMismatch(false);
    mutation.reset();
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title="Change password" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (next !== confirm) {
            setMismatch(true);
            return;
          }
          setMismatch(false);
          mutation.mutate({ currentPassword: current, newPassword: next });
        }}
      >
        <Stack gap="md">
          <Alert color="blue" variant="light">
            Changing your password signs you out everywhere, including here. You will sign in again with the new password.
          </Alert>
          <PasswordInput label="Current password" autoComplete="current-password" required value={current} error={currentError} onChange={(event) => setCurrent(event.currentTarget.value)} />
          <PasswordInput label="New password" autoComplete="new-password" required value={next} error={newError} onChange={(event) => setNext(event.currentTarget.value)} />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            value={confirm}
            error={mismatch ? 'The two passwords do not match' : undefined}
            onChange={(event) => setConfirm(event.currentTarget.value)}
          />
          {mutation.error && !currentError && !newError ? <ErrorAlert error={mutation.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
