import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Icd10EntryView } from '@lantern/core';
import { useIcd10Search } from './chart-api';

const optionLabel = (entry: Icd10EntryView): string => `${entry.code} — ${entry.label}`;

/**
 * A combobox over Lantern's bundled ICD-10-CM list (the server searches it by code or by words):
 * only a listed code can be chosen, so an unknown code never reaches the chart.
 */
export function Icd10Search(props: { label: string; value: string | null; onChange: (entry: Icd10EntryView | null) => void; error?: string; description?: string }): React.JSX.Element {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Icd10EntryView | null>(null);
  const [debounced] = useDebouncedValue(search, 200);
  // Once a code is chosen the box shows its label; that text is not a new search.
  const query = picked && debounced === optionLabel(picked) ? '' : debounced;
  const results = useIcd10Search(query);
  const entries = [...(picked ? [picked] : []), ...(results.data ?? []).filter((entry) => entry.code !== picked?.code)];
  return (
    <Select
      label={props.label}
      description={props.description ?? 'Type a code (F33) or words (grief, panic).'}
      placeholder="Search the ICD-10-CM list"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={entries.map((entry) => ({ value: entry.code, label: optionLabel(entry) }))}
      value={props.value}
      filter={({ options }) => options}
      nothingFoundMessage={query.trim() ? 'No code in the list matches' : 'Start typing to search'}
      maxDropdownHeight={260}
      error={props.error}
      onChange={(code) => {
        const entry = entries.find((candidate) => candidate.code === code) ?? null;
        setPicked(entry);
        props.onChange(entry);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
