import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { CourseModality, CourseTimelineView, PhaseListItem, PlanDefaultsView, PlannedCounts, PlanView, RosterView, SessionNoteView } from '@lantern/core';
import { api } from '../../api/client';
import type { ApiError } from '../../api/api-error';

/** Every course query starts with this key, so one invalidation refreshes timelines and lists. */
export const COURSE_KEY = ['course'] as const;

export function useCourse(patientId: string): UseQueryResult<CourseTimelineView, ApiError> {
  return useQuery<CourseTimelineView, ApiError>({
    queryKey: [...COURSE_KEY, 'patient', patientId],
    queryFn: () => api<CourseTimelineView>(`/api/patients/${encodeURIComponent(patientId)}/course`),
    retry: (count, error) => error.status !== 404 && count < 2,
  });
}

export function useCoursesByPhase(): UseQueryResult<PhaseListItem[], ApiError> {
  return useQuery<PhaseListItem[], ApiError>({ queryKey: [...COURSE_KEY, 'by-phase'], queryFn: () => api<PhaseListItem[]>('/api/courses') });
}

export function useIntegrationOverdue(): UseQueryResult<PhaseListItem[], ApiError> {
  return useQuery<PhaseListItem[], ApiError>({ queryKey: [...COURSE_KEY, 'overdue'], queryFn: () => api<PhaseListItem[]>('/api/courses/integration-overdue') });
}

export function useSessionNote(noteId: string | null): UseQueryResult<SessionNoteView, ApiError> {
  return useQuery<SessionNoteView, ApiError>({
    queryKey: [...COURSE_KEY, 'note', noteId],
    queryFn: () => api<SessionNoteView>(`/api/session-notes/${encodeURIComponent(noteId ?? '')}`),
    enabled: noteId !== null,
  });
}

/** A write to the course engine; every course view refreshes after it. */
function useCourseWrite<TBody, TResult>(request: (body: TBody) => { url: string; method: 'POST' | 'PUT'; body: unknown }): UseMutationResult<TResult, ApiError, TBody> {
  const queryClient = useQueryClient();
  return useMutation<TResult, ApiError, TBody>({
    mutationFn: (input) => {
      const { url, method, body } = request(input);
      return api<TResult>(url, { method, body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: COURSE_KEY }),
  });
}

export interface NewPlan {
  readonly modality: CourseModality;
  readonly focus: string;
  readonly title: string;
  readonly patientIds: string[];
  /** Groups only. */
  readonly capacity?: number;
  readonly facilitators?: string[];
  readonly content: { targetConditions: string[]; goals: string[]; intentions: string; careTeam: string[]; plannedCounts?: PlannedCounts };
}

/** The clinic policy's planned session counts a new plan starts from. */
export function usePlanDefaults(): UseQueryResult<PlanDefaultsView, ApiError> {
  return useQuery<PlanDefaultsView, ApiError>({ queryKey: [...COURSE_KEY, 'plan-defaults'], queryFn: () => api<PlanDefaultsView>('/api/plan-defaults'), staleTime: 5 * 60_000 });
}

export function useCreatePlan(): UseMutationResult<PlanView, ApiError, NewPlan> {
  return useCourseWrite((body) => ({ url: '/api/plans', method: 'POST', body }));
}

export interface NewSession {
  readonly planId: string;
  readonly kind: 'preparation' | 'medicine' | 'integration' | 'follow_up';
  readonly patientId: string;
  readonly route?: 'oral' | 'im';
}

export function useRecordSession(): UseMutationResult<{ sessionId: string; noteIds: string[] }, ApiError, NewSession> {
  return useCourseWrite(({ planId, patientId, ...rest }) => ({
    url: `/api/plans/${encodeURIComponent(planId)}/sessions`,
    method: 'POST',
    body: { ...rest, format: 'individual', attendees: [patientId], heldAt: new Date().toISOString() },
  }));
}

/** A step on a course: readiness, an override, a cycle decision, a safety flag or its review. */
export function useCourseStep(courseId: string): UseMutationResult<CourseTimelineView, ApiError, { path: string; body: unknown }> {
  return useCourseWrite(({ path, body }) => ({ url: `/api/courses/${encodeURIComponent(courseId)}/${path}`, method: 'POST', body }));
}

export function useSaveSessionNote(): UseMutationResult<SessionNoteView, ApiError, { id: string; version: number; content: SessionNoteView['content']; private: boolean }> {
  return useCourseWrite(({ id, ...body }) => ({ url: `/api/session-notes/${encodeURIComponent(id)}`, method: 'PUT', body }));
}

export function useSignSessionNote(): UseMutationResult<SessionNoteView, ApiError, { id: string; version: number }> {
  return useCourseWrite(({ id, version }) => ({ url: `/api/session-notes/${encodeURIComponent(id)}/sign`, method: 'POST', body: { version } }));
}

export function useCosignSessionNote(): UseMutationResult<SessionNoteView, ApiError, { id: string }> {
  return useCourseWrite(({ id }) => ({ url: `/api/session-notes/${encodeURIComponent(id)}/cosign`, method: 'POST', body: {} }));
}

/** The `unmet` list of a 409 gate refusal, if the error is one. */
export function unmetOf(error: ApiError | null): { code: string; message: string }[] {
  const body = error?.body as { unmet?: { code: string; message: string }[] } | null | undefined;
  return body?.unmet ?? [];
}

/** A write on the plan: the physician's co-signature, the patient's acknowledgement. */
export function usePlanStep(planId: string): UseMutationResult<PlanView, ApiError, { path: 'cosign' | 'acknowledgements'; body: unknown }> {
  return useCourseWrite(({ path, body }) => ({ url: `/api/plans/${encodeURIComponent(planId)}/${path}`, method: 'POST', body }));
}

/** Joint and group plans: who may dose in a medicine session now (each member's own gates). */
export function useRoster(planId: string, enabled: boolean): UseQueryResult<RosterView, ApiError> {
  return useQuery<RosterView, ApiError>({
    queryKey: [...COURSE_KEY, 'roster', planId],
    queryFn: () => api<RosterView>(`/api/plans/${encodeURIComponent(planId)}/medicine-roster?at=${encodeURIComponent(new Date().toISOString())}&route=oral`),
    enabled,
  });
}
