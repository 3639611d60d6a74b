import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, ColorSwatch, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Table, TagsInput, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { APPOINTMENT_KINDS, ROLE_LABELS, ROOM_CAPABILITIES, type AppointmentKind, type AppointmentPhase, type AppointmentTypeRequest, type AppointmentTypeView, type RoomCapability, type StaffRole } from '@lantern/core';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ROLE_OPTIONS } from '../../../ui/RoleBadges';
import { useSaveAppointmentType } from './setup-api';
import { KIND_LABELS, PHASE_LABELS, ROOM_CAPABILITY_LABELS, TYPE_COLORS } from './setup-labels';

type Draft = Omit<Required<AppointmentTypeRequest>, 'staff'> & { staff: { anyOf: StaffRole[]; fromCareTeam: boolean }[] };

function draftOf(type: AppointmentTypeView | null): Draft {
  if (!type) {
    return {
      kind: 'follow_up',
      name: '',
      phase: 'other',
      durationMinutes: 50,
      staff: [{ anyOf: ['therapist'], fromCareTeam: false }],
      roomCapability: 'therapy',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 10,
      telehealthAllowed: false,
      capacity: 1,
      billingCodes: [],
      color: 'blue',
      reminderTemplate: null,
      active: true,
    };
  }
  const { id: _id, version: _version, ...rest } = type;
  return { ...rest, staff: type.staff.map((s) => ({ anyOf: [...s.anyOf], fromCareTeam: s.fromCareTeam })) };
}

/** Who is needed, in words: "Therapist (care team) + Nurse or Physician". */
export function staffSummary(staff: readonly { anyOf: readonly StaffRole[]; fromCareTeam: boolean }[]): string {
  if (staff.length === 0) return 'No staff';
  return staff.map((s) => `${s.anyOf.map((r) => ROLE_LABELS[r]).join(' or ')}${s.fromCareTeam ? ' (care team)' : ''}`).join(' + ');
}

