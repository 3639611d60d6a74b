import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Modal, NumberInput, Stack, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { ROOM_CAPABILITIES, ROOM_EQUIPMENT, type RoomView } from '@lantern/core';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useSaveRoom } from './setup-api';
import { ROOM_CAPABILITY_LABELS } from './setup-labels';

type Equipment = (typeof ROOM_EQUIPMENT)[number];

const EQUIPMENT_LABELS: Record<Equipment, string> = { ...ROOM_CAPABILITY_LABELS, recliner: 'Recliner', monitor: 'Monitor', oxygen: 'Oxygen' };

function isEquipment(value: string): value is Equipment {
  return (ROOM_EQUIPMENT as readonly string[]).includes(value);
}

/** Adds or edits a room: what it is booked for, the equipment shown with it, and how many it seats. */
function RoomEditor(props: { room: RoomView | null; onClose: () => void }): React.JSX.Element {
  const save = useSaveRoom(props.room?.id ?? null);
  const [name, setName] = useState(props.room?.name ?? '');
  const [capabilities, setCapabilities] = useState<Equipment[]>(() => (props.room?.capabilities ?? ['therapy']).filter(isEquipment));
  const [capacity, setCapacity] = useState(props.room?.capacity ?? 1);
  const [active, setActive] = useState(props.room?.active ?? true);
  const bookable = capabilities.some((c) => (ROOM_CAPABILITIES as readonly string[]).includes(c));
  const fieldError = (field: string): string | undefined => (save.isError ? save.error.fieldError(field) : undefined);
  return (
    <Modal opened onClose={props.onClose} title={props.room ? `Edit ${props.room.name}` : 'Add a room'} size="md">
      <Stack gap="sm">
        <TextInput label="Name" required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
        <Checkbox.Group
          label="Booked for"
          description="Appointment types ask for one of these"
          value={capabilities.filter((c) => (ROOM_CAPABILITIES as readonly string[]).includes(c))}
          onChange={(value) => setCapabilities([...value.filter(isEquipment), ...capabilities.filter((c) => !(ROOM_CAPABILITIES as readonly string[]).includes(c))])}
          error={!bookable ? 'Pick at least one' : fieldError('capabilities')}
        >
          <Group mt={4}>
            {ROOM_CAPABILITIES.map((c) => (
              <Checkbox key={c} value={c} label={EQUIPMENT_LABELS[c]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label="Equipment"
          value={capabilities.filter((c) => !(ROOM_CAPABILITIES as readonly string[]).includes(c))}
          onChange={(value) => setCapabilities([...capabilities.filter((c) => (ROOM_CAPABILITIES as readonly string[]).includes(c)), ...value.filter(isEquipment)])}
        >
          <Group mt={4}>
            {ROOM_EQUIPMENT.filter((c) => !(ROOM_CAPABILITIES as readonly string[]).includes(c)).map((c) => (
              <Checkbox key={c} value={c} label={EQUIPMENT_LABELS[c]} />
            ))}
          </Group>
        </Checkbox.Group>
        <NumberInput label="Seats (patients)" min={1} max={100} w={160} value={capacity} onChange={(v) => setCapacity(typeof v === 'number' ? v : Number.parseInt(v, 10) || 1)} error={fieldError('capacity')} />
        <Switch label="In use (offered for booking)" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {props.room && !active ? (
          <Text size="xs" c="dimmed">
            Appointments already booked in this room stay booked; move them if the room cannot be used.
          </Text>
        ) : null}
        <div aria-live="polite">{save.isError ? <ErrorAlert error={save.error} title="Room not saved" /> : null}</div>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button disabled={!name.trim() || !bookable} loading={save.isPending} onClick={() => save.mutate({ name: name.trim(), capabilities, capacity, active }, { onSuccess: props.onClose })}>
            {props.room ? 'Save changes' : 'Add room'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The clinic's rooms, what each is equipped for and how many it seats. */
export function RoomsPanel(props: { rooms: readonly RoomView[] }): React.JSX.Element {
  const [editing, setEditing] = useState<RoomView | 'new' | null>(null);
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          Add a room
        </Button>
      </Group>
      {props.rooms.length === 0 ? (
        <Text c="dimmed">No rooms yet.</Text>
      ) : (
        <Table striped aria-label="Rooms">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Room</Table.Th>
              <Table.Th>Equipped for</Table.Th>
              <Table.Th>Seats</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rooms.map((room) => (
              <Table.Tr key={room.id}>
                <Table.Td>{room.name}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {room.capabilities.map((c) => (
                      <Badge key={c} variant="light" size="sm">
                        {isEquipment(c) ? EQUIPMENT_LABELS[c] : c}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{room.capacity}</Table.Td>
                <Table.Td>{room.active ? 'In use' : <Badge color="gray">Out of service</Badge>}</Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" aria-label={`Edit ${room.name}`} onClick={() => setEditing(room)}>
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing ? <RoomEditor key={editing === 'new' ? 'new' : editing.id} room={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
