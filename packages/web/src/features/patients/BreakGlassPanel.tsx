import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../../api/api-error';
import { useCan } from '../../app/session-context';
import { ErrorAlert } from '../../ui/ErrorAlert';

const MIN_REASON = 10;

/**
 * Shown when a chart is outside the user's care team: what that means, and (for clinicians) the
 * break-glass way in, with a written reason, recorded in the audit trail and reviewed.
 */
export function BreakGlassPanel(props: { patientId: string; mutation: UseMutationResult<{ expiresAt: string }, ApiError, { patientId: string; reason: string }> }): React.JSX.Element {
  const mayBreakGlass = useCan('breakglass.request');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { mutation } = props;
  const tooShort = reason.trim().length < MIN_REASON;
  const close = (): void => {
    setOpen(false);
    mutation.reset();
  };
  return (
    <>
      <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} title="This patient is not on your care team">
        <Stack gap="sm">
          <Text size="sm">
            To protect patients&apos; privacy, you can open charts only for patients you care for.
            {mayBreakGlass
              ? ' In an emergency, you may break the glass: the chart opens for a limited time, your reason and every view are recorded in the audit trail, and the access is reviewed.'
              : ' If you need this chart, ask a member of the care team or an administrator.'}
          </Text>
          {mayBreakGlass ? (
            <Group>
              <Button color="red" leftSection={<IconLockOpen size={16} />} onClick={() => setOpen(true)}>
                Break glass
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Alert>
      <Modal opened={open} onClose={close} title="Emergency access to this chart" centered size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (tooShort) return;
            mutation.mutate({ patientId: props.patientId, reason: reason.trim() }, { onSuccess: () => setOpen(false) });
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              Use this only when a patient&apos;s safety needs it now. Your name, the time and your reason go into the audit trail, and an auditor will review
              this access.
            </Text>
            <Textarea
              label="Reason for emergency access"
              description={`At least ${MIN_REASON} characters: what is happening and why you need this chart.`}
              required
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              error={mutation.error?.fieldError('reason')}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            {mutation.error && !mutation.error.fieldError('reason') ? <ErrorAlert error={mutation.error} title="Access not granted" /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={mutation.isPending} disabled={tooShort}>
                Open chart with emergency access
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
