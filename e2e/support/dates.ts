/** The demo clinic's time zone: the dates the calendar and slot search speak in. */
const CLINIC_ZONE = 'America/Chicago';

/** Today's date in the clinic (`YYYY-MM-DD`). */
export function clinicToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The date `days` after `date` (`YYYY-MM-DD`); counted at noon UTC so no clock change moves it. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Whole days from one date to another (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** The first `weekday` (0 = Sunday) at least `after` days from the clinic's today. */
export function nextWeekday(weekday: number, after: number): string {
  let date = addDays(clinicToday(), after);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== weekday) date = addDays(date, 1);
  return date;
}
