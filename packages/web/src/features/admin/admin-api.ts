import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { ClinicPolicy, CreateStaffRequest, StaffMember, StaffRole } from '@lantern/core';
import { api } from '../../api/client';
import type { ApiError } from '../../api/api-error';

export const STAFF_KEY = ['admin', 'staff'] as const;
export const OUTBOX_KEY = ['admin', 'outbox'] as const;
export const POLICY_KEY = ['admin', 'policy'] as const;

export interface CreatedStaff {
  readonly staff: StaffMember;
  readonly inviteUrl: string;
  readonly inviteExpiresAt: string;
}

export interface OutboxMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly status: string;
  readonly createdAt: string;
}

export interface PolicyVersionView {
  readonly version: number;
  readonly policy: ClinicPolicy;
}

/** The admin's one-click account actions (each POST /api/admin/staff/:id/<action>). */
export type StaffAction = 'deactivate' | 'reactivate' | 'reset-mfa' | 'unlock';

export function useStaff(enabled = true): UseQueryResult<StaffMember[], ApiError> {
  return useQuery<StaffMember[], ApiError>({ queryKey: STAFF_KEY, queryFn: () => api<StaffMember[]>('/api/admin/staff'), enabled });
}

export function useOutbox(): UseQueryResult<OutboxMessage[], ApiError> {
  return useQuery<OutboxMessage[], ApiError>({ queryKey: OUTBOX_KEY, queryFn: () => api<OutboxMessage[]>('/api/admin/outbox') });
}

export function usePolicy(): UseQueryResult<PolicyVersionView, ApiError> {
  return useQuery<PolicyVersionView, ApiError>({ queryKey: POLICY_KEY, queryFn: () => api<PolicyVersionView>('/api/admin/policy') });
}

export function useInviteStaff(): UseMutationResult<CreatedStaff, ApiError, CreateStaffRequest> {
  const queryClient = useQueryClient();
  return useMutation<CreatedStaff, ApiError, CreateStaffRequest>({
    mutationFn: (input) => api<CreatedStaff>('/api/admin/staff', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useUpdateRoles(): UseMutationResult<StaffMember, ApiError, { id: string; roles: StaffRole[] }> {
  const queryClient = useQueryClient();
  return useMutation<StaffMember, ApiError, { id: string; roles: StaffRole[] }>({
    mutationFn: ({ id, roles }) => api<StaffMember>(`/api/admin/staff/${encodeURIComponent(id)}/roles`, { method: 'PUT', body: { roles } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_KEY }),
  });
}

export function useStaffAction(): UseMutationResult<StaffMember, ApiError, { id: string; action: StaffAction }> {
  const queryClient = useQueryClient();
  return useMutation<StaffMember, ApiError, { id: string; action: StaffAction }>({
    mutationFn: ({ id, action }) => api<StaffMember>(`/api/admin/staff/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_KEY }),
  });
}

export function useSavePolicy(): UseMutationResult<PolicyVersionView, ApiError, { policy: ClinicPolicy; note: string | null }> {
  const queryClient = useQueryClient();
  return useMutation<PolicyVersionView, ApiError, { policy: ClinicPolicy; note: string | null }>({
    mutationFn: (input) => api<PolicyVersionView>('/api/admin/policy', { method: 'PUT', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(POLICY_KEY, saved);
      return queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
