import { Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CONSENT_KIND_LABELS, type ConsentRecord } from '@lantern/core';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { formatCalendarDate } from '../../ui/time';
import { useRevokeConsent } from './consent-api';

/**
 * Records the patient's withdrawal of one consent, with the reason. The consent stays on file (shown
 * as revoked); nothing is deleted, and a treatment consent must be signed again before more care.
 */
export function RevokeConsentModal(props: { patientId: string; consent: ConsentRecord | null; onClose: () => void }): React.JSX.Element {
  const revoke = useRevokeConsent(props.patientId);
  const [reason, setReason] = useState('');
  const close = (): void => {
    setReason('');
    revoke.reset();
    props.onClose();
  };
  const consent = props.consent;
  return (
    <ConfirmModal
      opened={consent !== null}
      title="Record a revocation"
      confirmLabel="Record revocation"
      color="red"
      busy={revoke.isPending}
      error={revoke.error}
      onClose={close}
      onConfirm={() => {
        if (!consent || reason.trim().length < 5) return;
        revoke.mutate(
          { consentId: consent.id, reason: reason.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'Revocation recorded' });
              close();
            },
          },
        );
      }}
    >
      {consent ? (
        <Stack gap="sm">
          <Text size="sm">
            The patient withdraws their {CONSENT_KIND_LABELS[consent.kind].toLowerCase()} (version {consent.documentVersion}, signed{' '}
            {formatCalendarDate(consent.signedOn)}). The signed record stays on file, marked revoked.
          </Text>
          <Textarea
            label="Reason"
            description="How the patient withdrew and why, in a sentence (at least 5 characters)."
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
            required
          />
        </Stack>
      ) : null}
    </ConfirmModal>
  );
}
