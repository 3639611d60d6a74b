import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { PublicPage, PublicPageSlug, PublicPageSummary, SavePublicPageRequest } from '@lantern/core';
import { api } from '../../api/client';
import type { ApiError } from '../../api/api-error';

export function usePublicPages(): UseQueryResult<PublicPageSummary[], ApiError> {
  return useQuery<PublicPageSummary[], ApiError>({ queryKey: ['public-pages'], queryFn: () => api<PublicPageSummary[]>('/api/admin/pages') });
}

export function usePublicPage(slug: PublicPageSlug): UseQueryResult<PublicPage, ApiError> {
  return useQuery<PublicPage, ApiError>({ queryKey: ['public-pages', slug], queryFn: () => api<PublicPage>(`/api/admin/pages/${slug}`) });
}

export function useSavePublicPage(slug: PublicPageSlug): UseMutationResult<PublicPage, ApiError, SavePublicPageRequest> {
  const queryClient = useQueryClient();
  return useMutation<PublicPage, ApiError, SavePublicPageRequest>({
    mutationFn: (input) => api<PublicPage>(`/api/admin/pages/${slug}`, { method: 'PUT', body: input }),
    onSuccess: (page) => {
      queryClient.setQueryData(['public-pages', slug], page);
      void queryClient.invalidateQueries({ queryKey: ['public-pages'], exact: true });
    },
  });
}

/** The server renders the preview with the public site's own Markdown settings (raw HTML shown as text). */
export function usePreview(): UseMutationResult<{ html: string }, ApiError, string> {
  return useMutation<{ html: string }, ApiError, string>({
    mutationFn: (body) => api<{ html: string }>('/api/admin/pages/preview', { method: 'POST', body: { body } }),
  });
}
