import type { Unmet } from '../errors.js';
import { normalize, type Interval, type IntervalSet } from './intervals.js';
import { MS_PER_MINUTE, dateOfDay, localDayOf, weekOfDay } from './local-time.js';
import type { SchedulingPolicy } from './policy.js';
import type { PatientCourse } from './query.js';
import type { AppointmentKind } from './schemas.js';
import type { DayFrame } from './zone-days.js';

/** Codes shared with the course engine's gates (issue #4) where the rule is the same. */
export type CourseViolationCode = 'medicine_gates' | 'medicine_interval' | 'medicine_same_week' | 'integration_window';

/** A course rule a start breaks, in words a clinician understands. */
export interface CourseViolation extends Unmet {
  readonly code: CourseViolationCode;
}

/** How an appointment kind takes part in the course rules. */
export type CourseCategory = 'medicine' | 'integration' | 'other';

/** Medicine and integration sessions carry course rules; every other kind is free of them. */
export function courseCategory(kind: AppointmentKind): CourseCategory {
  switch (kind) {
    case 'medicine_oral':
    case 'medicine_im':
      return 'medicine';
    case 'integration':
      return 'integration';
    case 'evaluation':
    case 'physician_exam':
    case 'preparation':
    case 'couples_joint':
    case 'group':
    case 'follow_up':
      return 'other';
  }
}

interface CompiledSession {
  readonly start: number;
  readonly end: number;
  readonly day: number;
}

/** One patient's course with instants in epoch minutes and clinic-local day numbers. */
export interface CompiledCourse {
  readonly patientId: string;
  readonly gatesOpenFrom: number | null;
  /** Medicine sessions sorted by start. */
  readonly sessions: readonly CompiledSession[];
}

/** Compiles the course of each patient; a patient without a course has unmet medicine gates. */
export function compileCourses(
  patientIds: readonly string[],
  courses: readonly PatientCourse[],
  zone: string,
  ignoreBookingId: string | undefined,
): CompiledCourse[] {
  return patientIds.map((patientId) => {
    const course = courses.find((c) => c.patientId === patientId);
    const sessions = (course?.medicineSessions ?? [])
      .filter((s) => ignoreBookingId === undefined || s.bookingId !== ignoreBookingId)
      .map((s) => {
        const start = Math.floor(s.start / MS_PER_MINUTE);
        return { start, end: Math.ceil(s.end / MS_PER_MINUTE), day: localDayOf(zone, start) };
      })
      .sort((a, b) => a.start - b.start);
    const gates = course?.medicineGatesOpenFrom ?? null;
    return { patientId, gatesOpenFrom: gates === null ? null : Math.ceil(gates / MS_PER_MINUTE), sessions };
  });
}

/** Whether a medicine session on `day` keeps the interval and per-week rules for one course. */
function medicineDayAllowed(course: CompiledCourse, day: number, policy: SchedulingPolicy): boolean {
  const week = weekOfDay(day, policy.weekStartsOn);
  let sameWeek = 0;
  for (const session of course.sessions) {
    if (Math.abs(day - session.day) < policy.medicineIntervalMinDays) return false;
    if (weekOfDay(session.day, policy.weekStartsOn) === week) sameWeek++;
  }
  return sameWeek < policy.maxMedicineSessionsPerWeek;
}

/**
 * Starts allowed by the course rules over `frames`, for every patient at once:
 * medicine only once the gates are open, at least the policy interval from every other medicine
 * session and within the per-week limit; integration only inside the policy window after the latest
 * medicine session, once it has ended.
 */
export function courseAllowedStarts(
  category: CourseCategory,
  courses: readonly CompiledCourse[],
  frames: readonly DayFrame[],
  policy: SchedulingPolicy,
): IntervalSet {
  const out: Interval[] = [];
  for (const frame of frames) {
    let allowed: Interval[] = [[frame.start, frame.end]];
    for (const course of courses) {
      allowed = narrow(allowed, allowedForCourse(category, course, frame, policy));
      if (allowed.length === 0) break;
    }
    out.push(...allowed);
  }
  return normalize(out);
}

