import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { ConvertInquiryResponse, InquiryDetail } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCalendarDate } from '../../ui/time';
import { duplicateCandidates, useConvertInquiry, type ConvertInput } from './intake-api';

const MATCH_WORDS: Record<string, string> = { dateOfBirth: 'date of birth', givenName: 'first name', familyName: 'last name', email: 'e-mail', phone: 'phone' };

/**
 * Turns the inquiry into a chart, carrying its name, date of birth and contact over. If Lantern finds
 * charts that look like the same person, it shows them: link to one, or confirm this is someone new.
 */
export function ConvertInquiryModal(props: { inquiry: InquiryDetail; opened: boolean; onClose: () => void; onConverted: (result: ConvertInquiryResponse) => void }): React.JSX.Element {
  const { inquiry } = props;
  const convert = useConvertInquiry(inquiry.id);
  const [dateOfBirth, setDateOfBirth] = useState('');
  const candidates = duplicateCandidates(convert.error);
  const needsDob = inquiry.dateOfBirth === null;
  const send = (input: ConvertInput): void => {
    convert.mutate({ ...(needsDob ? { dateOfBirth } : {}), ...input }, { onSuccess: props.onConverted });
  };
  const otherError = convert.isError && candidates.length === 0 ? convert.error : null;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Convert to patient" size="lg">
      <Stack gap="md">
        <Text size="sm">
          A chart will be created for <strong>{`${inquiry.givenName} ${inquiry.familyName}`}</strong>
          {inquiry.preferredName ? ` (goes by ${inquiry.preferredName})` : ''}, born {inquiry.dateOfBirth ? formatCalendarDate(inquiry.dateOfBirth) : 'on the date below'}, with{' '}
          {[inquiry.email, inquiry.phone].filter(Boolean).join(' and ') || 'no contact details'}.
        </Text>
        {needsDob ? (
          <TextInput
            label="Date of birth"
            description="The inquiry gave only an age."
            type="date"
            value={dateOfBirth}
            onChange={(event) => setDateOfBirth(event.currentTarget.value)}
            error={convert.error?.fieldError('dateOfBirth')}
            required
          />
        ) : null}
        {candidates.length > 0 ? (
          <Alert color="orange" variant="light" icon={<IconCopy aria-hidden />} title="This may be someone who already has a chart">
            <Stack gap="xs">
              <Text size="sm">{convert.error?.detail}</Text>
              {candidates.map((candidate) => (
                <Paper key={candidate.patientId} withBorder p="sm" radius="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <div>
                      <Text size="sm" fw={600}>
                        {candidate.name ?? 'A chart outside your care team'} · <span style={{ fontFamily: 'monospace' }}>{candidate.mrn}</span>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {candidate.dateOfBirth ? `Born ${formatCalendarDate(candidate.dateOfBirth)} · ` : ''}Same {candidate.matchedOn.map((field) => MATCH_WORDS[field] ?? field).join(', ')} · match {Math.round(candidate.score * 100)}%
                      </Text>
                    </div>
                    <Button size="xs" variant="light" onClick={() => send({ existingPatientId: candidate.patientId })} loading={convert.isPending}>
                      Link to {candidate.mrn}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {otherError ? <ErrorAlert error={otherError} title="The chart was not created" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          {candidates.length > 0 ? (
            <Button color="orange" onClick={() => send({ confirmNotDuplicate: true })} loading={convert.isPending}>
              This is someone new: create a chart
            </Button>
          ) : (
            <Button onClick={() => send({})} loading={convert.isPending} disabled={needsDob && dateOfBirth === ''}>
              Create chart
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
