/**
 * Dates and times as the clinic reads them: instants shown in the clinic's time zone (not the
 * browser's), and the wall-clock times people type turned back into instants in that same zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** "12 Mar 2026, 14:05" in `timeZone`. */
export function formatDateTime(iso: string, timeZone: string): string {
  const format = formatter(`dt:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  );
  return format.format(new Date(iso));
}

/** "28 Nov, 14:05" this year, "28 Nov 2025" before: compact, for table cells. */
export function formatShortDateTime(iso: string, timeZone: string, now: Date = new Date()): string {
  const yearOf = formatter(`y:${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric' }));
  if (yearOf.format(new Date(iso)) !== yearOf.format(now)) return formatCalendarDateIn(iso, timeZone);
  const format = formatter(`sdt:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  );
  return format.format(new Date(iso));
}

function formatCalendarDateIn(iso: string, timeZone: string): string {
  const format = formatter(`d:${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }));
  return format.format(new Date(iso));
}

/** "14:05" in `timeZone`. */
export function formatTime(iso: string, timeZone: string): string {
  const format = formatter(`t:${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  return format.format(new Date(iso));
}

/** A calendar date (`1986-04-12`, no time or zone) as "12 Apr 1986". */
export function formatCalendarDate(isoDate: string): string {
  const format = formatter('date', () => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }));
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Whole years from a calendar date of birth to `now`. */
export function ageOn(isoDate: string, now: Date): number {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  let age = now.getUTCFullYear() - year;
  const beforeBirthday = now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

/** Minutes `timeZone` is ahead of UTC at the instant `utcMs` (e.g. -300 for Chicago in summer). */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const format = formatter(`parts:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
  );
  const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The instant (ISO, UTC) of a wall-clock time `YYYY-MM-DDTHH:mm` in `timeZone`. Across a DST change
 * the offset is checked twice, so times either side of the change come out right; a time that does
 * not exist (in the spring-forward gap) lands just after the gap.
 */
export function zonedWallTimeToUtc(wall: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) throw new Error(`Not a wall-clock time: ${wall}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asIfUtc = Date.UTC(y, mo - 1, d, h, mi);
  const first = asIfUtc - offsetMinutes(asIfUtc, timeZone) * 60_000;
  const second = asIfUtc - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second).toISOString();
}

/** The wall-clock time `YYYY-MM-DDTHH:mm` in `timeZone` of an instant (for datetime-local inputs). */
export function utcToZonedWallTime(iso: string, timeZone: string): string {
  const ms = new Date(iso).getTime();
  const local = new Date(ms + offsetMinutes(ms, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}

/** "in 1:42" style countdown text for a number of seconds. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
