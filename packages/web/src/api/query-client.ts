import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/**
 * One QueryClient for the app. Reads of patient data are audited server-side, so nothing refetches
 * on window focus; 4xx answers are final and never retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
