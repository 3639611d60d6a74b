import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { AuditEventView, BreakGlassGrant } from '@lantern/core';
import { api, queryString } from '../../api/client';
import type { ApiError } from '../../api/api-error';
import { auditSearchParams, type AuditFilters } from './audit-filters';

export interface AuditPage {
  readonly total: number;
  readonly events: AuditEventView[];
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBad: { readonly seq: number; readonly reason: string } | null;
}

export function useAuditEvents(filters: AuditFilters, page: { limit: number; offset: number }, timeZone: string): UseQueryResult<AuditPage, ApiError> {
  const params = { ...auditSearchParams(filters, timeZone), limit: page.limit, offset: page.offset };
  return useQuery<AuditPage, ApiError>({
    queryKey: ['audit', 'events', params],
    queryFn: () => api<AuditPage>(`/api/audit/events${queryString(params)}`),
    placeholderData: keepPreviousData,
  });
}

/** How many audit entries were written since `from` (one row fetched; `total` is the count). */
export function useRecentAuditCount(from: string): UseQueryResult<number, ApiError> {
  return useQuery<number, ApiError>({
    queryKey: ['audit', 'recent-count', from],
    queryFn: async () => (await api<AuditPage>(`/api/audit/events${queryString({ from, limit: 1 })}`)).total,
    staleTime: 5 * 60_000,
  });
}

export function useVerifyChain(): UseMutationResult<ChainVerification, ApiError, void> {
  return useMutation<ChainVerification, ApiError, void>({ mutationFn: () => api<ChainVerification>('/api/audit/verify') });
}

export function useBreakGlassGrants(unreviewedOnly: boolean): UseQueryResult<BreakGlassGrant[], ApiError> {
  return useQuery<BreakGlassGrant[], ApiError>({
    queryKey: ['break-glass', { unreviewedOnly }],
    queryFn: () => api<BreakGlassGrant[]>(`/api/break-glass${queryString({ unreviewed: String(unreviewedOnly) })}`),
  });
}

export function useReviewGrant(): UseMutationResult<void, ApiError, { id: string; note: string }> {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { id: string; note: string }>({
    mutationFn: async ({ id, note }) => {
      await api<{ ok: true }>(`/api/break-glass/${encodeURIComponent(id)}/review`, { method: 'POST', body: { note } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['break-glass'] }),
  });
}
