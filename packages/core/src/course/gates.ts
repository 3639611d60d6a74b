import type { Unmet } from '../errors.js';
import { clinicDateOf } from '../consent/clinic-time.js';
import { addClinicDays, clinicDaysBetween, type ClinicDate } from '../ledger/clinic-date.js';
import { dayNumber, weekOfDay } from '../scheduling/local-time.js';
import type { EpochMs } from '../scheduling/schemas.js';
import type { CoursePolicy } from './policy.js';
import type { MedicineRoute } from '../scheduling/query.js';
import { SAFETY_FLAG_LABELS, type CourseFacts, type CycleDecision, type SessionFact } from './model.js';

/**
 * The course engine's gates (issue #4, "Phases and gates"). Each answers with every unmet condition
 * in words a clinician understands, under a stable code; the server refuses the step with that list
 * (HTTP 409). Pure: facts, policy, the clinic's time zone and the instant are arguments.
 */

/** Stable codes of unmet conditions (issue #4, "Names that outside checks will use", and ours). */
export const GATE_CODES = [
  'eligibility',
  'prep_sessions_min',
  'consent_current',
  'readiness_attested',
  'safety_flag_open',
  'first_medicine_oral',
  'oral_before_im',
  'medicine_interval',
  'medicine_same_week',
  'medicine_order',
  'integration_done',
  'cycle_decision',
  'integration_before_medicine',
  'course_completed',
] as const;
export type GateCode = (typeof GATE_CODES)[number];

/** The codes of gate 2 (preparation → medicine): facts about the patient, not about the session's time. */
export const READINESS_CODES: readonly GateCode[] = ['eligibility', 'prep_sessions_min', 'consent_current', 'readiness_attested', 'safety_flag_open'];

/** Policy and clinic facts every time-dependent rule needs. */
export interface GateSettings {
  readonly policy: CoursePolicy;
  readonly timeZone: string;
}

function unmet(code: GateCode, message: string): Unmet {
  return { code, message };
}

function localDate(at: EpochMs, timeZone: string): ClinicDate {
  return clinicDateOf(new Date(at), timeZone);
}

