import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type {
  AppointmentStatus,
  AppointmentView,
  BookAppointmentRequest,
  CalendarFeedView,
  CancelRequest,
  RescheduleRequest,
  SchedulingSetup,
  SlotCheckRequest,
  SlotCheckResponse,
  SlotSearchRequest,
  SlotSearchResponse,
} from '@lantern/core';
import { api, queryString } from '../../api/client';
import type { ApiError } from '../../api/api-error';

const KEY = ['scheduling'] as const;

/** Hours, rooms, types and staff templates: what every calendar view lays itself out from. */
export function useSchedulingSetup(): UseQueryResult<SchedulingSetup, ApiError> {
  return useQuery<SchedulingSetup, ApiError>({ queryKey: [...KEY, 'setup'], queryFn: () => api<SchedulingSetup>('/api/scheduling/setup'), staleTime: 60_000 });
}

/** Appointments between two clinic-local dates (inclusive). */
export function useAppointments(from: string, to: string, options: { includeCancelled?: boolean; refetchMs?: number } = {}): UseQueryResult<AppointmentView[], ApiError> {
  return useQuery<AppointmentView[], ApiError>({
    queryKey: [...KEY, 'appointments', { from, to, includeCancelled: options.includeCancelled ?? false }],
    queryFn: () => api<AppointmentView[]>(`/api/appointments${queryString({ from, to, includeCancelled: options.includeCancelled ? 'true' : undefined })}`, { background: options.refetchMs !== undefined }),
    placeholderData: keepPreviousData,
    ...(options.refetchMs ? { refetchInterval: options.refetchMs } : {}),
  });
}

/** The signed-in clinician's appointments today. */
export function useAgenda(): UseQueryResult<AppointmentView[], ApiError> {
  return useQuery<AppointmentView[], ApiError>({ queryKey: [...KEY, 'agenda'], queryFn: () => api<AppointmentView[]>('/api/appointments/agenda') });
}

export function useSlotSearch(): UseMutationResult<SlotSearchResponse, ApiError, SlotSearchRequest> {
  return useMutation<SlotSearchResponse, ApiError, SlotSearchRequest>({ mutationFn: (input) => api<SlotSearchResponse>('/api/scheduling/slot-search', { method: 'POST', body: input }) });
}

export function useCheckPlacement(): UseMutationResult<SlotCheckResponse, ApiError, SlotCheckRequest> {
  return useMutation<SlotCheckResponse, ApiError, SlotCheckRequest>({ mutationFn: (input) => api<SlotCheckResponse>('/api/scheduling/check', { method: 'POST', body: input }) });
}

function useScheduleMutation<TInput>(call: (input: TInput) => Promise<{ appointments: AppointmentView[] } | AppointmentView>): UseMutationResult<unknown, ApiError, TInput> {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, TInput>({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export function useBook(): UseMutationResult<unknown, ApiError, BookAppointmentRequest> {
  return useScheduleMutation((input: BookAppointmentRequest) => api<{ appointments: AppointmentView[] }>('/api/appointments', { method: 'POST', body: input }));
}

export function useReschedule(id: string): UseMutationResult<unknown, ApiError, RescheduleRequest> {
  return useScheduleMutation((input: RescheduleRequest) => api<{ appointments: AppointmentView[] }>(`/api/appointments/${encodeURIComponent(id)}/reschedule`, { method: 'POST', body: input }));
}

export function useCancelAppointment(id: string): UseMutationResult<unknown, ApiError, CancelRequest> {
  return useScheduleMutation((input: CancelRequest) => api<{ appointments: AppointmentView[] }>(`/api/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: input }));
}

export function useSetStatus(): UseMutationResult<unknown, ApiError, { id: string; status: Exclude<AppointmentStatus, 'proposed' | 'cancelled'> }> {
  return useScheduleMutation((input: { id: string; status: Exclude<AppointmentStatus, 'proposed' | 'cancelled'> }) =>
    api<AppointmentView>(`/api/appointments/${encodeURIComponent(input.id)}/status`, { method: 'POST', body: { status: input.status } }),
  );
}

export function useCalendarFeed(): UseQueryResult<CalendarFeedView, ApiError> {
  return useQuery<CalendarFeedView, ApiError>({ queryKey: [...KEY, 'feed'], queryFn: () => api<CalendarFeedView>('/api/calendar-feed') });
}

export function useRenewFeed(): UseMutationResult<CalendarFeedView, ApiError, 'renew' | 'revoke'> {
  const queryClient = useQueryClient();
  return useMutation<CalendarFeedView, ApiError, 'renew' | 'revoke'>({
    mutationFn: (action) => api<CalendarFeedView>(action === 'renew' ? '/api/calendar-feed' : '/api/calendar-feed/revoke', { method: 'POST', body: {} }),
    onSuccess: (view) => queryClient.setQueryData([...KEY, 'feed'], { ...view, url: null }),
  });
}

export function useAttendance(id: string): UseMutationResult<unknown, ApiError, { patientId: string; attendance: 'attended' | 'no_show' | 'late_cancel' }> {
  return useScheduleMutation((input: { patientId: string; attendance: 'attended' | 'no_show' | 'late_cancel' }) =>
    api<AppointmentView>(`/api/appointments/${encodeURIComponent(id)}/attendance`, { method: 'POST', body: input }),
  );
}

/** Adds a member to a group session: seated while there is room, otherwise on the waitlist (answers the group as it now stands). */
export function useAddGroupMember(id: string): UseMutationResult<AppointmentView, ApiError, { patientId: string }> {
  return useGroupMutation(id, 'members');
}

/** Takes a member out of a group session; the server seats the first on the waitlist who is free then. */
export function useWithdrawGroupMember(id: string): UseMutationResult<AppointmentView, ApiError, { patientId: string }> {
  return useGroupMutation(id, 'members/withdraw');
}

function useGroupMutation(id: string, action: 'members' | 'members/withdraw'): UseMutationResult<AppointmentView, ApiError, { patientId: string }> {
  const queryClient = useQueryClient();
  return useMutation<AppointmentView, ApiError, { patientId: string }>({
    mutationFn: (input) => api<AppointmentView>(`/api/appointments/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
