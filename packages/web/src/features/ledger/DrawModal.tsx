import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StockView } from '@lantern/core';
import { usePatients } from '../patients/patients-api';
import { EntryFormModal } from './EntryFormModal';
import { useRecordEntry } from './ledger-api';
import { recordAndClose } from './record-and-close';
import { RefusalAlert } from './RefusalAlert';
import { SegmentedField } from './SegmentedField';

type DrawUnit = 'mg' | 'mL';

const DRAW_UNITS: ReadonlyArray<{ value: DrawUnit; label: string }> = [
  { value: 'mg', label: 'mg' },
  { value: 'mL', label: 'mL' },
];

/**
 * A draw for one administration of a medicine session. Until the session console records
 * administrations itself, the draw names its patient and a session reference here; the session later
 * reconciles draws against what was given (draw = administered + waste, to 0.01 mg).
 */
export function DrawModal(props: { opened: boolean; stock: StockView; onClose: () => void }): React.JSX.Element {
  const record = useRecordEntry();
  const [containerId, setContainerId] = useState<string | null>(null);
  const [unit, setUnit] = useState<DrawUnit>('mg');
  const [amount, setAmount] = useState('');
  const [search, setSearch] = useState('');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState(() => crypto.randomUUID());
  const patients = usePatients(search, 0);
  const usable = props.stock.containers.filter((c) => !c.expired && Number(c.balanceMg) > 0);
  const products = new Map(props.stock.products.map((p) => [p.id, p] as const));
  const chosen = usable.find((c) => c.id === containerId);
  const close = (): void => {
    setContainerId(null);
    setAmount('');
    setPatientId(null);
    setSessionId(crypto.randomUUID());
    record.reset();
    props.onClose();
  };
  const submit = (): void => {
    if (!chosen) return;
    recordAndClose(
      record,
      {
        entry: {
          kind: 'draw',
          containerId: chosen.id,
          locationId: chosen.locationId,
          amount: { [unit]: amount.trim() },
          medicineSessionId: sessionId,
          administrationId: crypto.randomUUID(),
          patientId,
        },
        witness: null,
      },
      { notice: (entry) => entry.summary, onClose: close },
    );
  };
  return (
    <EntryFormModal title="Draw for a medicine session" size="lg" opened={props.opened} onClose={close} onSubmit={submit}>
      <Select
        allowDeselect={false}
        label="Container"
        placeholder="Choose the vial or bottle"
        data={usable.map((c) => ({ value: c.id, label: `${c.label}, ${c.locationName}: ${c.balanceMg} mg left (${products.get(c.productId)?.strength ?? ''})` }))}
        value={containerId}
        onChange={setContainerId}
        required
      />
      <SimpleGrid cols={2}>
        <TextInput label={`Amount in ${unit}`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required maxLength={16} />
        <SegmentedField label="Unit" value={unit} onChange={setUnit} data={DRAW_UNITS} disabled={chosen !== undefined && chosen.balanceMl === null} />
      </SimpleGrid>
      <Select
        allowDeselect={false}
        label="Patient"
        placeholder="Search by name or MRN"
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={(patients.data ?? []).map((p) => ({ value: p.id, label: `${p.legalName} (${p.mrn})` }))}
        value={patientId}
        onChange={setPatientId}
        filter={({ options }) => options}
        required
      />
      <TextInput label="Medicine session reference" value={sessionId} readOnly description="The session console links its administrations to this reference." />
      <RefusalAlert error={record.error} title="The draw was not recorded" />
      <Group justify="flex-end">
        <Button variant="default" onClick={close} disabled={record.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={record.isPending} disabled={!chosen || !patientId}>
          Record draw
        </Button>
      </Group>
    </EntryFormModal>
  );
}
