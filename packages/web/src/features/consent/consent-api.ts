import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type {
  ConsentDocumentView,
  ConsentKind,
  ConsentRecord,
  PatientConsentsResponse,
  PublishConsentDocumentRequest,
  SignConsentRequest,
} from '@lantern/core';
import { api, queryString } from '../../api/client';
import type { ApiError } from '../../api/api-error';

const DOCUMENTS_KEY = ['consent', 'documents'] as const;

function patientKey(patientId: string): readonly unknown[] {
  return ['consent', 'patient', patientId];
}

/** A patient's consent status per kind, their releases and every consent signed. */
export function usePatientConsents(patientId: string, enabled = true): UseQueryResult<PatientConsentsResponse, ApiError> {
  return useQuery<PatientConsentsResponse, ApiError>({
    queryKey: patientKey(patientId),
    queryFn: () => api<PatientConsentsResponse>(`/api/patients/${encodeURIComponent(patientId)}/consents`),
    enabled,
  });
}

/** The current version of each kind, or every version of one kind with `history`. */
export function useConsentDocuments(filter: { kind?: ConsentKind; history?: boolean } = {}): UseQueryResult<ConsentDocumentView[], ApiError> {
  return useQuery<ConsentDocumentView[], ApiError>({
    queryKey: [...DOCUMENTS_KEY, filter],
    queryFn: () => api<ConsentDocumentView[]>(`/api/consent-documents${queryString({ kind: filter.kind, history: filter.history ? 'true' : undefined })}`),
  });
}

export function usePublishConsentDocument(): UseMutationResult<ConsentDocumentView, ApiError, PublishConsentDocumentRequest> {
  const queryClient = useQueryClient();
  return useMutation<ConsentDocumentView, ApiError, PublishConsentDocumentRequest>({
    mutationFn: (input) => api<ConsentDocumentView>('/api/consent-documents', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consent'] }),
  });
}

export function useSignConsent(patientId: string): UseMutationResult<ConsentRecord, ApiError, SignConsentRequest> {
  const queryClient = useQueryClient();
  return useMutation<ConsentRecord, ApiError, SignConsentRequest>({
    mutationFn: (input) => api<ConsentRecord>(`/api/patients/${encodeURIComponent(patientId)}/consents`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientKey(patientId) }),
  });
}

export function useRevokeConsent(patientId: string): UseMutationResult<ConsentRecord, ApiError, { consentId: string; reason: string }> {
  const queryClient = useQueryClient();
  return useMutation<ConsentRecord, ApiError, { consentId: string; reason: string }>({
    mutationFn: ({ consentId, reason }) =>
      api<ConsentRecord>(`/api/patients/${encodeURIComponent(patientId)}/consents/${encodeURIComponent(consentId)}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientKey(patientId) }),
  });
}

/** Where the browser downloads a signed consent's PDF (a plain GET; the session cookie goes with it). */
export function consentPdfUrl(patientId: string, consentId: string): string {
  return `/api/patients/${encodeURIComponent(patientId)}/consents/${encodeURIComponent(consentId)}/pdf`;
}