function byTime(a: SessionFact, b: SessionFact): number {
  return a.heldAt - b.heldAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Medicine sessions in the order they were held. */
export function medicineSessionsOf(facts: CourseFacts): SessionFact[] {
  return facts.sessions.filter((s) => s.kind === 'medicine').sort(byTime);
}

/** The preparation minimum for this patient: the therapist's override, else the policy's. */
export function prepMinimumOf(facts: CourseFacts, policy: CoursePolicy): number {
  return facts.prepMinimumOverride ?? policy.minPrepSessions;
}

export function signedPrepSessions(facts: CourseFacts): number {
  return facts.sessions.filter((s) => s.kind === 'preparation' && s.signed).length;
}

/** True when at least one integration session held after `medicine` has a signed note. */
export function integrationDoneFor(facts: CourseFacts, medicine: SessionFact): boolean {
  return facts.sessions.some((s) => s.kind === 'integration' && s.signed && s.heldAt > medicine.heldAt);
}

function completedUnmet(facts: CourseFacts): Unmet[] {
  return facts.status === 'completed' ? [unmet('course_completed', 'This course is completed; open a new course to continue treatment')] : [];
}

/** Gate 1 (evaluation → preparation): the eligibility decision is eligible or eligible with conditions. */
export function preparationUnmet(facts: CourseFacts): Unmet[] {
  return [...completedUnmet(facts), ...(facts.eligible ? [] : [unmet('eligibility', facts.eligibilityMessage)])];
}

/**
 * Gate 2 (preparation → medicine): eligible, enough signed preparation sessions, current KAP consent,
 * the therapist's readiness attestation, and no open safety flag.
 */
export function readinessUnmet(facts: CourseFacts, policy: CoursePolicy): Unmet[] {
  const result: Unmet[] = [];
  if (!facts.eligible) result.push(unmet('eligibility', facts.eligibilityMessage));
  const minimum = prepMinimumOf(facts, policy);
  const signed = signedPrepSessions(facts);
  if (signed < minimum) {
    const why = facts.prepMinimumOverride !== null ? ' (minimum set for this patient by the therapist)' : '';
    result.push(unmet('prep_sessions_min', `${signed} of ${minimum} preparation sessions signed${why}`));
  }
  if (facts.consent) result.push({ code: 'consent_current', message: facts.consent.message });
  if (facts.readinessAttestedAt === null) result.push(unmet('readiness_attested', 'The therapist has not yet attested that the patient is ready for a medicine session'));
  for (const flag of facts.openSafetyFlags) {
    result.push(unmet('safety_flag_open', `Open safety flag: ${SAFETY_FLAG_LABELS[flag]}; a clinician must review it first`));
  }
  return result;
}

/** The latest cycle decision recorded for a medicine session, if any. */
export function cycleDecisionFor(facts: CourseFacts, medicineSessionId: string): CycleDecision | null {
  const decisions = facts.cycleDecisions.filter((d) => d.medicineSessionId === medicineSessionId).sort((a, b) => a.at - b.at);
  return decisions.at(-1)?.decision ?? null;
}

/**
 * Gates 2 and 3 for a medicine session at `at` by `route`: readiness, then the first session oral
 * (unless the physician overrode it), IM only after an oral session with a documented response, the
 * policy interval and weekly limit in clinic-local days, the previous session's integration signed and
 * its cycle decision recorded. Returns every unmet condition.
 */
export function medicineSessionUnmet(facts: CourseFacts, session: { readonly at: EpochMs; readonly route: MedicineRoute }, settings: GateSettings): Unmet[] {
  const { policy, timeZone } = settings;
  const result: Unmet[] = [...completedUnmet(facts), ...readinessUnmet(facts, policy)];
  const medicine = medicineSessionsOf(facts);
  const before = medicine.filter((s) => s.heldAt < session.at);
  if (before.length < medicine.length) {
    result.push(unmet('medicine_order', 'A later medicine session is already recorded; a session cannot be added before it'));
  }
  const previous = before.at(-1) ?? null;
  const overridden = previous === null && facts.firstRouteOverride;
  if (previous === null && session.route !== 'oral' && !overridden) {
    result.push(unmet('first_medicine_oral', 'The first medicine session of a course is oral unless the physician overrides it with a reason'));
  }
  if (session.route === 'im' && !overridden && !before.some((s) => s.route === 'oral' && s.signed && s.responseDocumented === true)) {
    result.push(unmet('oral_before_im', 'An IM session needs at least one completed oral session with its response documented'));
  }
  if (previous !== null) {
    const lastDate = localDate(previous.heldAt, timeZone);
    const date = localDate(session.at, timeZone);
    const days = clinicDaysBetween(lastDate, date);
    if (days < policy.medicineIntervalDays) {
      result.push(
        unmet(
          'medicine_interval',
          `${days} day${days === 1 ? '' : 's'} since the last medicine session on ${lastDate}; the clinic's policy asks for at least ${policy.medicineIntervalDays} (earliest ${addClinicDays(lastDate, policy.medicineIntervalDays)})`,
        ),
      );
    }
    const week = weekOfDay(dayNumber(date), policy.weekStartsOn);
    const sameWeek = before.filter((s) => weekOfDay(dayNumber(localDate(s.heldAt, timeZone)), policy.weekStartsOn) === week).length;
    if (sameWeek >= policy.maxMedicineSessionsPerWeek) {
      result.push(unmet('medicine_same_week', `${sameWeek} medicine session${sameWeek === 1 ? '' : 's'} already in that week; the policy allows ${policy.maxMedicineSessionsPerWeek}`));
    }
    if (!integrationDoneFor(facts, previous)) {
      result.push(unmet('integration_done', `No signed integration session yet after the medicine session on ${lastDate}`));
    } else {
      const decision = cycleDecisionFor(facts, previous.id);
      if (decision === null) result.push(unmet('cycle_decision', 'Therapist and patient have not yet recorded the decision after integration'));
      else if (decision === 'complete') result.push(unmet('course_completed', 'The course was completed after the last integration'));
    }
  }
  return result;
}

/** An integration session at `at` needs a medicine session before it. */
export function integrationSessionUnmet(facts: CourseFacts, at: EpochMs): Unmet[] {
  const held = medicineSessionsOf(facts).some((s) => s.heldAt < at);
  return [
    ...completedUnmet(facts),
    ...(held ? [] : [unmet('integration_before_medicine', 'An integration session follows a medicine session; none is recorded before this time')]),
  ];
}

/** Gate 5: the cycle decision needs the latest medicine session's integration signed, and is recorded once. */
export function cycleDecisionUnmet(facts: CourseFacts): Unmet[] {
  const latest = medicineSessionsOf(facts).at(-1);
  if (!latest) return [...completedUnmet(facts), unmet('integration_done', 'No medicine session yet: the decision follows a medicine session and its integration')];
  const result = completedUnmet(facts);
  if (!integrationDoneFor(facts, latest)) result.push(unmet('integration_done', 'Sign at least one integration session after the latest medicine session first'));
  if (cycleDecisionFor(facts, latest.id) !== null) result.push(unmet('cycle_decision', 'The decision for this cycle is already recorded'));
  return result;
}

/**
 * The instant from which a medicine session may start as far as the facts go (scheduling's
 * `PatientCourse.medicineGatesOpenFrom`): null while any gate-2 condition is unmet; otherwise the
 * readiness attestation (the last of them in practice), never later than `now`.
 */
export function medicineGatesOpenFrom(facts: CourseFacts, now: EpochMs, policy: CoursePolicy): EpochMs | null {
  if (facts.status === 'completed' || readinessUnmet(facts, policy).length > 0) return null;
  return Math.min(facts.readinessAttestedAt ?? now, now);
}
