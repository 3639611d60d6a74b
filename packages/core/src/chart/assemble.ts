import type { ConditionFinding, IntakeChart, Medication, ReportableCondition } from '../intake/contraindications/chart.js';
import type { PhysicianExam, TherapistEvaluation } from '../schemas/note-content.js';
import { evaluationFindings, examFindings, type NoteFindings } from './note-findings.js';

/** A signed note's content and when it was signed (ISO instant). */
export interface SignedContent<T> {
  readonly content: T;
  readonly signedAt: string;
}

/** Everything on a chart that the contraindication rules read. */
export interface ChartSources {
  readonly dateOfBirth: string;
  /** The pre-screen self-report carried from intake, if the patient came through it. */
  readonly selfReport: IntakeChart | null;
  /** Active diagnosis codes. */
  readonly diagnoses: readonly string[];
  /** Active medications. */
  readonly medications: readonly Medication[];
  /** Whether anyone has started the chart's medication list (even if every entry is stopped now). */
  readonly medicationListStarted: boolean;
  /** Active allergies (substances). */
  readonly allergies: readonly string[];
  /** Active conditions reported on the chart (pregnancy, an outside record…). */
  readonly findings: readonly { readonly condition: ReportableCondition; readonly note: string | null }[];
  /** The latest signed therapist evaluation and physician exam; drafts are never read. */
  readonly evaluation: SignedContent<TherapistEvaluation> | null;
  readonly exam: SignedContent<PhysicianExam> | null;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * The chart the rules assess, from its parts. Later, better evidence wins where two sources answer the
 * same question: the signed physician exam over the self-report for pregnancy, breastfeeding, blood
 * pressure and Child-Pugh class; the more recently signed note's C-SSRS over the other and over the
 * self-report. Everything else adds up: diagnoses, findings, substance use and events from every
 * source, so nothing reported is lost. Self-reported medications count only until the chart's own
 * medication list is started (reconciliation replaces them, so doses are never counted twice).
 */
export function assembleIntakeChart(sources: ChartSources): IntakeChart {
  const self = sources.selfReport;
  const evaluation = sources.evaluation ? evaluationFindings(sources.evaluation.content) : null;
  const exam = sources.exam ? examFindings(sources.exam.content) : null;
  const notes: NoteFindings[] = [evaluation, exam].filter((n): n is NoteFindings => n !== null);
  const recorded: ConditionFinding[] = sources.findings.map((f) => ({
    condition: f.condition,
    source: 'record',
    ...(f.note ? { note: f.note.slice(0, 500) } : {}),
  }));
  const latestCssrs = [
    sources.evaluation && evaluation?.cssrs ? { at: sources.evaluation.signedAt, cssrs: evaluation.cssrs } : null,
    sources.exam && exam?.cssrs ? { at: sources.exam.signedAt, cssrs: exam.cssrs } : null,
  ]
    .filter((c) => c !== null)
    .sort((a, b) => (a.at < b.at ? 1 : -1))[0]?.cssrs;
  const cssrs = latestCssrs ?? self?.cssrs;
  const pregnant = exam?.pregnant ?? self?.pregnant;
  const breastfeeding = exam?.breastfeeding ?? self?.breastfeeding;
  const bloodPressure = exam?.bloodPressure ?? self?.bloodPressure;
  const childPughClass = exam?.childPughClass ?? self?.childPughClass;
  return {
    dateOfBirth: sources.dateOfBirth,
    diagnoses: unique([...sources.diagnoses, ...notes.flatMap((n) => n.diagnoses), ...(self?.diagnoses ?? [])]),
    medications: sources.medicationListStarted ? [...sources.medications] : [...(self?.medications ?? [])],
    allergies: unique([...sources.allergies, ...(self?.allergies ?? [])]),
    conditions: [...recorded, ...notes.flatMap((n) => n.conditions), ...(self?.conditions ?? [])],
    substanceUse: [...notes.flatMap((n) => n.substanceUse), ...(self?.substanceUse ?? [])],
    cardiovascularEvents: [...notes.flatMap((n) => n.cardiovascularEvents), ...(self?.cardiovascularEvents ?? [])],
    ...(cssrs ? { cssrs } : {}),
    ...(pregnant !== undefined && pregnant !== null ? { pregnant } : {}),
    ...(breastfeeding !== undefined && breastfeeding !== null ? { breastfeeding } : {}),
    ...(bloodPressure ? { bloodPressure } : {}),
    ...(childPughClass ? { childPughClass } : {}),
  };
}
