import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import type { EntryView } from '@lantern/core';
import type { ApiError } from '../../api/api-error';
import type { RecordEntryInput } from './ledger-api';

/** What `useRecordEntry` returns. */
export type RecordEntryMutation = UseMutationResult<EntryView, ApiError, RecordEntryInput>;

/**
 * Records a ledger entry; once the server has stored it, says what it did in a notification and
 * closes the form. A refusal leaves the form open, showing why (its RefusalAlert), after `onError`.
 */
export function recordAndClose(
  record: RecordEntryMutation,
  input: RecordEntryInput,
  options: { notice: (entry: EntryView) => string; onClose: () => void; onError?: () => void },
): void {
  record.mutate(input, {
    onSuccess: (entry) => {
      notifications.show({ color: 'teal', message: options.notice(entry) });
      options.onClose();
    },
    onError: () => options.onError?.(),
  });
}

/** "KH2291 #3: Returned 20 mg of a draw to stock, witnessed by Dr. Samuel Reyes": the container, what the entry did, and its witness if it had one. */
export function containerNotice(containerLabel: string): (entry: Pick<EntryView, 'summary' | 'witnessName'>) => string {
  return (entry) => `${containerLabel}: ${entry.summary}${entry.witnessName ? `, witnessed by ${entry.witnessName}` : ''}`;
}
