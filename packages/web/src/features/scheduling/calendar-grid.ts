import { dateOfDay, dayNumber, instantToLocal } from '@lantern/core';

/**
 * The calendar's geometry, kept apart from the components so it can be tested: which clinic-local
 * days a view shows, and where an appointment sits in a day column (in minutes from the grid's start).
 * All positions are clinic-local wall time, so a day column means the same hours on DST days.
 */

export type CalendarView = 'day' | 'week' | 'month';

/** Minutes between the grid lines (and the cells a click books into). */
export const CELL_MINUTES = 15;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The dates a view shows around `date`: one day, the Monday-to-Sunday week, or the month's weeks. */
export function visibleDates(view: CalendarView, date: string): string[] {
  const day = dayNumber(date);
  if (view === 'day') return [date];
  const monday = (d: number): number => d - ((d + 3) % 7);
  if (view === 'week') return Array.from({ length: 7 }, (_, i) => dateOfDay(monday(day) + i));
  const first = dayNumber(`${date.slice(0, 7)}-01`);
  const nextMonth = dayNumber(date.slice(5, 7) === '12' ? `${Number(date.slice(0, 4)) + 1}-01-01` : `${date.slice(0, 5)}${String(Number(date.slice(5, 7)) + 1).padStart(2, '0')}-01`);
  const start = monday(first);
  const weeks = Math.ceil((nextMonth - start) / 7);
  return Array.from({ length: weeks * 7 }, (_, i) => dateOfDay(start + i));
}

/** The date `steps` views before or after `date` (a day, a week or a month at a time). */
export function shiftDate(view: CalendarView, date: string, steps: number): string {
  if (view === 'day') return dateOfDay(dayNumber(date) + steps);
  if (view === 'week') return dateOfDay(dayNumber(date) + 7 * steps);
  const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + steps;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

/** The hours a day column covers: the clinic's earliest opening to its latest closing (07:00–19:00 without hours). */
export function gridHours(weekly: Readonly<Record<string, readonly { start: string; end: string }[] | undefined>>): { start: number; end: number } {
  const ranges = Object.values(weekly).flatMap((r) => r ?? []);
  if (ranges.length === 0) return { start: 7 * 60, end: 19 * 60 };
  const start = Math.min(...ranges.map((r) => minutesOf(r.start)));
  const end = Math.max(...ranges.map((r) => minutesOf(r.end)));
  return { start: Math.floor(start / 60) * 60, end: Math.ceil(end / 60) * 60 };
}

/** Where an appointment sits in its clinic-local day column: top and height in minutes from the grid start. */
export function placeInDay(appointment: { start: string; end: string }, timeZone: string, grid: { start: number; end: number }): { date: string; top: number; height: number } {
  const start = instantToLocal(Date.parse(appointment.start), timeZone);
  const minutes = Math.round((Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000);
  const top = minutesOf(start.time) - grid.start;
  const clippedTop = Math.max(0, top);
  return { date: start.date, top: clippedTop, height: Math.max(CELL_MINUTES, Math.min(minutes - (clippedTop - top), grid.end - grid.start - clippedTop)) };
}
