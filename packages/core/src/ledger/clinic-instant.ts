import { TZDate, tzName } from '@date-fns/tz';
import { format } from 'date-fns';

/** "2026-11-28 09:05 CST": an entry's instant in the clinic's zone, compact enough for a printed log. */
export function ledgerTimestamp(instant: Date, timeZone: string): string {
  return `${format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd HH:mm')} ${tzName(timeZone, instant, 'short')}`;
}
