import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { PatientHeader } from '@lantern/core';
import { api, queryString } from '../../api/client';
import type { ApiError } from '../../api/api-error';

export const PATIENTS_PAGE_SIZE = 25;

export function usePatients(q: string, offset: number): UseQueryResult<PatientHeader[], ApiError> {
  return useQuery<PatientHeader[], ApiError>({
    queryKey: ['patients', 'list', { q, offset }],
    queryFn: () => api<PatientHeader[]>(`/api/patients${queryString({ q: q.trim() || undefined, limit: PATIENTS_PAGE_SIZE, offset })}`),
    placeholderData: keepPreviousData,
  });
}

export function usePatient(id: string): UseQueryResult<PatientHeader, ApiError> {
  return useQuery<PatientHeader, ApiError>({
    queryKey: ['patients', 'one', id],
    queryFn: () => api<PatientHeader>(`/api/patients/${encodeURIComponent(id)}`),
  });
}

/** Emergency access to one chart (audited, reviewed); on success the chart is read again. */
export function useBreakGlass(): UseMutationResult<{ expiresAt: string }, ApiError, { patientId: string; reason: string }> {
  const queryClient = useQueryClient();
  return useMutation<{ expiresAt: string }, ApiError, { patientId: string; reason: string }>({
    mutationFn: (input) => api<{ expiresAt: string }>('/api/break-glass', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['patients'] }),
  });
}
