import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';

export interface ReasonModalProps {
  readonly opened: boolean;
  readonly title: string;
  /** What will happen, in words: the change is a new version, the old one stays in the record. */
  readonly description: ReactNode;
  readonly reasonLabel?: string;
  readonly minLength?: number;
  readonly confirmLabel: string;
  readonly color?: string;
  readonly busy: boolean;
  readonly error: ApiError | null;
  /** Extra fields above the reason (a stop date, a new dose…). */
  readonly children?: ReactNode;
  readonly canConfirm?: boolean;
  readonly onConfirm: (reason: string) => void;
  readonly onClose: () => void;
}

/**
 * Asks for the reason of a change to a clinical record before making it. Nothing clinical is edited in
 * place: the change becomes a new version carrying this reason, and the earlier one stays in the chart.
 */
export function ReasonModal(props: ReasonModalProps): React.JSX.Element {
  const [reason, setReason] = useState('');
  const min = props.minLength ?? 3;
  const close = (): void => {
    setReason('');
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim().length >= min && props.canConfirm !== false) props.onConfirm(reason.trim());
        }}
      >
        <Stack gap="md">
          <Text size="sm">{props.description}</Text>
          {props.children}
          <Textarea
            label={props.reasonLabel ?? 'Reason for the change'}
            description={`Kept with the record (at least ${min} characters).`}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            error={props.error?.fieldError('reason')}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {props.error && !props.error.fieldError('reason') ? <ErrorAlert error={props.error} title="Not saved" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={props.color ?? 'indigo'} loading={props.busy} disabled={reason.trim().length < min || props.canConfirm === false}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
