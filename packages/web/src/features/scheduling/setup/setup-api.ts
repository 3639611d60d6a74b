import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { AppointmentTypeRequest, AppointmentTypeView, ClinicHoursRequest, RoomRequest, RoomView, StaffAvailabilityRequest } from '@lantern/core';
import { api } from '../../../api/client';
import type { ApiError } from '../../../api/api-error';

/** Every set-up change refreshes the whole scheduling cache: the calendar and slot search read the set-up. */
function useSetupMutation<TInput, TResult>(call: (input: TInput) => Promise<TResult>): UseMutationResult<TResult, ApiError, TInput> {
  const queryClient = useQueryClient();
  return useMutation<TResult, ApiError, TInput>({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scheduling'] }) });
}

export function useSaveClinicHours(): UseMutationResult<{ ok: true }, ApiError, ClinicHoursRequest> {
  return useSetupMutation((input: ClinicHoursRequest) => api<{ ok: true }>('/api/scheduling/clinic-hours', { method: 'PUT', body: input }));
}

export function useSaveStaffAvailability(staffId: string): UseMutationResult<{ ok: true }, ApiError, StaffAvailabilityRequest> {
  return useSetupMutation((input: StaffAvailabilityRequest) =>
    api<{ ok: true }>(`/api/scheduling/staff/${encodeURIComponent(staffId)}/availability`, { method: 'PUT', body: input }),
  );
}

export interface TimeOffInput {
  readonly start: string;
  readonly end: string;
  readonly note: string | null;
}

export function useAddTimeOff(staffId: string): UseMutationResult<{ id: string }, ApiError, TimeOffInput> {
  return useSetupMutation((input: TimeOffInput) => api<{ id: string }>(`/api/scheduling/staff/${encodeURIComponent(staffId)}/time-off`, { method: 'POST', body: input }));
}

/** Withdraws time off still ahead or under way; those hours are bookable again. */
export function useWithdrawTimeOff(staffId: string): UseMutationResult<{ ok: true }, ApiError, string> {
  return useSetupMutation((timeOffId: string) =>
    api<{ ok: true }>(`/api/scheduling/staff/${encodeURIComponent(staffId)}/time-off/${encodeURIComponent(timeOffId)}/withdraw`, { method: 'POST', body: {} }),
  );
}

/** Creates a type (no `id`) or edits one. */
export function useSaveAppointmentType(id: string | null): UseMutationResult<AppointmentTypeView, ApiError, AppointmentTypeRequest> {
  return useSetupMutation((input: AppointmentTypeRequest) =>
    id
      ? api<AppointmentTypeView>(`/api/scheduling/appointment-types/${encodeURIComponent(id)}`, { method: 'PUT', body: input })
      : api<AppointmentTypeView>('/api/scheduling/appointment-types', { method: 'POST', body: input }),
  );
}

/** Adds a room (no `id`) or edits one. */
export function useSaveRoom(id: string | null): UseMutationResult<RoomView, ApiError, RoomRequest> {
  return useSetupMutation((input: RoomRequest) =>
    id ? api<RoomView>(`/api/scheduling/rooms/${encodeURIComponent(id)}`, { method: 'PUT', body: input }) : api<RoomView>('/api/scheduling/rooms', { method: 'POST', body: input }),
  );
}
