import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import {
  likelyDuplicateProblem,
  type ClinicAlert,
  type ConvertInquiryResponse,
  type DuplicateCandidate,
  type InquiryDetail,
  type InquiryStatus,
  type InquirySummary,
  type TriageKind,
} from '@lantern/core';
import { api, queryString } from '../../api/client';
import type { ApiError } from '../../api/api-error';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilters {
  readonly status: InquiryStatus | 'open' | '';
  readonly triage: TriageKind | '';
  readonly assignee: 'me' | 'unassigned' | '';
}

export function useInquiries(filters: QueueFilters, offset: number): UseQueryResult<InquirySummary[], ApiError> {
  return useQuery<InquirySummary[], ApiError>({
    queryKey: ['intake', 'list', filters, offset],
    queryFn: () => api<InquirySummary[]>(`/api/intake/inquiries${queryString({ ...filters, limit: QUEUE_PAGE_SIZE, offset })}`, { background: true }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useInquiry(id: string): UseQueryResult<InquiryDetail, ApiError> {
  return useQuery<InquiryDetail, ApiError>({
    queryKey: ['intake', 'one', id],
    queryFn: () => api<InquiryDetail>(`/api/intake/inquiries/${encodeURIComponent(id)}`),
  });
}

export interface Assignee {
  readonly id: string;
  readonly displayName: string;
  readonly roles: string[];
}

export function useAssignees(): UseQueryResult<Assignee[], ApiError> {
  return useQuery<Assignee[], ApiError>({ queryKey: ['intake', 'assignees'], queryFn: () => api<Assignee[]>('/api/intake/assignees'), staleTime: 5 * 60_000 });
}

/** A change to one inquiry; the answer is the inquiry as it now stands. */
export type InquiryChange =
  | { readonly kind: 'assign'; readonly userId: string | null }
  | { readonly kind: 'status'; readonly status: Exclude<InquiryStatus, 'converted'> }
  | { readonly kind: 'note'; readonly body: string };

export function useChangeInquiry(id: string): UseMutationResult<InquiryDetail, ApiError, InquiryChange> {
  const queryClient = useQueryClient();
  return useMutation<InquiryDetail, ApiError, InquiryChange>({
    mutationFn: (change) => {
      const base = `/api/intake/inquiries/${encodeURIComponent(id)}`;
      switch (change.kind) {
        case 'assign':
          return api<InquiryDetail>(`${base}/assign`, { method: 'POST', body: { userId: change.userId } });
        case 'status':
          return api<InquiryDetail>(`${base}/status`, { method: 'POST', body: { status: change.status } });
        case 'note':
          return api<InquiryDetail>(`${base}/notes`, { method: 'POST', body: { body: change.body } });
      }
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(['intake', 'one', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['intake', 'list'] });
    },
  });
}

export interface ConvertInput {
  readonly dateOfBirth?: string;
  readonly confirmNotDuplicate?: boolean;
  readonly existingPatientId?: string;
}

export function useConvertInquiry(id: string): UseMutationResult<ConvertInquiryResponse, ApiError, ConvertInput> {
  const queryClient = useQueryClient();
  return useMutation<ConvertInquiryResponse, ApiError, ConvertInput>({
    mutationFn: (input) => api<ConvertInquiryResponse>(`/api/intake/inquiries/${encodeURIComponent(id)}/convert`, { method: 'POST', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['intake'] });
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
    },
  });
}

/** The likely duplicates a refused conversion named (409 `likely_duplicate`), or none. */
export function duplicateCandidates(error: ApiError | null): DuplicateCandidate[] {
  if (!error || error.code !== 'likely_duplicate') return [];
  const parsed = likelyDuplicateProblem.safeParse(error.body);
  return parsed.success ? parsed.data.candidates : [];
}

/** Open alerts, polled so an urgent one shows on every home screen within half a minute. */
export function useOpenAlerts(): UseQueryResult<ClinicAlert[], ApiError> {
  return useQuery<ClinicAlert[], ApiError>({ queryKey: ['alerts', 'open'], queryFn: () => api<ClinicAlert[]>('/api/alerts', { background: true }), refetchInterval: 30_000 });
}

export function useAcknowledgeAlert(): UseMutationResult<{ ok: true }, ApiError, string> {
  const queryClient = useQueryClient();
  return useMutation<{ ok: true }, ApiError, string>({
    mutationFn: (alertId) => api<{ ok: true }>(`/api/alerts/${encodeURIComponent(alertId)}/ack`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
