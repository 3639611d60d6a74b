import { createEvents, type EventAttributes } from 'ics';

/** One appointment as a calendar event (RFC 5545 VEVENT), with nothing clinical in it. */
export interface CalendarEntry {
  readonly id: string;
  readonly start: Date;
  readonly end: Date;
  /** The appointment type's name, e.g. "Preparation session". */
  readonly title: string;
  readonly location: string | null;
  readonly cancelled: boolean;
  /** Bumped on every change, so calendar apps replace the older copy (RFC 5545 §3.8.7.4). */
  readonly sequence: number;
  /** When the appointment last changed, if known (LAST-MODIFIED). */
  readonly updatedAt?: Date;
}

const PRODUCT_ID = '-//Lantern//Scheduling//EN';

function eventOf(entry: CalendarEntry, description: string): EventAttributes {
  return {
    uid: `${entry.id}@lantern`,
    start: entry.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: entry.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: entry.title,
    description,
    ...(entry.location ? { location: entry.location } : {}),
    status: entry.cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: entry.cancelled ? 'FREE' : 'BUSY',
    sequence: entry.sequence,
    ...(entry.updatedAt ? { lastModified: entry.updatedAt.getTime() } : {}),
    classification: 'PRIVATE',
    productId: PRODUCT_ID,
  };
}

/**
 * An iCalendar file (RFC 5545) of `entries`. Descriptions point back to Lantern rather than carry
 * names or reasons: a calendar feed ends up on phones and in third-party calendar services.
 */
export function calendarFile(entries: readonly CalendarEntry[], options: { readonly calendarName: string; readonly description: string }): string {
  const { error, value } = createEvents(
    entries.map((entry) => eventOf(entry, options.description)),
    { productId: PRODUCT_ID, calName: options.calendarName, method: 'PUBLISH' },
  );
  if (error || value === undefined || value === null) throw new Error(`Calendar file could not be built: ${error?.message ?? 'no output'}`);
  return value;
}
