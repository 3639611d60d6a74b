import { Anchor, List, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePatients } from '../patients/patients-api';

/** A therapist's own patients (the server scopes the list to their care team). */
export function CareTeamSummary(): React.JSX.Element {
  const patients = usePatients('', 0);
  if (patients.isPending) return <Skeleton h={60} />;
  if (patients.isError) return <Text size="sm" c="red">Your patients could not be loaded: {patients.error.detail}</Text>;
  if (patients.data.length === 0) {
    return <Text size="sm">No patients are on your care team yet. When the clinic adds you to a patient&apos;s care team, they appear here.</Text>;
  }
  const shown = patients.data.slice(0, 5);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {patients.data.length === 1 ? '1 patient' : `${patients.data.length} patients`} on your care team
      </Text>
      <List size="sm" spacing={4} listStyleType="none">
        {shown.map((patient) => (
          <List.Item key={patient.id}>
            <Anchor component={Link} to={`/patients/${patient.id}`}>
              {patient.preferredName ? `${patient.preferredName} (${patient.legalName})` : patient.legalName}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              {patient.mrn}
            </Text>
          </List.Item>
        ))}
      </List>
      {patients.data.length > shown.length ? (
        <Anchor component={Link} to="/patients" size="sm">
          See all
        </Anchor>
      ) : null}
    </Stack>
  );
}
