import { useState } from 'react';
import { Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { PatientProfile, PersonalContact } from '@lantern/core';
import { useCan } from '../../app/session-context';
import { formatCalendarDate } from '../../ui/time';
import { useProfile } from './chart-api';
import { ProfileEditModal } from './ProfileEditModal';
import { TabSection } from './TabSection';

function Block(props: { title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={6} style={{ letterSpacing: '0.03em' }}>
        {props.title}
      </Text>
      <Stack gap={2}>{props.children}</Stack>
    </Paper>
  );
}

function NotRecorded(): React.JSX.Element {
  return (
    <Text size="sm" c="dimmed">
      Not recorded
    </Text>
  );
}

function Contact({ contact }: { contact: PersonalContact }): React.JSX.Element {
  return (
    <Text size="sm">
      {contact.name}
      {contact.relationship ? ` (${contact.relationship})` : ''} · {contact.phone}
    </Text>
  );
}

/** The profile: names, contact, address, emergency and escort contacts, pharmacy and insurance. */
export function ProfileTab({ patientId }: { patientId: string }): React.JSX.Element {
  const profile = useProfile(patientId);
  const mayEdit = useCan('patients.edit');
  const [editing, setEditing] = useState(false);
  return (
    <TabSection
      title="Profile"
      description="Who the patient is and the people and services around their care."
      query={profile}
      actions={
        mayEdit ? (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            Edit profile
          </Button>
        ) : null
      }
    >
      {(data: PatientProfile) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Block title="Names">
              <Text size="sm">Legal: {data.legalGivenName} {data.legalFamilyName}</Text>
              <Text size="sm">Preferred: {data.preferredName ?? '—'}</Text>
              <Text size="sm">Pronouns: {data.pronouns ?? '—'}</Text>
              <Text size="sm">Date of birth: {formatCalendarDate(data.dateOfBirth)}</Text>
            </Block>
            <Block title="Contact and address">
              <Text size="sm">Phone: {data.phone ?? '—'}</Text>
              <Text size="sm">E-mail: {data.email ?? '—'}</Text>
              {data.address ? (
                <Text size="sm">
                  {data.address.line1}
                  {data.address.line2 ? `, ${data.address.line2}` : ''}, {data.address.city}, {data.address.state} {data.address.postalCode}
                </Text>
              ) : (
                <NotRecorded />
              )}
            </Block>
            <Block title="Emergency contact">{data.emergencyContact ? <Contact contact={data.emergencyContact} /> : <NotRecorded />}</Block>
            <Block title="Escorts and drivers">
              {data.escorts.length > 0 ? data.escorts.map((escort, index) => <Contact key={index} contact={escort} />) : <NotRecorded />}
              <Text size="xs" c="dimmed">
                Someone must take the patient home after every medicine session.
              </Text>
            </Block>
            <Block title="Pharmacy">
              {data.pharmacy ? (
                <Text size="sm">
                  {data.pharmacy.name}
                  {data.pharmacy.phone ? ` · ${data.pharmacy.phone}` : ''}
                  {data.pharmacy.address ? ` · ${data.pharmacy.address}` : ''}
                </Text>
              ) : (
                <NotRecorded />
              )}
            </Block>
            <Block title="Insurance">
              {data.insurance ? (
                <Text size="sm">
                  {data.insurance.payer} · member {data.insurance.memberId}
                  {data.insurance.groupNumber ? ` · group ${data.insurance.groupNumber}` : ''}
                </Text>
              ) : (
                <NotRecorded />
              )}
            </Block>
          </SimpleGrid>
          {mayEdit ? <ProfileEditModal key={data.version} profile={data} opened={editing} onClose={() => setEditing(false)} /> : null}
        </>
      )}
    </TabSection>
  );
}
