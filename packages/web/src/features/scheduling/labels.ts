import type { AppointmentStatus, AppointmentView } from '@lantern/core';

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  proposed: 'Proposed',
  booked: 'Booked',
  arrived: 'Arrived',
  in_progress: 'In session',
  fulfilled: 'Done',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** The patients of an appointment as the caller may see them ("Busy" for those outside their scope). */
export function patientsOf(appointment: AppointmentView): string {
  const patients = appointment.participants.filter((p) => p.kind === 'patient' && p.status === 'booked');
  if (patients.length === 0) return 'No patients';
  if (patients.some((p) => p.name === null)) return patients.length > 1 ? `${patients.length} patients` : 'Patient (not on your care team)';
  if (patients.length > 2) return `${patients.length} patients`;
  return patients.map((p) => p.name).join(' & ');
}

/** The staff of an appointment, by name. */
export function staffOf(appointment: AppointmentView): string {
  return appointment.participants.filter((p) => p.kind === 'staff').map((p) => p.name ?? 'Staff').join(', ');
}

/** "10:00–13:00" in clinic time. */
export function timeRange(appointment: AppointmentView, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${format.format(new Date(appointment.start))}–${format.format(new Date(appointment.end))}`;
}

/** "Tue 1 Dec" for a clinic-local date. */
export function dayLabel(date: string, style: 'short' | 'long' = 'short'): string {
  const at = new Date(`${date}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: style, day: 'numeric', month: style === 'short' ? 'short' : 'long' }).format(at);
}
