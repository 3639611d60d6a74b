import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type {
  AllergyView,
  CareTeam,
  CareTeamCandidate,
  ChartHeader,
  DiagnosisView,
  FindingView,
  Icd10EntryView,
  MeasurementView,
  MedicationList,
  PatientProfile,
} from '@lantern/core';
import { api, queryString } from '../../api/client';
import type { ApiError } from '../../api/api-error';

/** Every query of one chart starts with this key, so a change refreshes the whole chart (header badge included). */
export function chartKey(patientId: string): readonly unknown[] {
  return ['patients', 'chart', patientId];
}

function patientUrl(patientId: string, section: string): string {
  return `/api/patients/${encodeURIComponent(patientId)}/${section}`;
}

function useChartQuery<T>(patientId: string, section: string, enabled = true): UseQueryResult<T, ApiError> {
  return useQuery<T, ApiError>({ queryKey: [...chartKey(patientId), section], queryFn: () => api<T>(patientUrl(patientId, section)), enabled });
}

export function useChartHeader(patientId: string): UseQueryResult<ChartHeader, ApiError> {
  return useChartQuery<ChartHeader>(patientId, 'chart-header');
}

export function useProfile(patientId: string): UseQueryResult<PatientProfile, ApiError> {
  return useChartQuery<PatientProfile>(patientId, 'profile');
}

export function useDiagnoses(patientId: string): UseQueryResult<DiagnosisView[], ApiError> {
  return useChartQuery<DiagnosisView[]>(patientId, 'diagnoses');
}

export function useMedications(patientId: string): UseQueryResult<MedicationList, ApiError> {
  return useChartQuery<MedicationList>(patientId, 'medications');
}

export function useAllergies(patientId: string): UseQueryResult<AllergyView[], ApiError> {
  return useChartQuery<AllergyView[]>(patientId, 'allergies');
}

export function useMeasurements(patientId: string): UseQueryResult<MeasurementView[], ApiError> {
  return useChartQuery<MeasurementView[]>(patientId, 'measurements');
}

export function useFindings(patientId: string): UseQueryResult<FindingView[], ApiError> {
  return useChartQuery<FindingView[]>(patientId, 'findings');
}

export function useCareTeamCandidates(enabled: boolean): UseQueryResult<CareTeamCandidate[], ApiError> {
  return useQuery<CareTeamCandidate[], ApiError>({ queryKey: ['care-team-candidates'], queryFn: () => api<CareTeamCandidate[]>('/api/care-team/candidates'), enabled });
}

/** The bundled ICD-10-CM list, searched on the server (no patient data; not audited). */
export function useIcd10Search(query: string): UseQueryResult<Icd10EntryView[], ApiError> {
  const q = query.trim();
  return useQuery<Icd10EntryView[], ApiError>({
    queryKey: ['icd10', q],
    queryFn: () => api<Icd10EntryView[]>(`/api/icd10${queryString({ q })}`),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/**
 * A write to one chart: POST or PUT `url` with the variables as the body; on success the chart's
 * queries are refreshed (a new medication can re-open the eligibility decision shown in the header).
 */
export function useChartWrite<TBody, TResult>(
  patientId: string,
  request: (body: TBody) => { readonly url: string; readonly method?: 'POST' | 'PUT' },
): UseMutationResult<TResult, ApiError, TBody> {
  const queryClient = useQueryClient();
  return useMutation<TResult, ApiError, TBody>({
    mutationFn: (body) => {
      const { url, method } = request(body);
      const { id: _id, ...payload } = body as TBody & { id?: string };
      return api<TResult>(url, { method: method ?? 'POST', body: payload });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chartKey(patientId) }),
  });
}

export function useSaveProfile(patientId: string): UseMutationResult<PatientProfile, ApiError, Record<string, unknown>> {
  return useChartWrite<Record<string, unknown>, PatientProfile>(patientId, () => ({ url: patientUrl(patientId, 'profile'), method: 'PUT' }));
}

export function useSaveCareTeam(patientId: string): UseMutationResult<CareTeam, ApiError, { members: { userId: string; role: string }[] }> {
  return useChartWrite(patientId, () => ({ url: patientUrl(patientId, 'care-team'), method: 'PUT' }));
}

/** POST to a chart section (`diagnoses`, `medications`…). */
export function useAddEntry<TBody>(patientId: string, section: string): UseMutationResult<unknown, ApiError, TBody> {
  return useChartWrite<TBody, unknown>(patientId, () => ({ url: patientUrl(patientId, section) }));
}

/** POST to one entry's action (`/api/medications/:id/stop`…); the body carries the entry `id`, not sent. */
export function useEntryAction<TBody extends { id: string }>(patientId: string, resource: string, action: string): UseMutationResult<unknown, ApiError, TBody> {
  return useChartWrite<TBody, unknown>(patientId, (body) => ({ url: `/api/${resource}/${encodeURIComponent(body.id)}/${action}` }));
}
