import { useState } from 'react';
import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserSearch } from '@tabler/icons-react';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { EmptyNotice } from '../../ui/EmptyNotice';
import { PageHeader } from '../../ui/PageHeader';
import { useSession } from '../../app/session-context';
import { PATIENTS_PAGE_SIZE, usePatients } from './patients-api';
import { PatientTable } from './PatientTable';

/** Patients in the user's scope (the server decides: whole clinic, or the care team), by name or MRN. */
export function PatientsPage(): React.JSX.Element {
  const session = useSession();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [offset, setOffset] = useState(0);
  const patients = usePatients(debounced, offset);
  const careTeamOnly = session.user.roles.every((role) => role === 'therapist');
  const rows = patients.data ?? [];
  return (
    <>
      <PageHeader
        title="Patients"
        description={careTeamOnly ? 'Patients on your care team.' : `Patients of ${session.clinic.name}.`}
      />
      <TextInput
        label="Search patients"
        placeholder="Name, preferred name or MRN"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setOffset(0);
        }}
        maxLength={100}
        mb="md"
        maw={420}
      />
      {patients.isPending ? <Loading label="Loading patients…" /> : null}
      {patients.isError ? <ErrorAlert error={patients.error} title="Patients could not be loaded" onRetry={() => void patients.refetch()} /> : null}
      {patients.data && rows.length === 0 ? (
        <EmptyNotice
          icon={<IconUserSearch />}
         
          title={debounced ? 'No patients match' : 'No patients yet'}
          description={
            debounced
              ? `Nothing matches “${debounced}”. Check the spelling, or search by MRN.`
              : careTeamOnly
                ? 'No patients are on your care team yet.'
                : 'Patients appear here once their charts are created.'
          }
        />
      ) : null}
      {rows.length > 0 ? (
        <Paper withBorder radius="md" style={{ opacity: patients.isPlaceholderData ? 0.6 : 1 }}>
          <PatientTable patients={rows} />
        </Paper>
      ) : null}
      {offset > 0 || rows.length === PATIENTS_PAGE_SIZE ? (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            Patients {offset + 1}–{offset + rows.length}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PATIENTS_PAGE_SIZE))}>
              Previous page
            </Button>
            <Button variant="default" size="xs" disabled={rows.length < PATIENTS_PAGE_SIZE} onClick={() => setOffset(offset + PATIENTS_PAGE_SIZE)}>
              Next page
            </Button>
          </Group>
        </Group>
      ) : null}
    </>
  );
}
