import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ChartHeader as ChartHeaderData } from '@lantern/core';
import { patientConsentsPath } from '../../app/paths';
import { useCan, useSession } from '../../app/session-context';
import { PatientStatusBadge } from '../../ui/PatientStatusBadge';
import { formatCalendarDate, formatShortDateTime } from '../../ui/time';
import { CareTeamModal } from './CareTeamModal';
import { EligibilityBadge } from './EligibilityBadge';

const CARE_ROLE = { therapist: 'Therapist', physician: 'Physician', nurse: 'Nurse' } as const;

function Field(props: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.03em' }}>
        {props.label}
      </Text>
      <Text size="sm" component="div">
        {props.children}
      </Text>
    </Stack>
  );
}

/** The chart header: who the patient is, how to address them, who cares for them, and where eligibility stands. */
export function ChartHeader({ header }: { header: ChartHeaderData }): React.JSX.Element {
  const session = useSession();
  const mayManageTeam = useCan('careteam.manage');
  const mayCollectConsent = useCan('consent.collect');
  const [teamOpen, setTeamOpen] = useState(false);
  const { eligibility } = header;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Chart header">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title order={1} fz={24}>
              {header.legalName}
            </Title>
            <Text c="dimmed" size="sm">
              {[header.preferredName ? `Goes by ${header.preferredName}` : null, header.pronouns].filter(Boolean).join(' · ') || 'No preferred name or pronouns recorded'}
            </Text>
          </div>
          <Group gap="xs">
            <Badge variant="outline" color="gray" size="lg" ff="monospace" tt="none" aria-label={`MRN ${header.mrn}`}>
              {header.mrn}
            </Badge>
            <PatientStatusBadge status={header.status} size="lg" />
            <EligibilityBadge status={eligibility.status} />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Field label="Date of birth">
            {formatCalendarDate(header.dateOfBirth)}
            {header.ageYears !== null ? ` (age ${header.ageYears})` : ''}
          </Field>
          <Field label="Eligibility decision">
            {eligibility.decidedAt ? `Decided ${formatShortDateTime(eligibility.decidedAt, session.clinic.timeZone)}` : 'No decision yet'}
          </Field>
          <Field label="Care team">
            {header.careTeam.length === 0
              ? 'None assigned'
              : header.careTeam.map((member) => (
                  <div key={`${member.userId}-${member.role}`}>
                    {member.displayName}{' '}
                    <Text span size="xs" c="dimmed">
                      {CARE_ROLE[member.role]}
                    </Text>
                  </div>
                ))}
          </Field>
        </SimpleGrid>
        {mayManageTeam || mayCollectConsent ? (
          <Group gap="sm">
            {mayManageTeam ? (
              <Button variant="default" size="xs" leftSection={<IconUsersGroup size={14} aria-hidden />} onClick={() => setTeamOpen(true)}>
                Manage care team
              </Button>
            ) : null}
            {mayCollectConsent ? (
              <Anchor component={Link} to={patientConsentsPath(header.id)} size="sm">
                Consents
              </Anchor>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      {mayManageTeam ? <CareTeamModal patientId={header.id} current={header.careTeam} opened={teamOpen} onClose={() => setTeamOpen(false)} /> : null}
    </Paper>
  );
}