/** Creates or edits an appointment type; the server's refusals show beside the fields they name. */
function TypeEditor(props: { type: AppointmentTypeView | null; onClose: () => void }): React.JSX.Element {
  const save = useSaveAppointmentType(props.type?.id ?? null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.type));
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }));
  const setSeat = (i: number, patch: Partial<Draft['staff'][number]>): void => set({ staff: draft.staff.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  const fieldError = (field: string): string | undefined => (save.isError ? save.error.fieldError(field) : undefined);
  const valid = draft.name.trim().length > 0 && draft.staff.every((s) => s.anyOf.length > 0);
  const number = (value: string | number, fallback: number): number => (typeof value === 'number' ? value : Number.parseInt(value, 10) || fallback);
  return (
    <Modal opened onClose={props.onClose} title={props.type ? `Edit ${props.type.name}` : 'New appointment type'} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Name" required value={draft.name} maxLength={100} onChange={(e) => set({ name: e.currentTarget.value })} error={fieldError('name')} />
          <Select
            label="Kind"
            description={props.type ? 'Fixed once created' : undefined}
            disabled={props.type !== null}
            data={APPOINTMENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            value={draft.kind}
            onChange={(value) => value && set({ kind: value as AppointmentKind })}
            allowDeselect={false}
            error={fieldError('kind')}
          />
          <Select
            label="Course phase"
            data={Object.entries(PHASE_LABELS).map(([value, label]) => ({ value, label }))}
            value={draft.phase}
            onChange={(value) => value && set({ phase: value as AppointmentPhase })}
            allowDeselect={false}
            error={fieldError('phase')}
          />
          <NumberInput label="Duration (minutes)" min={5} max={720} step={5} value={draft.durationMinutes} onChange={(v) => set({ durationMinutes: number(v, 0) })} error={fieldError('durationMinutes')} />
          <NumberInput label="Buffer before (minutes)" min={0} max={240} step={5} value={draft.bufferBeforeMinutes} onChange={(v) => set({ bufferBeforeMinutes: number(v, 0) })} error={fieldError('bufferBeforeMinutes')} />
          <NumberInput label="Buffer after (minutes)" min={0} max={240} step={5} value={draft.bufferAfterMinutes} onChange={(v) => set({ bufferAfterMinutes: number(v, 0) })} error={fieldError('bufferAfterMinutes')} />
          <Select
            label="Room needed"
            data={ROOM_CAPABILITIES.map((c) => ({ value: c, label: ROOM_CAPABILITY_LABELS[c] }))}
            value={draft.roomCapability}
            onChange={(value) => set({ roomCapability: value as RoomCapability | null })}
            clearable
            placeholder="No room (video only)"
            error={fieldError('roomCapability')}
          />
          <NumberInput label="Patients per appointment" min={1} max={40} value={draft.capacity} onChange={(v) => set({ capacity: number(v, 1) })} error={fieldError('capacity')} />
          <Select
            label="Colour"
            data={TYPE_COLORS.map((c) => ({ value: c, label: c[0]?.toUpperCase() + c.slice(1) }))}
            value={draft.color}
            onChange={(value) => value && set({ color: value })}
            allowDeselect={false}
            leftSection={<ColorSwatch size={14} color={`var(--mantine-color-${draft.color}-6)`} aria-hidden />}
            error={fieldError('color')}
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Staff needed
          </Text>
          {draft.staff.map((seat, i) => (
            <Group key={i} gap="sm" align="flex-end" wrap="nowrap">
              <MultiSelect
                label={`Seat ${i + 1}: any of`}
                data={ROLE_OPTIONS}
                value={seat.anyOf}
                onChange={(value) => setSeat(i, { anyOf: value as StaffRole[] })}
                error={seat.anyOf.length === 0 ? 'Pick at least one role' : fieldError(`staff.${i}`)}
                style={{ flex: 1 }}
              />
              <Checkbox mb={10} label="From the care team" checked={seat.fromCareTeam} onChange={(e) => setSeat(i, { fromCareTeam: e.currentTarget.checked })} />
              <ActionIcon mb={6} variant="subtle" color="red" aria-label={`Remove seat ${i + 1}`} onClick={() => set({ staff: draft.staff.filter((_, k) => k !== i) })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} disabled={draft.staff.length >= 4} onClick={() => set({ staff: [...draft.staff, { anyOf: ['nurse'], fromCareTeam: false }] })}>
              Add a staff seat
            </Button>
          </Group>
        </Stack>
        <TagsInput
          label="Billing codes (CPT/HCPCS)"
          description="Five letters or digits each; press Enter after each code"
          value={draft.billingCodes}
          onChange={(codes) => set({ billingCodes: codes.map((c) => c.trim().toUpperCase()) })}
          maxTags={6}
          error={fieldError('billingCodes')}
        />
        <Textarea
          label="Reminder text"
          description="Added to this type's reminders; never put clinical details here"
          autosize
          minRows={2}
          maxLength={2000}
          value={draft.reminderTemplate ?? ''}
          onChange={(e) => set({ reminderTemplate: e.currentTarget.value.trim() ? e.currentTarget.value : null })}
          error={fieldError('reminderTemplate')}
        />
        <Group gap="xl">
          <Switch label="Telehealth allowed" checked={draft.telehealthAllowed} onChange={(e) => set({ telehealthAllowed: e.currentTarget.checked })} />
          <Switch label="Offered for booking" checked={draft.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
        </Group>
        {props.type ? (
          <Text size="xs" c="dimmed">
            Appointments already booked keep the time they were booked with.
          </Text>
        ) : null}
        <div aria-live="polite">{save.isError ? <ErrorAlert error={save.error} title="Appointment type not saved" /> : null}</div>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button disabled={!valid} loading={save.isPending} onClick={() => save.mutate({ ...draft, name: draft.name.trim() }, { onSuccess: props.onClose })}>
            {props.type ? 'Save changes' : 'Create type'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The clinic's appointment types: what each needs, and an editor for each. */
export function AppointmentTypesPanel(props: { types: readonly AppointmentTypeView[] }): React.JSX.Element {
  const [editing, setEditing] = useState<AppointmentTypeView | 'new' | null>(null);
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          New appointment type
        </Button>
      </Group>
      <Table striped aria-label="Appointment types">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Type</Table.Th>
            <Table.Th>Minutes</Table.Th>
            <Table.Th>Staff</Table.Th>
            <Table.Th>Room</Table.Th>
            <Table.Th>Buffers</Table.Th>
            <Table.Th>Billing</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.types.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <ColorSwatch size={12} color={`var(--mantine-color-${t.color}-6)`} aria-hidden />
                  <Text size="sm" fw={500}>
                    {t.name}
                  </Text>
                  {!t.active ? <Badge color="gray" size="xs">Not offered</Badge> : null}
                  {t.telehealthAllowed ? <Badge variant="light" size="xs">Video</Badge> : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {PHASE_LABELS[t.phase]}
                  {t.capacity > 1 ? ` · up to ${t.capacity} patients` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{t.durationMinutes}</Table.Td>
              <Table.Td>
                <Text size="sm">{staffSummary(t.staff)}</Text>
              </Table.Td>
              <Table.Td>{t.roomCapability ? ROOM_CAPABILITY_LABELS[t.roomCapability] : 'None'}</Table.Td>
              <Table.Td>
                {t.bufferBeforeMinutes} / {t.bufferAfterMinutes} min
              </Table.Td>
              <Table.Td>{t.billingCodes.join(', ')}</Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" aria-label={`Edit ${t.name}`} onClick={() => setEditing(t)}>
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? <TypeEditor key={editing === 'new' ? 'new' : editing.id} type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
