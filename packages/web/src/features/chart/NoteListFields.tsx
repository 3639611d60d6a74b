import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { findIcd10, SUBSTANCES } from '@lantern/core';
import { Icd10Search } from './Icd10Search';

interface ListProps {
  readonly label: string;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}

function arrayOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** Diagnosis codes picked from the bundled ICD-10-CM list. */
export function CodesField({ label, value, onChange }: ListProps): React.JSX.Element {
  const codes = arrayOf<string>(value);
  const [resetKey, setResetKey] = useState(0);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {codes.length === 0 ? <Text size="sm" c="dimmed">No diagnosis chosen yet.</Text> : null}
      <Group gap="xs">
        {codes.map((code) => (
          <Badge
            key={code}
            size="lg"
            variant="light"
            tt="none"
            rightSection={
              <ActionIcon size="xs" variant="transparent" aria-label={`Remove ${code}`} onClick={() => onChange(codes.filter((c) => c !== code))}>
                <IconX size={12} />
              </ActionIcon>
            }
          >
            {code} {findIcd10(code)?.label ?? ''}
          </Badge>
        ))}
      </Group>
      <Icd10Search
        key={resetKey}
        label="Add a diagnosis"
        value={null}
        onChange={(entry) => {
          if (entry && !codes.includes(entry.code) && codes.length < 10) onChange([...codes, entry.code]);
          setResetKey((k) => k + 1);
        }}
      />
    </Stack>
  );
}

/** The patient's goals, one per line. */
export function GoalsField({ label, value, onChange }: ListProps): React.JSX.Element {
  const goals = arrayOf<string>(value);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {goals.map((goal, index) => (
        <Group key={index} gap="xs" wrap="nowrap">
          <TextInput style={{ flex: 1 }} aria-label={`Goal ${index + 1}`} maxLength={500} value={goal} onChange={(e) => onChange(goals.map((g, i) => (i === index ? e.currentTarget.value : g)))} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove goal ${index + 1}`} onClick={() => onChange(goals.filter((_, i) => i !== index))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={goals.length >= 10} onClick={() => onChange([...goals, ''])}>
          Add a goal
        </Button>
      </Group>
    </Stack>
  );
}

interface SubstanceRow {
  substance?: string;
  lastUseDate?: string | null;
  problematic?: boolean;
  inSupervisedTreatment?: boolean;
}

/** Problematic substance use the rules weigh (last use within the policy's abstinence window). */
export function SubstancesField({ label, value, onChange }: ListProps): React.JSX.Element {
  const rows = arrayOf<SubstanceRow>(value);
  const update = (index: number, patch: Partial<SubstanceRow>): void => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {rows.length === 0 ? <Text size="sm" c="dimmed">None recorded.</Text> : null}
      {rows.map((row, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={`Substance ${index + 1}`}
            data={SUBSTANCES.map((s) => ({ value: s, label: s }))}
            value={row.substance ?? null}
            onChange={(substance) => update(index, { substance: substance ?? undefined })}
            w={150}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="Last use (blank if current)" type="date" w={190} value={row.lastUseDate ?? ''} onChange={(e) => update(index, { lastUseDate: e.currentTarget.value || null })} />
          <Checkbox label="Problematic" checked={row.problematic ?? true} onChange={(e) => update(index, { problematic: e.currentTarget.checked })} mb={8} />
          <Checkbox label="In supervised treatment" checked={row.inSupervisedTreatment ?? false} onChange={(e) => update(index, { inSupervisedTreatment: e.currentTarget.checked })} mb={8} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove substance ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))} mb={4}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, { lastUseDate: null, problematic: true, inSupervisedTreatment: false }])}>
          Add substance use
        </Button>
      </Group>
    </Stack>
  );
}

interface EventRow {
  event?: 'myocardial_infarction' | 'stroke';
  date?: string;
}

/** Heart attacks and strokes with their dates (recent ones are a relative contraindication). */
export function EventsField({ label, value, onChange }: ListProps): React.JSX.Element {
  const rows = arrayOf<EventRow>(value);
  const update = (index: number, patch: Partial<EventRow>): void => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {rows.length === 0 ? <Text size="sm" c="dimmed">None recorded.</Text> : null}
      {rows.map((row, index) => (
        <Group key={index} gap="xs" align="flex-end">
          <Select
            label={`Event ${index + 1}`}
            data={[
              { value: 'myocardial_infarction', label: 'Heart attack' },
              { value: 'stroke', label: 'Stroke' },
            ]}
            value={row.event ?? null}
            onChange={(event) => update(index, { event: (event as EventRow['event']) ?? undefined })}
            w={170}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="Date" type="date" w={170} value={row.date ?? ''} onChange={(e) => update(index, { date: e.currentTarget.value })} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove event ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))} mb={4}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, {}])}>
          Add heart attack or stroke
        </Button>
      </Group>
    </Stack>
  );
}
