import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BreakGlassGrant } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useReviewGrant } from './audit-api';

/** Records the review of one break-glass grant: was the emergency access justified? */
export function ReviewGrantModal(props: { grant: BreakGlassGrant | null; onClose: () => void }): React.JSX.Element {
  const [note, setNote] = useState('');
  const review = useReviewGrant();
  const close = (): void => {
    setNote('');
    review.reset();
    props.onClose();
  };
  const noteError = review.error?.fieldError('note');
  return (
    <Modal opened={props.grant !== null} onClose={close} title="Review emergency access" centered size="lg">
      {props.grant ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!props.grant) return;
            review.mutate(
              { id: props.grant.id, note: note.trim() },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: 'Review recorded' });
                  close();
                },
              },
            );
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              <strong>{props.grant.userName}</strong> opened chart <strong>{props.grant.patientMrn}</strong> with the reason:
            </Text>
            <Text size="sm" p="sm" bg="gray.0" style={{ borderLeft: '3px solid var(--mantine-color-red-4)', borderRadius: 4 }}>
              {props.grant.reason}
            </Text>
            <Textarea
              label="Review note"
              description="Your finding: was the access justified, and was anything followed up?"
              required
              autosize
              minRows={3}
              maxLength={2000}
              value={note}
              error={noteError}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            {review.error && !noteError ? <ErrorAlert error={review.error} title="Review not recorded" /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={review.isPending} disabled={note.trim() === ''}>
                Record review
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
