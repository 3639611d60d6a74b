import type { z } from 'zod';
import type { Unmet } from '../errors.js';
import { NOTE_SECTIONS, physicianExam, therapistEvaluation, type NoteKind, type PhysicianExam, type TherapistEvaluation } from '../schemas/note-content.js';

const COMPLETE: Record<NoteKind, z.ZodType> = { therapist_evaluation: therapistEvaluation, physician_exam: physicianExam };

/** 'heartRate' → 'heart rate'; array indexes become "item n". */
function words(key: PropertyKey): string {
  if (typeof key === 'number') return `item ${key + 1}`;
  return String(key)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Dates in an exam that cannot lie after the day it is signed (the rules read them as past events). */
function futureDates(content: unknown, today: string): Unmet[] {
  const exam = physicianExam.safeParse(content);
  if (!exam.success) return [];
  const unmet: Unmet[] = [];
  if (exam.data.substanceUse.substances.some((use) => use.lastUseDate !== null && use.lastUseDate > today)) {
    unmet.push({ code: 'note_date_in_future', message: '3. Substance use: a last-use date is in the future' });
  }
  if (exam.data.cardiovascular.events.some((event) => event.date > today)) {
    unmet.push({ code: 'note_date_in_future', message: '4. Cardiovascular: a heart attack or stroke date is in the future' });
  }
  return unmet;
}

/**
 * What stops a note being signed: one entry per incomplete section, in template order, naming up to
 * four of its fields; with `today` (the clinic-local date), also any date that lies in the future.
 * Empty when the content is a complete note of its kind.
 */
export function noteSignUnmet(kind: NoteKind, content: unknown, today?: string): Unmet[] {
  const parsed = COMPLETE[kind].safeParse(content);
  if (parsed.success) return today !== undefined && kind === 'physician_exam' ? futureDates(content, today) : [];
  const bySection = new Map<string, string[]>();
  for (const issue of parsed.error.issues) {
    const [section, ...rest] = issue.path;
    const key = section === undefined ? '' : String(section);
    const field = rest.length > 0 ? rest.map(words).join(' ') : null;
    const what = field ? `${field}${issue.code === 'invalid_type' ? '' : ` (${issue.message})`}` : 'not filled in';
    bySection.set(key, [...(bySection.get(key) ?? []), what]);
  }
  const titles = NOTE_SECTIONS[kind];
  return titles
    .filter(([key]) => bySection.has(key))
    .map(([key, title]) => {
      const missing = unique(bySection.get(key) ?? []);
      const listed = missing.slice(0, 4).join(', ') + (missing.length > 4 ? ` and ${missing.length - 4} more` : '');
      return { code: 'note_section_incomplete', message: `${title}: ${listed}` };
    });
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** The content of a signed therapist evaluation (it parsed complete when signed). */
export function signedEvaluation(content: unknown): TherapistEvaluation {
  return therapistEvaluation.parse(content);
}

/** The content of a signed physician exam (it parsed complete when signed). */
export function signedExam(content: unknown): PhysicianExam {
  return physicianExam.parse(content);
}