function allowedForCourse(
  category: CourseCategory,
  course: CompiledCourse,
  frame: DayFrame,
  policy: SchedulingPolicy,
): Interval[] {
  switch (category) {
    case 'other':
      return [[frame.start, frame.end]];
    case 'medicine': {
      if (course.gatesOpenFrom === null || !medicineDayAllowed(course, frame.day, policy)) return [];
      return [[Math.max(frame.start, course.gatesOpenFrom), frame.end]];
    }
    case 'integration': {
      const { min, max } = policy.integrationWindowDays;
      const out: Interval[] = [];
      course.sessions.forEach((session, i) => {
        const daysAfter = frame.day - session.day;
        if (daysAfter < min || daysAfter > max) return;
        // This medicine session is the latest one only until the next one starts.
        const next = course.sessions[i + 1];
        out.push([Math.max(frame.start, session.end), Math.min(frame.end, next ? next.start + 1 : frame.end)]);
      });
      return out;
    }
  }
}

/** Intersection of two short, sorted lists of intervals (they may touch). */
function narrow(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [as, ae] of a) {
    for (const [bs, be] of b) {
      const start = Math.max(as, bs);
      const end = Math.min(ae, be);
      if (end > start) out.push([start, end]);
    }
  }
  return out;
}

/** Every course rule a start (epoch minutes, on clinic-local `day`) breaks, in clinician words. */
export function courseViolations(
  category: CourseCategory,
  courses: readonly CompiledCourse[],
  start: number,
  day: number,
  policy: SchedulingPolicy,
): CourseViolation[] {
  const unmet: CourseViolation[] = [];
  for (const course of courses) {
    switch (category) {
      case 'other':
        break;
      case 'medicine':
        unmet.push(...medicineViolations(course, start, day, policy));
        break;
      case 'integration':
        unmet.push(...integrationViolations(course, start, day, policy));
        break;
    }
  }
  return unmet;
}

function medicineViolations(course: CompiledCourse, start: number, day: number, policy: SchedulingPolicy): CourseViolation[] {
  const unmet: CourseViolation[] = [];
  const who = `patient ${course.patientId}`;
  if (course.gatesOpenFrom === null) {
    unmet.push({ code: 'medicine_gates', message: `The medicine-session gates are not yet met for ${who}` });
  } else if (start < course.gatesOpenFrom) {
    const opens = new Date(course.gatesOpenFrom * MS_PER_MINUTE).toISOString();
    unmet.push({ code: 'medicine_gates', message: `The medicine-session gates for ${who} open only at ${opens}` });
  }
  const week = weekOfDay(day, policy.weekStartsOn);
  let sameWeek = 0;
  for (const session of course.sessions) {
    const apart = Math.abs(day - session.day);
    if (apart < policy.medicineIntervalMinDays) {
      unmet.push({
        code: 'medicine_interval',
        message: `${apart} days from the medicine session on ${dateOfDay(session.day)} for ${who}; policy asks at least ${policy.medicineIntervalMinDays}`,
      });
    }
    if (weekOfDay(session.day, policy.weekStartsOn) === week) sameWeek++;
  }
  if (sameWeek >= policy.maxMedicineSessionsPerWeek) {
    unmet.push({
      code: 'medicine_same_week',
      message: `${who} already has ${sameWeek} medicine session(s) that week; policy allows ${policy.maxMedicineSessionsPerWeek}`,
    });
  }
  return unmet;
}

function integrationViolations(course: CompiledCourse, start: number, day: number, policy: SchedulingPolicy): CourseViolation[] {
  const who = `patient ${course.patientId}`;
  const latest = course.sessions.filter((s) => s.start < start).at(-1);
  if (!latest) {
    return [{ code: 'integration_window', message: `${who} has no medicine session before this integration session` }];
  }
  const { min, max } = policy.integrationWindowDays;
  const daysAfter = day - latest.day;
  if (start < latest.end) {
    return [{ code: 'integration_window', message: `Integration for ${who} would start before the medicine session ends` }];
  }
  if (daysAfter < min || daysAfter > max) {
    return [
      {
        code: 'integration_window',
        message: `Integration for ${who} is ${daysAfter} days after the medicine session on ${dateOfDay(latest.day)}; policy offers days ${min}–${max}`,
      },
    ];
  }
  return [];
}
