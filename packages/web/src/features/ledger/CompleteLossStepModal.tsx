import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { LossReportView } from '@lantern/core';
import { formatCalendarDate } from '../../ui/time';
import { EntryFormModal } from './EntryFormModal';
import { FormActions } from './FormActions';
import { useCompleteLossStep } from './ledger-api';
import { dueWords } from './loss-due';
import { RefusalAlert } from './RefusalAlert';

type Step = LossReportView['steps'][number];

/** What each step's reference is, so staff know what to type. */
const REFERENCE_WORDS: Record<Step['step'], { readonly label: string; readonly required: boolean }> = {
  notify_dea_field_division: { label: 'Letter or e-mail reference', required: false },
  file_dea_form_106: { label: 'Form 106 confirmation number', required: true },
  notify_state_board: { label: 'Board notice reference', required: false },
  notify_police: { label: 'Police report number', required: false },
};

/**
 * Marks one checklist step done, once: the date it was done (between discovery and today) and its
 * reference. DEA Form 106 needs its confirmation number (loss-service.ts refuses it without).
 */
export function CompleteLossStepModal(props: { report: LossReportView; step: Step; today: string; onClose: () => void }): React.JSX.Element {
  const { step } = props;
  const complete = useCompleteLossStep();
  const [completedOn, setCompletedOn] = useState(props.today);
  const [reference, setReference] = useState('');
  const words = REFERENCE_WORDS[step.step];
  const missing = [...(completedOn ? [] : ['date done']), ...(words.required && !reference.trim() ? [words.label.toLowerCase()] : [])];
  const submit = (): void => {
    complete.mutate(
      { reportId: props.report.id, step: step.step, completedOn, reference: reference.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${step.label}: done` });
          props.onClose();
        },
      },
    );
  };
  return (
    <EntryFormModal title="Mark a checklist step done" size="lg" onClose={props.onClose} onSubmit={submit}>
      <div>
        <Text fw={600}>{step.label}</Text>
        <Text size="sm" c={step.status === 'overdue' ? 'red.8' : 'dimmed'}>
          Due {formatCalendarDate(step.dueOn)} ({dueWords(step.dueOn, props.today)}); discovered {formatCalendarDate(props.report.discoveredOn)}
        </Text>
      </div>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="Done on" type="date" min={props.report.discoveredOn} max={props.today} value={completedOn} onChange={(e) => setCompletedOn(e.currentTarget.value)} required />
        <TextInput
          label={words.label}
          description={words.required ? undefined : 'Optional'}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          required={words.required}
          maxLength={100}
        />
      </SimpleGrid>
      <RefusalAlert error={complete.error} title="The step was not marked done" />
      <FormActions submitLabel="Mark done" pending={complete.isPending} missing={missing} onCancel={props.onClose} />
    </EntryFormModal>
  );
}
