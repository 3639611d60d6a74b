import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PatientHeader } from '@lantern/core';
import { PatientStatusBadge } from '../../ui/PatientStatusBadge';
import { formatCalendarDate } from '../../ui/time';

const CARE_ROLE: Record<PatientHeader['careTeam'][number]['role'], string> = { therapist: 'Therapist', physician: 'Physician', nurse: 'Nurse' };

/** The patient list: MRN, names, DOB, status, care team; the name opens the chart. */
export function PatientTable({ patients }: { patients: readonly PatientHeader[] }): React.JSX.Element {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Patients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>MRN</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Date of birth</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Care team</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr key={patient.id}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {patient.mrn}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${patient.id}`} fw={600} size="sm">
                  {patient.legalName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[patient.preferredName ? `Goes by ${patient.preferredName}` : null, patient.pronouns].filter(Boolean).join(' · ') || '\u00a0'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatCalendarDate(patient.dateOfBirth)}</Text>
              </Table.Td>
              <Table.Td>
                <PatientStatusBadge status={patient.status} />
              </Table.Td>
              <Table.Td>
                {patient.careTeam.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None assigned
                  </Text>
                ) : (
                  patient.careTeam.map((member) => (
                    <Text size="sm" key={`${member.userId}-${member.role}`}>
                      {member.displayName}{' '}
                      <Text span size="xs" c="dimmed">
                        {CARE_ROLE[member.role]}
                      </Text>
                    </Text>
                  ))
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
