import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CareTeam } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useCareTeamCandidates, useSaveCareTeam } from './chart-api';

type CareRole = CareTeam[number]['role'];
const ROLES: readonly { role: CareRole; label: string }[] = [
  { role: 'therapist', label: 'Therapists' },
  { role: 'physician', label: 'Physicians' },
  { role: 'nurse', label: 'Nurses' },
];

/** Puts clinicians on the care team (a therapist sees only their care team's charts). */
export function CareTeamModal(props: { patientId: string; current: CareTeam; opened: boolean; onClose: () => void }): React.JSX.Element {
  const candidates = useCareTeamCandidates(props.opened);
  const save = useSaveCareTeam(props.patientId);
  const initial = (): Record<CareRole, string[]> => ({
    therapist: props.current.filter((m) => m.role === 'therapist').map((m) => m.userId),
    physician: props.current.filter((m) => m.role === 'physician').map((m) => m.userId),
    nurse: props.current.filter((m) => m.role === 'nurse').map((m) => m.userId),
  });
  const [team, setTeam] = useState(initial);
  const close = (): void => {
    save.reset();
    setTeam(initial());
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title="Care team" centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const members = ROLES.flatMap(({ role }) => team[role].map((userId) => ({ userId, role })));
          save.mutate(
            { members },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: 'Care team updated' });
                props.onClose();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <Text size="sm">Therapists open only the charts of patients on their care team; the change is recorded in the audit trail.</Text>
          {candidates.isPending ? <Loading label="Loading clinicians…" /> : null}
          {candidates.isError ? <ErrorAlert error={candidates.error} title="Clinicians could not be loaded" /> : null}
          {candidates.data
            ? ROLES.map(({ role, label }) => (
                <MultiSelect
                  key={role}
                  label={label}
                  placeholder="Choose…"
                  searchable
                  clearable
                  data={candidates.data.filter((c) => c.roles.includes(role)).map((c) => ({ value: c.userId, label: c.displayName }))}
                  value={team[role]}
                  onChange={(value) => setTeam((previous) => ({ ...previous, [role]: value }))}
                  comboboxProps={{ withinPortal: true }}
                />
              ))
            : null}
          {save.error ? <ErrorAlert error={save.error} title="Care team not saved" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!candidates.data}>
              Save care team
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
