import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { problem, type ContraindicationAssessmentView, type EligibilityView } from '@lantern/core';
import { api } from '../../api/client';
import type { ApiError } from '../../api/api-error';
import { chartKey, useChartWrite } from './chart-api';

export function useContraindications(patientId: string): UseQueryResult<ContraindicationAssessmentView, ApiError> {
  return useQuery<ContraindicationAssessmentView, ApiError>({
    queryKey: [...chartKey(patientId), 'contraindications'],
    queryFn: () => api<ContraindicationAssessmentView>(`/api/patients/${encodeURIComponent(patientId)}/contraindications`),
  });
}

export function useEligibility(patientId: string): UseQueryResult<EligibilityView, ApiError> {
  return useQuery<EligibilityView, ApiError>({
    queryKey: [...chartKey(patientId), 'eligibility'],
    queryFn: () => api<EligibilityView>(`/api/patients/${encodeURIComponent(patientId)}/eligibility`),
  });
}

export function useRecordClearance(patientId: string): UseMutationResult<unknown, ApiError, { ruleId: string; note: string }> {
  return useChartWrite(patientId, () => ({ url: `/api/patients/${encodeURIComponent(patientId)}/contraindication-clearances` }));
}

export function useRecordOverride(patientId: string): UseMutationResult<unknown, ApiError, { ruleId: string; reason: string }> {
  return useChartWrite(patientId, () => ({ url: `/api/patients/${encodeURIComponent(patientId)}/contraindication-overrides` }));
}

export function useRecordDecision(patientId: string): UseMutationResult<EligibilityView, ApiError, { outcome: string; conditions: string[]; supersedes: string | null }> {
  return useChartWrite(patientId, () => ({ url: `/api/patients/${encodeURIComponent(patientId)}/eligibility` }));
}

/** The unmet conditions of a 409 `policy_blocked` answer (RFC 9457 extension member `unmet`). */
export function unmetOf(error: ApiError | null): { code: string; message: string }[] {
  if (!error) return [];
  const parsed = problem.safeParse(error.body);
  return parsed.success ? (parsed.data.unmet ?? []) : [];
}
