import { TZDate, tzName } from '@date-fns/tz';
import { format } from 'date-fns';
import type { ClinicDate } from '../ledger/clinic-date.js';

/**
 * The clinic-local calendar date of an instant ("today" in the clinic): a consent signed at 23:30
 * in Chicago is dated that evening, not the next UTC day. Pure: the instant and the zone are inputs.
 */
export function clinicDateOf(instant: Date, timeZone: string): ClinicDate {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** "28 Nov 2026, 09:00:00 CST (UTC-06:00)" in the clinic's zone, for signed records and PDFs. */
export function formatClinicInstant(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${format(local, 'd MMM yyyy, HH:mm:ss')} ${tzName(timeZone, instant, 'short')} (UTC${format(local, 'xxx')})`;
}

/** "2026-11-28 15:00:00 UTC": the same instant in UTC, unambiguous. */
export function formatUtcInstant(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
