import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { NoteKind, NoteSummary, NoteView } from '@lantern/core';
import { api } from '../../api/client';
import type { ApiError } from '../../api/api-error';
import { chartKey } from './chart-api';

export function useNotes(patientId: string): UseQueryResult<NoteSummary[], ApiError> {
  return useQuery<NoteSummary[], ApiError>({
    queryKey: [...chartKey(patientId), 'notes'],
    queryFn: () => api<NoteSummary[]>(`/api/patients/${encodeURIComponent(patientId)}/notes`),
  });
}

export function useNote(patientId: string, noteId: string | null): UseQueryResult<NoteView, ApiError> {
  return useQuery<NoteView, ApiError>({
    queryKey: [...chartKey(patientId), 'note', noteId],
    queryFn: () => api<NoteView>(`/api/notes/${encodeURIComponent(noteId ?? '')}`),
    enabled: noteId !== null,
  });
}

function useNoteWrite<TBody>(patientId: string, request: (body: TBody) => { url: string; method: 'POST' | 'PUT'; body: unknown }): UseMutationResult<NoteView, ApiError, TBody> {
  const queryClient = useQueryClient();
  return useMutation<NoteView, ApiError, TBody>({
    mutationFn: (input) => {
      const { url, method, body } = request(input);
      return api<NoteView>(url, { method, body });
    },
    onSuccess: (note) => {
      queryClient.setQueryData([...chartKey(patientId), 'note', note.id], note);
      return queryClient.invalidateQueries({ queryKey: chartKey(patientId) });
    },
  });
}

export function useCreateNote(patientId: string): UseMutationResult<NoteView, ApiError, { kind: NoteKind; content: unknown }> {
  return useNoteWrite(patientId, (input) => ({ url: `/api/patients/${encodeURIComponent(patientId)}/notes`, method: 'POST', body: input }));
}

export function useSaveNote(patientId: string): UseMutationResult<NoteView, ApiError, { id: string; kind: NoteKind; version: number; content: unknown }> {
  return useNoteWrite(patientId, ({ id, ...body }) => ({ url: `/api/notes/${encodeURIComponent(id)}`, method: 'PUT', body }));
}

export function useSignNote(patientId: string): UseMutationResult<NoteView, ApiError, { id: string; version: number }> {
  return useNoteWrite(patientId, ({ id, version }) => ({ url: `/api/notes/${encodeURIComponent(id)}/sign`, method: 'POST', body: { version } }));
}

export function useAddAddendum(patientId: string): UseMutationResult<NoteView, ApiError, { id: string; text: string }> {
  return useNoteWrite(patientId, ({ id, text }) => ({ url: `/api/notes/${encodeURIComponent(id)}/addenda`, method: 'POST', body: { text } }));
}
