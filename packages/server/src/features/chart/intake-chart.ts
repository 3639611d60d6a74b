import { assembleIntakeChart, intakeChart, type IntakeChart } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import type { AuditTrail } from '../../platform/audit/trail.js';
import { NotesRepo } from '../notes/repo.js';
import { latestSignedNotes, type SignedEvaluationNotes } from '../notes/signed.js';
import { AllergiesRepo } from './allergies-repo.js';
import type { AdmittedPatient } from './chart-repo.js';
import { DiagnosesRepo } from './diagnoses-repo.js';
import { FindingsRepo } from './findings-repo.js';
import { MedicationsRepo } from './medications-repo.js';

/** The chart as the contraindication rules read it, and the signed notes it came from. */
export interface ChartForRules {
  readonly chart: IntakeChart;
  readonly notes: SignedEvaluationNotes;
  readonly includesSelfReport: boolean;
}

/** The stored pre-screen self-report, if it is one the rules can read. */
export function storedSelfReport(value: unknown): IntakeChart | null {
  if (value === null || value === undefined) return null;
  const parsed = intakeChart.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Assembles an admitted patient's chart for the contraindication engine (core `assembleIntakeChart`):
 * active diagnoses, medications, allergies and reported conditions, the latest signed evaluation and
 * exam, and the intake self-report. No audit fact of its own: the caller admitted the patient.
 */
export async function chartForRules(tx: Executor, ctx: AuthedContext, audit: AuditTrail, admitted: AdmittedPatient): Promise<ChartForRules> {
  const medications = new MedicationsRepo(tx, ctx, audit);
  const [diagnoses, meds, listStarted, allergies, findings, notes] = [
    await new DiagnosesRepo(tx, ctx, audit).current(admitted),
    await medications.current(admitted),
    await medications.listStarted(admitted),
    await new AllergiesRepo(tx, ctx, audit).current(admitted),
    await new FindingsRepo(tx, ctx, audit).current(admitted),
    await latestSignedNotes(new NotesRepo(tx, ctx, audit), admitted),
  ];
  const selfReport = storedSelfReport(admitted.intakeSelfReport);
  const chart = assembleIntakeChart({
    dateOfBirth: admitted.dateOfBirth,
    selfReport,
    diagnoses: diagnoses.filter((d) => d.status === 'active').map((d) => d.code),
    medications: meds.filter((m) => m.status === 'active').map((m) => ({ name: m.name, drugClass: m.drugClass, dailyDoseMg: m.dailyDoseMg })),
    medicationListStarted: listStarted,
    allergies: allergies.filter((a) => a.status === 'active').map((a) => a.substance),
    findings: findings.filter((f) => f.status === 'active').map((f) => ({ condition: f.condition, note: f.note })),
    evaluation: notes.evaluation ? { content: notes.evaluation.content, signedAt: notes.evaluation.signedAt.toISOString() } : null,
    exam: notes.exam ? { content: notes.exam.content, signedAt: notes.exam.signedAt.toISOString() } : null,
  });
  return { chart, notes, includesSelfReport: selfReport !== null };
}
