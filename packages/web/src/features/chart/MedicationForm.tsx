import { useState } from 'react';
import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DRUG_CLASSES, type DrugClass } from '@lantern/core';
import type { ApiError } from '../../api/api-error';
import { DRUG_CLASS_LABELS } from './medication-labels';

export interface MedicationDraft {
  name: string;
  drugClass: DrugClass | null;
  dailyDoseMg: number | string;
  startedOn: string;
}

export const emptyMedication: MedicationDraft = { name: '', drugClass: null, dailyDoseMg: '', startedOn: '' };

/** The request fields of a draft (dose in mg per day; blank means unknown). */
export function medicationBody(draft: MedicationDraft): { name: string; drugClass: DrugClass | null; dailyDoseMg: number | null; startedOn: string | null } {
  return {
    name: draft.name.trim(),
    drugClass: draft.drugClass,
    dailyDoseMg: draft.dailyDoseMg === '' ? null : Number(draft.dailyDoseMg),
    startedOn: draft.startedOn || null,
  };
}

/** Name, class (which the interaction rules read), total daily dose in mg, and start date. */
export function MedicationFields(props: { value: MedicationDraft; onChange: (value: MedicationDraft) => void; error: ApiError | null }): React.JSX.Element {
  const [value, set] = [props.value, (patch: Partial<MedicationDraft>) => props.onChange({ ...props.value, ...patch })];
  const error = (field: string): string | undefined => props.error?.fieldError(field);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label="Medication" description="Generic name where known, e.g. clonazepam" required maxLength={200} value={value.name} onChange={(e) => set({ name: e.currentTarget.value })} error={error('name')} />
      <Select
        label="Class"
        description="Read by the ketamine interaction rules"
        required
        data={DRUG_CLASSES.map((drugClass) => ({ value: drugClass, label: DRUG_CLASS_LABELS[drugClass] }))}
        value={value.drugClass}
        onChange={(drugClass) => set({ drugClass: drugClass as DrugClass | null })}
        error={error('drugClass')}
        comboboxProps={{ withinPortal: true }}
      />
      <NumberInput label="Total daily dose" description="Milligrams per day; leave blank if unknown" rightSection="mg" min={0} max={100000} decimalScale={3} value={value.dailyDoseMg} onChange={(dailyDoseMg) => set({ dailyDoseMg })} error={error('dailyDoseMg')} />
      <TextInput label="Started on" type="date" value={value.startedOn} onChange={(e) => set({ startedOn: e.currentTarget.value })} error={error('startedOn')} />
    </SimpleGrid>
  );
}

/** Local state for a medication form. */
export function useMedicationDraft(initial: MedicationDraft = emptyMedication): [MedicationDraft, (value: MedicationDraft) => void] {
  return useState<MedicationDraft>(initial);
}
