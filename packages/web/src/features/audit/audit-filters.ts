import type { AuditAction, AuditOutcome } from '@lantern/core';
import { zonedWallTimeToUtc } from '../../ui/time';

/** The audit trail's filters as the form holds them (wall-clock times in the clinic's zone). */
export interface AuditFilters {
  readonly userId: string;
  readonly patientId: string;
  readonly action: AuditAction | '';
  readonly outcome: AuditOutcome | '';
  readonly from: string;
  readonly to: string;
  readonly sort: 'newest' | 'oldest';
}

export const NO_FILTERS: AuditFilters = { userId: '', patientId: '', action: '', outcome: '', from: '', to: '', sort: 'newest' };

export const ACTION_LABELS: Record<AuditAction, string> = {
  login: 'Sign-in',
  login_failed: 'Failed sign-in',
  logout: 'Sign-out',
  mfa_enrolled: 'MFA enrolled',
  mfa_reset: 'MFA reset',
  create: 'Create',
  read: 'Read',
  update: 'Update',
  delete: 'Delete',
  query: 'Search',
  export: 'Export',
  print: 'Print',
  execute: 'Execute',
  break_glass: 'Break-glass',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value.trim());
}

/** Problems with the filters that the server would refuse, by field, so the form can say so first. */
export function filterProblems(filters: AuditFilters): Partial<Record<keyof AuditFilters, string>> {
  const problems: Partial<Record<keyof AuditFilters, string>> = {};
  if (filters.userId && !isUuid(filters.userId)) problems.userId = 'Enter a user ID (a UUID), or pick a person';
  if (filters.patientId && !isUuid(filters.patientId)) problems.patientId = 'Enter a patient ID (a UUID)';
  if (filters.from && filters.to && filters.from > filters.to) problems.to = 'The end must be after the start';
  return problems;
}

/** The query parameters for /api/audit/events (and the CSV export) from valid filters. */
export function auditSearchParams(filters: AuditFilters, timeZone: string): Record<string, string> {
  const params: Record<string, string> = { sort: filters.sort };
  if (filters.userId && isUuid(filters.userId)) params.userId = filters.userId.trim();
  if (filters.patientId && isUuid(filters.patientId)) params.patientId = filters.patientId.trim();
  if (filters.action) params.action = filters.action;
  if (filters.outcome) params.outcome = filters.outcome;
  if (filters.from) params.from = zonedWallTimeToUtc(filters.from, timeZone);
  // "To" is inclusive of the minute typed.
  if (filters.to) params.to = new Date(Date.parse(zonedWallTimeToUtc(filters.to, timeZone)) + 59_999).toISOString();
  return params;
}
