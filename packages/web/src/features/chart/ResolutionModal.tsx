import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { ContraindicationResultView } from '@lantern/core';
import type { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { unmetOf } from './eligibility-api';
import { UnmetList } from './UnmetList';

/**
 * Documents a clearance (relative) or a medical-director override (absolute) of one rule. Both are
 * kept with the evidence they weighed; new evidence later asks for them again.
 */
export function ResolutionModal(props: {
  result: ContraindicationResultView | null;
  kind: 'clearance' | 'override';
  busy: boolean;
  error: ApiError | null;
  onSubmit: (text: string) => void;
  onClose: () => void;
}): React.JSX.Element {
  const [text, setText] = useState('');
  const override = props.kind === 'override';
  const close = (): void => {
    setText('');
    props.onClose();
  };
  return (
    <Modal opened={props.result !== null} onClose={close} title={override ? 'Override an absolute contraindication' : 'Document a clearance'} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) props.onSubmit(text.trim());
        }}
      >
        <Stack gap="md">
          <Text size="sm" fw={500}>
            {props.result?.reason}
          </Text>
          {override ? (
            <Text size="sm">
              Only the medical director may override a hard stop. Your reason, your name and the evidence it covers are recorded and audited; new evidence later re-opens it.
            </Text>
          ) : (
            <Text size="sm">
              Needed: {props.result?.clearance.join('; ') || 'a documented clearance'}. Write what was done, e.g. “EKG reviewed 2026-11-20, normal sinus rhythm”.
            </Text>
          )}
          <Textarea
            label={override ? 'Reason for the override' : 'Clearance'}
            required
            autosize
            minRows={3}
            maxLength={override ? 2000 : 1000}
            value={text}
            error={props.error?.fieldError(override ? 'reason' : 'note')}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <UnmetList title="Not recorded yet" items={unmetOf(props.error)} color="red" />
          {props.error && unmetOf(props.error).length === 0 && props.error.errors.length === 0 ? <ErrorAlert error={props.error} title="Not recorded" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={override ? 'red' : 'indigo'} loading={props.busy} disabled={text.trim() === ''}>
              {override ? 'Record override' : 'Record clearance'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
