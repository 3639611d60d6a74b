import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MeResponse } from '@lantern/core';
import { api, setCsrfToken } from './client';
import type { ApiError } from './api-error';

export const ME_KEY = ['me'] as const;

/** Reads /api/me and keeps its CSRF token for later writes. A 401 is returned, not redirected. */
export async function fetchMe(): Promise<MeResponse> {
  const me = await api<MeResponse>('/api/me', { handleAuthErrors: true });
  setCsrfToken(me.session.csrfToken);
  return me;
}

/** The signed-in user, clinic and session (the query every signed-in screen hangs from). */
export function useMe(): UseQueryResult<MeResponse, ApiError> {
  return useQuery<MeResponse, ApiError>({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}
