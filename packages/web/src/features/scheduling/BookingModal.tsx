import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Loader, Modal, MultiSelect, NumberInput, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { dateOfDay, dayNumber, type SchedulingSetup, type SlotView } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { UnmetList } from '../chart/UnmetList';
import { usePatients } from '../patients/patients-api';
import { useBook, useSlotSearch } from './scheduling-api';
import { dayLabel } from './labels';

/** Where the front desk clicked: the date, time and column the booking starts from. */
export interface BookingPreset {
  readonly date: string;
  readonly time: string | null;
  readonly staffId: string | null;
  readonly roomId: string | null;
}

/** How far the suggestions look ahead of the clicked date. */
const SEARCH_DAYS = 21;

function slotKey(slot: SlotView): string {
  return `${slot.start}|${slot.roomId ?? ''}|${slot.staff.map((s) => s.staffId).join(',')}`;
}

/**
 * Books from an empty cell: pick the patient and the type, and the slot finder offers the earliest
 * times that keep every rule (people, room, hours, course gates), the clicked one first when it is
 * free. The booking is checked again by the server when it is made.
 */
export function BookingModal(props: { opened: boolean; onClose: () => void; preset: BookingPreset; setup: SchedulingSetup }): React.JSX.Element {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const patients = usePatients(debounced, 0);
  const [patientId, setPatientId] = useState<string | null>(null);
  const [others, setOthers] = useState<string[]>([]);
  const [typeId, setTypeId] = useState<string | null>(null);
  const [weeks, setWeeks] = useState<number>(1);
  const [chosen, setChosen] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const slots = useSlotSearch();
  const book = useBook();
  const staffNames = useMemo(() => new Map(props.setup.staff.map((s) => [s.id, s.displayName])), [props.setup.staff]);
  const roomNames = useMemo(() => new Map(props.setup.rooms.map((r) => [r.id, r.name])), [props.setup.rooms]);
  const { mutate: searchSlots, reset: resetSlots } = slots;
  const type = props.setup.appointmentTypes.find((t) => t.id === typeId) ?? null;
  // Couples and groups book several patients: the partner, or the other members of the group.
  const joint = type !== null && (type.kind === 'couples_joint' || type.kind === 'group');
  const patientIds = useMemo(() => (patientId ? [patientId, ...(joint ? others.filter((id) => id !== patientId) : [])] : []), [patientId, others, joint]);
  const ready = patientId !== null && typeId !== null && (type?.kind !== 'couples_joint' || patientIds.length === 2);
  const options = (patients.data ?? []).map((p) => ({ value: p.id, label: `${p.preferredName ?? p.legalName.split(' ')[0]} ${p.legalName.split(' ').slice(1).join(' ')} · ${p.mrn}` }));

  useEffect(() => {
    setChosen(null);
    if (!ready || !typeId) {
      resetSlots();
      return;
    }
    searchSlots({ appointmentTypeId: typeId, patientIds, from: props.preset.date, to: dateOfDay(dayNumber(props.preset.date) + SEARCH_DAYS), limit: 8 });
  }, [ready, patientIds, typeId, props.preset.date, searchSlots, resetSlots]);

  const suggestions = useMemo(() => {
    const found = slots.data?.slots ?? [];
    // The clicked time (and column) first when it is among them.
    const preferred = found.filter((s) => s.localDate === props.preset.date && s.localTime === props.preset.time);
    return [...preferred, ...found.filter((s) => !preferred.includes(s))];
  }, [slots.data, props.preset.date, props.preset.time]);
  const picked = suggestions.find((s) => slotKey(s) === chosen) ?? null;

  const close = (): void => {
    setPatientId(null);
    setOthers([]);
    setWeeks(1);
    setTypeId(null);
    setSearch('');
    setNotes('');
    book.reset();
    props.onClose();
  };

  const unmet = slots.data?.unmet ?? [];
  const bookError = book.error;
  const bookUnmet = bookError && Array.isArray((bookError.body as { unmet?: unknown } | null)?.unmet) ? ((bookError.body as { unmet: { code: string; message: string }[] }).unmet) : [];
  return (
    <Modal opened={props.opened} onClose={close} title="Book an appointment" size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Suggested times from {dayLabel(props.preset.date, 'long')}
          {props.preset.time ? ` (you picked ${props.preset.time})` : ''}.
        </Text>
        <Select
          label="Patient"
          placeholder="Search by name or MRN"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={patientId}
          onChange={setPatientId}
          nothingFoundMessage={patients.isFetching ? 'Searching…' : 'No patient matches'}
          filter={({ options }) => options}
        />
        <Select
          label="Appointment type"
          placeholder="Choose a type"
          data={props.setup.appointmentTypes.filter((t) => t.active).map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
          value={typeId}
          onChange={setTypeId}
        />
        {joint ? (
          <MultiSelect
            label={type?.kind === 'couples_joint' ? 'Partner' : 'Other members'}
            placeholder="Search by name or MRN"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={options.filter((o) => o.value !== patientId)}
            value={others}
            onChange={setOthers}
            maxValues={type?.kind === 'couples_joint' ? 1 : 39}
            description={type?.kind === 'group' ? `Up to ${type.capacity} take a seat; the rest join the waitlist.` : undefined}
            filter={({ options: found }) => found}
          />
        ) : null}
        <NumberInput label="Weekly occurrences" description="1 books one appointment; more books a weekly series at the same time." min={1} max={26} value={weeks} onChange={(v) => setWeeks(typeof v === 'number' ? v : 1)} w={220} />
        {slots.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Finding times…</Text>
          </Group>
        ) : null}
        {slots.isError ? <ErrorAlert error={slots.error} title="Times could not be found" /> : null}
        <UnmetList title="No medicine session can be booked yet" items={unmet} />
        {slots.data && suggestions.length === 0 && unmet.length === 0 ? (
          <Alert color="gray" variant="light" title="No free times">
            Nobody who can take this appointment is free in the next {SEARCH_DAYS} days. Try a later date.
          </Alert>
        ) : null}
        {suggestions.length > 0 ? (
          <Radio.Group label="Suggested times" value={chosen} onChange={setChosen}>
            <Stack gap={6} mt={6}>
              {suggestions.map((slot) => (
                <Radio
                  key={slotKey(slot)}
                  value={slotKey(slot)}
                  label={`${dayLabel(slot.localDate)} · ${slot.localTime} · ${slot.staff.map((s) => staffNames.get(s.staffId) ?? 'Staff').join(' + ')}${slot.roomId ? ` · ${roomNames.get(slot.roomId) ?? 'Room'}` : ' · Video'}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
        <Textarea label="Notes for staff (optional)" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
        {bookError ? <ErrorAlert error={bookError} title="Not booked" /> : null}
        <UnmetList title="Why it cannot be booked" items={bookUnmet} color="red" />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!picked || !ready || !typeId}
            loading={book.isPending}
            onClick={() => {
              if (!picked || !ready || !typeId) return;
              book.mutate(
                {
                  appointmentTypeId: typeId,
                  patientIds,
                  ...(weeks > 1 ? { recurrence: { intervalDays: 7, occurrences: weeks } } : {}),
                  start: { date: picked.localDate, time: picked.localTime },
                  staffIds: picked.staff.map((s) => s.staffId),
                  roomId: picked.roomId,
                  staffNotes: notes.trim() || null,
                },
                { onSuccess: close },
              );
            }}
          >
            Book
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
